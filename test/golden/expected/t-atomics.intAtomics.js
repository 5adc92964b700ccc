"use strict";
// KernelScript kernel 'intAtomics' (JS). Generated code: edit the TypeScript source instead.
function ks_atomic_add(a, i, v) { const o = a[i]; a[i] = o + v; return o; }
function ks_atomic_sub(a, i, v) { const o = a[i]; a[i] = o - v; return o; }
function ks_atomic_min(a, i, v) { const o = a[i]; a[i] = Math.min(o, v); return o; }
function ks_atomic_max(a, i, v) { const o = a[i]; a[i] = Math.max(o, v); return o; }
function ks_atomic_exch(a, i, v) { const o = a[i]; a[i] = v; return o; }
function ks_atomic_cas(a, i, e, v) { const o = a[i]; if (o === e) a[i] = v; return o; }
return function intAtomics(ks_args, ks_grid, ks_block) {
  const c = ks_args[0];
  const tickets = ks_args[1];
  const uc = ks_args[2];
  const n = ks_args[3] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_n = ks_bdx * ks_bdy * ks_bdz;
  const ks_v_i = new Float64Array(ks_n);
  for (let ks_bz = 0; ks_bz < ks_gdz; ks_bz++) {
    for (let ks_by = 0; ks_by < ks_gdy; ks_by++) {
      for (let ks_bx = 0; ks_bx < ks_gdx; ks_bx++) {
        const hist = new Int32Array(8);
        for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
              const i = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
              if (ks_tx < 8) {
                hist[ks_tx] = 0;
              }
              ks_v_i[ks_i] = i;
            }
          }
        }
        // barrier
        for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
              const i = ks_v_i[ks_i];
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
        for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) {
              if (ks_tx < 8) {
                ks_atomic_add(c, (8 + ks_tx) | 0, hist[ks_tx]);
              }
            }
          }
        }
      }
    }
  }
};
