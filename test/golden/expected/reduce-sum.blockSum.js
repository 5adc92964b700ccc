"use strict";
// KernelScript kernel 'blockSum' (JS). Generated code: edit the TypeScript source instead.
const ks_f = new Float32Array(1), ks_fi = new Int32Array(ks_f.buffer), ks_views = new WeakMap();
function ks_bits(a) { let b = ks_views.get(a); if (b === undefined) { b = new Int32Array(a.buffer, a.byteOffset, a.length); ks_views.set(a, b); } return b; }
function ks_atomic_addf(a, i, v) {
  const b = ks_bits(a);
  for (;;) {
    const ob = Atomics.load(b, i);
    ks_fi[0] = ob;
    const o = ks_f[0];
    ks_f[0] = o + v;
    if (Atomics.compareExchange(b, i, ob, ks_fi[0]) === ob) return o;
  }
}
function ks_atomic_add(a, i, v) { if (!(i >= 0 && i < a.length)) return undefined; return a instanceof Float32Array ? ks_atomic_addf(a, i, v) : Atomics.add(a, i, v); }
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
return Object.assign(function blockSum(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const x = ks_args[0];
  const partial = ks_args[1];
  const total = ks_args[2];
  const n = ks_args[3] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  const ks_n = ks_bdx * ks_bdy * ks_bdz;
  const s = ks_kept(0, 256) ?? ks_keep(0, ks_alloc(Float32Array, 256));
  const ks_a_x = ks_addr(x);
  const ks_a_s = ks_addr(s);
  for (let ks_b = ks_b0; ks_b < ks_b1; ks_b++) {
    const ks_bx = ks_b % ks_gdx, ks_byz = (ks_b - ks_bx) / ks_gdx;
    const ks_by = ks_byz % ks_gdy, ks_bz = (ks_byz - ks_by) / ks_gdy;
    s.fill(0);
    if (!(ks_a_x >= 0 && ks_a_s >= 0 && ks_W.w0(ks_a_x, x.length, ks_a_s, s.length, ks_bx, n, ks_bdx, ks_bdy, ks_bdz, ks_out) === 0)) {
      for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
        for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
          ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) {
            const t = ks_tx;
            const i = (Math.imul(Math.imul(ks_bx, 256), 2) + t) | 0;
            let v = 0.0;
            if (i < n) {
              v = x[i];
            }
            if (((i + 256) | 0) < n) {
              v = Math.fround(v + x[(i + 256) | 0]);
            }
            s[t] = v;
          }
        }
      }
    }
    // barrier
    {
      let stride = 128;
      while (stride > 0) {
        if (!(ks_a_s >= 0 && ks_W.w1(ks_a_s, s.length, stride, ks_bdx, ks_bdy, ks_bdz, 0, Math.min(Math.max(stride, 0), ks_bdx) | 0, ks_out) === 0)) {
          {
            const ks_lo = 0, ks_hi = Math.min(Math.max(stride, 0), ks_bdx) | 0;
            for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
              for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
                ks_thread: for (let ks_tx = ks_lo; ks_tx < ks_hi; ks_tx++) {
                  const t = ks_tx;
                  if (t < stride) {
                    s[t] = s[t] + s[(t + stride) | 0];
                  }
                }
              }
            }
          }
        }
        // barrier
        stride = stride >> 1;
      }
    }
    {
      const ks_lo = 0, ks_hi = Math.min(1, ks_bdx);
      for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
        for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
          ks_thread: for (let ks_tx = ks_lo; ks_tx < ks_hi; ks_tx++) {
            const t = ks_tx;
            if (t === 0) {
              partial[ks_bx] = s[0];
              ks_atomic_add(total, 0, s[0]);
            }
          }
        }
      }
    }
  }
}, { wasm: "AGFzbQEAAAABHAJgCn9/f39/f39/f38Bf2AJf39/f39/f39/AX8CEQECa3MGbWVtb3J5AgMAgIAEAwMCAAEHCwICdzAAAAJ3MQABCoYEApsCCgF/AX8BfwF/AX8BfwF/AX8BfQF9AkAgAEF/Rg0AIAJBf0YNAEEAIQ8CQANAIA8gCEhFDQFBACEOAkADQCAOIAdIRQ0BQQAhDQJAA0AgDSAGSEUNASAPIAdsIA5qIAZsIA1qIQwCQCANIRAgBEGAAmxBAmwgEGohEUMAAAAAIRIgESAFSARAIBEiCiABTwR9QwAAwH8FIAAgCkECdGoqAgALIRILIBFBgAJqIAVIBEAgEiARQYACaiIKIAFPBH1DAADAfwUgACAKQQJ0aioCAAuSIRILIBAhCyASIRMgCyADSQRAIAIgC0ECdGogEzgCAAsLIA1BAWohDQwACwsgDkEBaiEODAALCyAPQQFqIQ8MAAsLQQAPC0EBC+YBCAF/AX8BfwF/AX8BfwF/AX0CQCAAQX9GDQBBACEOAkADQCAOIAVIRQ0BQQAhDQJAA0AgDSAESEUNASAGIQwCQANAIAwgB0hFDQEgDiAEbCANaiADbCAMaiELAkAgDCEPIA8gAkgEQCAPIQogDyIJIAFPBH1DAADAfwUgACAJQQJ0aioCAAsgDyACaiIJIAFPBH1DAADAfwUgACAJQQJ0aioCAAuSIRAgCiABSQRAIAAgCkECdGogEDgCAAsLCyAMQQFqIQwMAAsLIA1BAWohDQwACwsgDkEBaiEODAALC0EADwtBAQs=", link: ks_link });
