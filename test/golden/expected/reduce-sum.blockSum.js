"use strict";
// KernelScript kernel 'blockSum' (JS). Generated code: edit the TypeScript source instead.
function ks_atomic_add(a, i, v) { const o = a[i]; a[i] = o + v; return o; }
return function blockSum(ks_args, ks_grid, ks_block) {
  const x = ks_args[0];
  const partial = ks_args[1];
  const total = ks_args[2];
  const n = ks_args[3] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_n = ks_bdx * ks_bdy * ks_bdz;
  const ks_v_t = new Float64Array(ks_n);
  const ks_v_stride = new Float64Array(ks_n);
  for (let ks_bz = 0; ks_bz < ks_gdz; ks_bz++) {
    for (let ks_by = 0; ks_by < ks_gdy; ks_by++) {
      for (let ks_bx = 0; ks_bx < ks_gdx; ks_bx++) {
        const s = new Float32Array(256);
        for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
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
              ks_v_t[ks_i] = t;
            }
          }
        }
        // barrier
        {
          for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
            for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
              ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
                let stride = 128;
                ks_v_stride[ks_i] = stride;
              }
            }
          }
          while (ks_v_stride[0] > 0) {
            for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
              for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
                ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
                  const t = ks_v_t[ks_i];
                  const stride = ks_v_stride[ks_i];
                  if (t < stride) {
                    s[t] = Math.fround(s[t] + s[(t + stride) | 0]);
                  }
                }
              }
            }
            // barrier
            for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
              for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
                ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
                  let stride = ks_v_stride[ks_i];
                  stride = stride >> 1;
                  ks_v_stride[ks_i] = stride;
                }
              }
            }
          }
        }
        for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
              const t = ks_v_t[ks_i];
              if (t === 0) {
                partial[ks_bx] = s[0];
                ks_atomic_add(total, 0, s[0]);
              }
            }
          }
        }
      }
    }
  }
};
