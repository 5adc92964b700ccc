"use strict";
// KernelScript kernel 'lastBlock' (JS). Generated code: edit the TypeScript source instead.
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
return Object.assign(function lastBlock(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const xs = ks_args[0];
  const partial = ks_args[1];
  const count = ks_args[2];
  const out = ks_args[3];
  const n = ks_args[4] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  const ks_n = ks_bdx * ks_bdy * ks_bdz;
  const s = ks_kept(0, 64) ?? ks_keep(0, ks_alloc(Int32Array, 64));
  const last = ks_kept(1, 1) ?? ks_keep(1, ks_alloc(Int32Array, 1));
  const ks_a_s = ks_addr(s);
  const ks_a_partial = ks_addr(partial);
  for (let ks_b = ks_b0; ks_b < ks_b1; ks_b++) {
    const ks_bx = ks_b % ks_gdx, ks_byz = (ks_b - ks_bx) / ks_gdx;
    const ks_by = ks_byz % ks_gdy, ks_bz = (ks_byz - ks_by) / ks_gdy;
    s.fill(0);
    last.fill(0);
    for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
      for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
        ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) {
          const t = ks_tx;
          const i = (Math.imul(ks_bx, ks_bdx) + t) | 0;
          s[t] = i < n ? xs[i] : 0;
        }
      }
    }
    // barrier
    {
      const ks_lo = 0, ks_hi = Math.min(1, ks_bdx);
      for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
        for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
          ks_thread: for (let ks_tx = ks_lo; ks_tx < ks_hi; ks_tx++) {
            const t = ks_tx;
            if (t === 0) {
              let sum = 0;
              {
                let k = 0;
                if (ks_a_s >= 0 && 64 - k >= 13 && ks_W.w0(ks_a_s, s.length, k, sum, ks_out) === 0) {
                  sum = ks_oi[0];
                  k = ks_oi[1];
                } else {
                  for (; k < 64; k = (k + 1) | 0) {
                    sum = (sum + s[k]) | 0;
                  }
                }
              }
              partial[ks_bx] = sum;
              const publish_result = ks_atomic_add(count, 0, 1);
              const ticket = publish_result;
              last[0] = ticket === (((ks_gdx - 1) | 0) >>> 0) ? 1 : 0;
            }
          }
        }
      }
    }
    // barrier
    {
      const ks_lo = 0, ks_hi = Math.min(1, ks_bdx);
      for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
        for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
          ks_thread: for (let ks_tx = ks_lo; ks_tx < ks_hi; ks_tx++) {
            const t = ks_tx;
            if (last[0] === 1 && t === 0) {
              let total = 0;
              {
                let b = 0;
                if (ks_a_partial >= 0 && ks_gdx - b >= 13 && ks_W.w1(ks_a_partial, partial.length, b, ks_gdx, total, ks_out) === 0) {
                  total = ks_oi[0];
                  b = ks_oi[1];
                } else {
                  for (; b < ks_gdx; b = (b + 1) | 0) {
                    total = (total + partial[b]) | 0;
                  }
                }
              }
              out[0] = total;
            }
          }
        }
      }
    }
  }
}, { wasm: "AGFzbQEAAAABFAJgBX9/f39/AX9gBn9/f39/fwF/AhEBAmtzBm1lbW9yeQIDAICABAMDAgABBwsCAncwAAACdzEAAQqwAQJXAgF/AX8CQCAAQX9GDQACQANAIAJBwABIRQ0BAkAgAyACIgUgAU8NAyAAIAVBAnRqKAIAaiEDCyACQQFqIQIMAAsLIAQgAzYCACAEIAI2AgRBAA8LQQELVgIBfwF/AkAgAEF/Rg0AAkADQCACIANIRQ0BAkAgBCACIgYgAU8NAyAAIAZBAnRqKAIAaiEECyACQQFqIQIMAAsLIAUgBDYCACAFIAI2AgRBAA8LQQEL", link: ks_link });
