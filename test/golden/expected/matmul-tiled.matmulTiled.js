"use strict";
// KernelScript kernel 'matmulTiled' (JS). Generated code: edit the TypeScript source instead.
return function matmulTiled(ks_args, ks_grid, ks_block) {
  const a = ks_args[0];
  const b = ks_args[1];
  const c = ks_args[2];
  const m = ks_args[3] | 0;
  const n = ks_args[4] | 0;
  const k = ks_args[5] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_n = ks_bdx * ks_bdy * ks_bdz;
  const ks_v_tx = new Float64Array(ks_n);
  const ks_v_ty = new Float64Array(ks_n);
  const ks_v_row = new Float64Array(ks_n);
  const ks_v_col = new Float64Array(ks_n);
  const ks_v_sum = new Float64Array(ks_n);
  const ks_v_t = new Float64Array(ks_n);
  for (let ks_bz = 0; ks_bz < ks_gdz; ks_bz++) {
    for (let ks_by = 0; ks_by < ks_gdy; ks_by++) {
      for (let ks_bx = 0; ks_bx < ks_gdx; ks_bx++) {
        const ta = new Float32Array(256);
        const tb = new Float32Array(256);
        for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
              const tx = ks_tx;
              const ty = ks_ty;
              const row = (Math.imul(ks_by, 16) + ty) | 0;
              const col = (Math.imul(ks_bx, 16) + tx) | 0;
              let sum = 0.0;
              ks_v_tx[ks_i] = tx;
              ks_v_ty[ks_i] = ty;
              ks_v_row[ks_i] = row;
              ks_v_col[ks_i] = col;
              ks_v_sum[ks_i] = sum;
            }
          }
        }
        {
          for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
            for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
              ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
                let t = 0;
                ks_v_t[ks_i] = t;
              }
            }
          }
          while (ks_v_t[0] < k) {
            for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
              for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
                ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
                  const tx = ks_v_tx[ks_i];
                  const ty = ks_v_ty[ks_i];
                  const row = ks_v_row[ks_i];
                  const col = ks_v_col[ks_i];
                  const t = ks_v_t[ks_i];
                  ta[(Math.imul(ty, 16) + tx) | 0] = row < m && ((t + tx) | 0) < k ? a[(((Math.imul(row, k) + t) | 0) + tx) | 0] : 0.0;
                  tb[(Math.imul(ty, 16) + tx) | 0] = col < n && ((t + ty) | 0) < k ? b[(Math.imul((t + ty) | 0, n) + col) | 0] : 0.0;
                }
              }
            }
            // barrier
            for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
              for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
                ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
                  const tx = ks_v_tx[ks_i];
                  const ty = ks_v_ty[ks_i];
                  let sum = ks_v_sum[ks_i];
                  {
                    let p = 0;
                    for (; p < 16; p = (p + 1) | 0) {
                      sum = Math.fround(sum + Math.fround(ta[(Math.imul(ty, 16) + p) | 0] * tb[(Math.imul(p, 16) + tx) | 0]));
                    }
                  }
                  ks_v_sum[ks_i] = sum;
                }
              }
            }
            // barrier
            for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
              for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
                ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
                  let t = ks_v_t[ks_i];
                  t = (t + 16) | 0;
                  ks_v_t[ks_i] = t;
                }
              }
            }
          }
        }
        for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
              const row = ks_v_row[ks_i];
              const col = ks_v_col[ks_i];
              const sum = ks_v_sum[ks_i];
              if (row < m && col < n) {
                c[(Math.imul(row, n) + col) | 0] = sum;
              }
            }
          }
        }
      }
    }
  }
};
