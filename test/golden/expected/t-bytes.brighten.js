"use strict";
// KernelScript kernel 'brighten' (JS). Generated code: edit the TypeScript source instead.
return function brighten(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const img = ks_args[0];
  const out = ks_args[1];
  const gain = ks_args[2] >>> 0;
  const n = ks_args[3] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  for (let ks_b = ks_b0; ks_b < ks_b1; ks_b++) {
    const ks_bx = ks_b % ks_gdx, ks_byz = (ks_b - ks_bx) / ks_gdx;
    const ks_by = ks_byz % ks_gdy, ks_bz = (ks_byz - ks_by) / ks_gdy;
    for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
      for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
        ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) {
          const i = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
          if (i < n) {
            let left = 0;
            if (i > 0) {
              left = img[(i - 1) | 0];
            }
            out[i] = ((Math.imul(img[i], gain) >>> 0) + 7) >>> 0;
            out[i] = (out[i] + left) >>> 0;
          }
        }
      }
    }
  }
};
