"use strict";
// KernelScript kernel 'intAtomics' (JS). Generated code: edit the TypeScript source instead.
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
function ks_atomic_sub(a, i, v) { if (!(i >= 0 && i < a.length)) return undefined; return Atomics.sub(a, i, v); }
function ks_atomic_min(a, i, v) { if (!(i >= 0 && i < a.length)) return undefined; for (;;) { const o = Atomics.load(a, i); if (o <= v) return o; if (Atomics.compareExchange(a, i, o, v) === o) return o; } }
function ks_atomic_max(a, i, v) { if (!(i >= 0 && i < a.length)) return undefined; for (;;) { const o = Atomics.load(a, i); if (o >= v) return o; if (Atomics.compareExchange(a, i, o, v) === o) return o; } }
function ks_atomic_exch(a, i, v) { if (!(i >= 0 && i < a.length)) return undefined; return Atomics.exchange(a, i, v); }
function ks_atomic_cas(a, i, e, v) { if (!(i >= 0 && i < a.length)) return undefined; return Atomics.compareExchange(a, i, e, v); }
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
return Object.assign(function intAtomics(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const c = ks_args[0];
  const tickets = ks_args[1];
  const uc = ks_args[2];
  const n = ks_args[3] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  const ks_n = ks_bdx * ks_bdy * ks_bdz;
  const hist = ks_kept(0, 8) ?? ks_keep(0, ks_alloc(Int32Array, 8));
  const ks_a_hist = ks_addr(hist);
  for (let ks_b = ks_b0; ks_b < ks_b1; ks_b++) {
    const ks_bx = ks_b % ks_gdx, ks_byz = (ks_b - ks_bx) / ks_gdx;
    const ks_by = ks_byz % ks_gdy, ks_bz = (ks_byz - ks_by) / ks_gdy;
    hist.fill(0);
    if (!(ks_a_hist >= 0 && ks_W.w0(ks_a_hist, hist.length, ks_bx, ks_bdx, ks_bdy, ks_bdz, 0, Math.min(8, ks_bdx), ks_out) === 0)) {
      {
        const ks_lo = 0, ks_hi = Math.min(8, ks_bdx);
        for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            ks_thread: for (let ks_tx = ks_lo; ks_tx < ks_hi; ks_tx++) {
              const i = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
              if (ks_tx < 8) {
                hist[ks_tx] = 0;
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
          const i = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
          if (i < n) {
            const ticket = ks_atomic_add(c, 0, 1);
            tickets[ticket] = (tickets[ticket] + 1) | 0;
            ks_atomic_sub(c, 1, 3);
            ks_atomic_min(c, 2, (500 - i) | 0);
            ks_atomic_max(c, 3, (i - 7) | 0);
            ks_atomic_exch(c, 4, 42);
            let seen = 0;
            do {
              seen = c[5];
            } while (ks_atomic_cas(c, 5, seen, (seen + 2) | 0) !== seen);
            ks_atomic_add(hist, i & 7, 1);
            ks_atomic_max(uc, 0, Math.imul(i >>> 0, 2654435761) >>> 0);
            ks_atomic_min(uc, 1, ((Math.imul(i >>> 0, 2654435761) >>> 0) + 12345) >>> 0);
          }
        }
      }
    }
    // barrier
    {
      const ks_lo = 0, ks_hi = Math.min(8, ks_bdx);
      for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
        for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
          ks_thread: for (let ks_tx = ks_lo; ks_tx < ks_hi; ks_tx++) {
            if (ks_tx < 8) {
              ks_atomic_add(c, (8 + ks_tx) | 0, hist[ks_tx]);
            }
          }
        }
      }
    }
  }
}, { wasm: "AGFzbQEAAAABDgFgCX9/f39/f39/fwF/AhEBAmtzBm1lbW9yeQIDAICABAMCAQAHBgECdzAAAAq3AQG0AQgBfwF/AX8BfwF/AX8BfwF/AkAgAEF/Rg0AQQAhDgJAA0AgDiAFSEUNAUEAIQ0CQANAIA0gBEhFDQEgBiEMAkADQCAMIAdIRQ0BIA4gBGwgDWogA2wgDGohCwJAIAIgA2wgDGohDyAMQQhIBEAgDCEKQQAhECAKIAFJBEAgACAKQQJ0aiAQNgIACwsLIAxBAWohDAwACwsgDUEBaiENDAALCyAOQQFqIQ4MAAsLQQAPC0EBCw==", link: ks_link });
