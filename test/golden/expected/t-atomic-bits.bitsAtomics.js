"use strict";
// KernelScript kernel 'bitsAtomics' (JS). Generated code: edit the TypeScript source instead.
function ks_atomic_and(a, i, v) { if (!(i >= 0 && i < a.length)) return undefined; return Atomics.and(a, i, v); }
function ks_atomic_or(a, i, v) { if (!(i >= 0 && i < a.length)) return undefined; return Atomics.or(a, i, v); }
function ks_atomic_xor(a, i, v) { if (!(i >= 0 && i < a.length)) return undefined; return Atomics.xor(a, i, v); }
const ks_scratch = [];
// Makes a kept array: plainly, or in the memory WebAssembly loops read once the code is linked.
let ks_alloc = (C, n) => new C(n);
// The array kept for `site` if it has `n` elements (an array holds one element type per site).
function ks_kept(site, n) {
  const a = ks_scratch[site];
  return a !== undefined && a.length === n ? a : undefined;
}
// Keeps `a` for `site` unless it is large (an array of per-thread arrays counts them all).
function ks_keep(site, a) {
  const bytes = ArrayBuffer.isView(a) ? a.byteLength : a.length * (ArrayBuffer.isView(a[0]) ? a[0].byteLength : 8);
  if (bytes <= 1048576) ks_scratch[site] = a;
  return a;
}
let ks_W = null, ks_out = 0, ks_of = null, ks_oi = null;
let ks_addr = () => -1;
function ks_link(w, addr, alloc, out, f32, i32) {
  ks_W = w; ks_addr = addr; ks_out = out; ks_of = f32; ks_oi = i32; ks_alloc = alloc;
}
return Object.assign(function bitsAtomics(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const vs = ks_args[0];
  const ws = ks_args[1];
  const g = ks_args[2];
  const gi = ks_args[3];
  const olds = ks_args[4];
  const blockOut = ks_args[5];
  const n = ks_args[6] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  const ks_n = ks_bdx * ks_bdy * ks_bdz;
  const s = ks_kept(0, 3) ?? ks_keep(0, ks_alloc(Uint32Array, 3));
  const ks_a_s = ks_addr(s);
  for (let ks_b = ks_b0; ks_b < ks_b1; ks_b++) {
    const ks_bx = ks_b % ks_gdx, ks_byz = (ks_b - ks_bx) / ks_gdx;
    const ks_by = ks_byz % ks_gdy, ks_bz = (ks_byz - ks_by) / ks_gdy;
    s.fill(0);
    if (!(ks_a_s >= 0 && ks_W.w0(ks_a_s, s.length, ks_bx, ks_bdx, ks_bdy, ks_bdz, 0, Math.min(3, ks_bdx), ks_out) === 0)) {
      {
        const ks_lo = 0, ks_hi = Math.min(3, ks_bdx);
        for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            ks_thread: for (let ks_tx = ks_lo; ks_tx < ks_hi; ks_tx++) {
              const t = ks_tx;
              const i = (Math.imul(ks_bx, ks_bdx) + t) | 0;
              if (t < 3) {
                s[t] = t === 1 ? 4294967295 : 0;
              }
            }
          }
        }
      }
    }
    // barrier
    for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
      for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
        ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) {
          const t = ks_tx;
          const i = (Math.imul(ks_bx, ks_bdx) + t) | 0;
          if (i < n) {
            olds[i] = ks_atomic_or(g, 0, vs[i]);
            ks_atomic_and(g, 1, (~vs[i]) >>> 0);
            ks_atomic_xor(g, 2, vs[i]);
            ks_atomic_xor(gi, 0, ws[i]);
            ks_atomic_and(gi, 1, ws[i] | 1073741824);
            ks_atomic_or(s, 0, vs[i]);
            ks_atomic_and(s, 1, (~((vs[i] & 4278255360) >>> 0)) >>> 0);
            ks_atomic_xor(s, 2, vs[i]);
          }
        }
      }
    }
    // barrier
    {
      const ks_lo = 0, ks_hi = Math.min(3, ks_bdx);
      for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
        for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
          ks_thread: for (let ks_tx = ks_lo; ks_tx < ks_hi; ks_tx++) {
            const t = ks_tx;
            if (t < 3) {
              blockOut[(Math.imul(ks_bx, 3) + t) | 0] = s[t];
            }
          }
        }
      }
    }
  }
}, { wasm: "AGFzbQEAAAABDgFgCX9/f39/f39/fwF/AhEBAmtzBm1lbW9yeQIDAICABAMCAQAHBgECdzAAAArIAQHFAQkBfwF/AX8BfwF/AX8BfwF/AX8CQCAAQX9GDQBBACEOAkADQCAOIAVIRQ0BQQAhDQJAA0AgDSAESEUNASAGIQwCQANAIAwgB0hFDQEgDiAEbCANaiADbCAMaiELAkAgDCEPIAIgA2wgD2ohECAPQQNIBEAgDyEKIA9BAUYEf0F/BUEACyERIAogAUkEQCAAIApBAnRqIBE2AgALCwsgDEEBaiEMDAALCyANQQFqIQ0MAAsLIA5BAWohDgwACwtBAA8LQQEL", link: ks_link });
