"use strict";
// KernelScript kernel 'edges' (JS). Generated code: edit the TypeScript source instead.
function poly(v) {
  return Math.fround(v + Math.fround(Math.fround(Math.fround(2.0 * v) * 3.0) * v));
}
return function edges(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const x = ks_args[0];
  const w = ks_args[1];
  const out = ks_args[2];
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
            const off_1 = Math.imul(ks_bx, ks_bdx);
            const lane_result = x[(off_1 + ks_tx) | 0];
            const j_1 = (((i + 1) | 0) % n) | 0;
            let pick_result = 0;
            for (;;) {
              if (x[i] > x[j_1]) {
                pick_result = Math.fround(x[i] - x[j_1]);
                break;
              } else {
                pick_result = Math.fround(x[j_1] + 1.0);
                break;
              }
            }
            const i_1 = (((i + 2) | 0) % n) | 0;
            let pick_result_1 = 0;
            for (;;) {
              if (x[i_1] > x[i]) {
                pick_result_1 = Math.fround(x[i_1] - x[i]);
                break;
              } else {
                pick_result_1 = Math.fround(x[i] + 1.0);
                break;
              }
            }
            let s = Math.fround(lane_result + Math.fround(pick_result * pick_result_1));
            let visits = 0;
            {
              let j = Math.imul(8, i);
              for (;;) {
                if (!(j < ((Math.imul(8, i) + 8) | 0))) break;
                visits = (visits + 1) | 0;
                let step_result = 0;
                for (;;) {
                  const up_1 = w[j] > 0.0;
                  w[j] = w[j] + 10.0;
                  if (up_1) {
                    step_result = (j + 2) | 0;
                    break;
                  }
                  step_result = (j + 1) | 0;
                  break;
                }
                j = step_result;
              }
            }
            s = Math.fround(s + Math.fround(poly(x[i]) + Math.fround(visits)));
            out[i] = s;
          }
        }
      }
    }
  }
};
