"use strict";
// KernelScript kernel 'histogramShared' (JS). Generated code: edit the TypeScript source instead.
function ks_atomic_add(a, i, v) { const o = a[i]; a[i] = o + v; return o; }
return function histogramShared(ks_args, ks_grid, ks_block) {
  const data = ks_args[0];
  const bins = ks_args[1];
  const n = ks_args[2] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_n = ks_bdx * ks_bdy * ks_bdz;
  for (let ks_bz = 0; ks_bz < ks_gdz; ks_bz++) {
    for (let ks_by = 0; ks_by < ks_gdy; ks_by++) {
      for (let ks_bx = 0; ks_bx < ks_gdx; ks_bx++) {
        const counts = new Uint32Array(64);
        for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) {
              {
                let b = ks_tx;
                for (; b < 64; b = (b + ks_bdx) | 0) {
                  counts[b] = 0;
                }
              }
            }
          }
        }
        // barrier
        for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) {
              {
                let i = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
                for (; i < n; i = (i + Math.imul(ks_bdx, ks_gdx)) | 0) {
                  ks_atomic_add(counts, (data[i] % 64) >>> 0, 1);
                }
              }
            }
          }
        }
        // barrier
        for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) {
              {
                let b_1 = ks_tx;
                for (; b_1 < 64; b_1 = (b_1 + ks_bdx) | 0) {
                  ks_atomic_add(bins, b_1, counts[b_1]);
                }
              }
            }
          }
        }
      }
    }
  }
};
