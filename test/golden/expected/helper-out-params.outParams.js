"use strict";
// KernelScript kernel 'outParams' (JS). Generated code: edit the TypeScript source instead.
return function outParams(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const a = ks_args[0];
  const mm = ks_args[1];
  const spread = ks_args[2];
  const flags = ks_args[3];
  const rows = ks_args[4] | 0;
  const w = ks_args[5] | 0;
  const h = ks_args[6] | 0;
  const v = Math.fround(ks_args[7]);
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  for (let ks_b = ks_b0; ks_b < ks_b1; ks_b++) {
    const ks_bx = ks_b % ks_gdx, ks_byz = (ks_b - ks_bx) / ks_gdx;
    const ks_by = ks_byz % ks_gdy, ks_bz = (ks_byz - ks_by) / ks_gdy;
    for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
      for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
        ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) {
          const r = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
          if (r < rows) {
            const m = Math.imul(w, h);
            const off_1 = Math.imul(r, m);
            const o_1 = Math.imul(2, r);
            let lo_1 = a[off_1];
            let hi_1 = a[off_1];
            {
              let j_1 = 1;
              for (; j_1 < m; j_1 = (j_1 + 1) | 0) {
                lo_1 = Math.min(lo_1, a[(off_1 + j_1) | 0]);
                hi_1 = Math.max(hi_1, a[(off_1 + j_1) | 0]);
              }
            }
            mm[o_1] = lo_1;
            mm[(o_1 + 1) | 0] = hi_1;
            let t_0 = 0.0;
            let t_1 = 0.0;
            const off_2 = Math.imul(r, m);
            let lo_2 = a[off_2];
            let hi_2 = a[off_2];
            {
              let j_2 = 1;
              for (; j_2 < m; j_2 = (j_2 + 1) | 0) {
                lo_2 = Math.min(lo_2, a[(off_2 + j_2) | 0]);
                hi_2 = Math.max(hi_2, a[(off_2 + j_2) | 0]);
              }
            }
            t_0 = Math.fround(lo_2);
            t_1 = Math.fround(hi_2);
            let u_0 = 0.0;
            let u_1 = 0.0;
            {
              u_0 = Math.fround(t_0 * 3.0);
              u_1 = Math.fround(t_1 * 3.0);
            }
            spread[r] = u_1 - u_0;
            const off_3 = Math.imul(r, m);
            let markFirst_done = false;
            for (;;) {
              {
                let y_1 = 0;
                for (; y_1 < h; y_1 = (y_1 + 1) | 0) {
                  {
                    let x_1 = 0;
                    for (; x_1 < w; x_1 = (x_1 + 1) | 0) {
                      if (a[(((off_3 + Math.imul(y_1, w)) | 0) + x_1) | 0] > v) {
                        flags[(((off_3 + Math.imul(y_1, w)) | 0) + x_1) | 0] = (flags[(((off_3 + Math.imul(y_1, w)) | 0) + x_1) | 0] + 1) | 0;
                        markFirst_done = true;
                        break;
                      }
                    }
                    if (markFirst_done) {
                      break;
                    }
                  }
                }
                if (markFirst_done) {
                  break;
                }
              }
              flags[off_3] = (-flags[off_3]) | 0;
              break;
            }
          }
        }
      }
    }
  }
};
