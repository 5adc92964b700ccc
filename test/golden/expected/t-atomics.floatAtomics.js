"use strict";
// KernelScript kernel 'floatAtomics' (JS). Generated code: edit the TypeScript source instead.
function ks_atomic_add(a, i, v) { const o = a[i]; a[i] = o + v; return o; }
return function floatAtomics(ks_args, ks_grid, ks_block) {
  const x = ks_args[0];
  const sums = ks_args[1];
  const n = ks_args[2] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_n = ks_bdx * ks_bdy * ks_bdz;
  const ks_v_i = new Float64Array(ks_n);
  for (let ks_bz = 0; ks_bz < ks_gdz; ks_bz++) {
    for (let ks_by = 0; ks_by < ks_gdy; ks_by++) {
      for (let ks_bx = 0; ks_bx < ks_gdx; ks_bx++) {
        const part = new Float32Array(1);
        for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
              const i = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
              if (ks_tx === 0) {
                part[0] = 0.0;
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
                ks_atomic_add(sums, 0, x[i]);
                ks_atomic_add(part, 0, Math.fround(x[i] * x[i]));
              }
            }
          }
        }
        // barrier
        for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) {
              if (ks_tx === 0) {
                ks_atomic_add(sums, 1, part[0]);
              }
            }
          }
        }
      }
    }
  }
};
