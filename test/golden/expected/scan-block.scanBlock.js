"use strict";
// KernelScript kernel 'scanBlock' (JS). Generated code: edit the TypeScript source instead.
return function scanBlock(ks_args, ks_grid, ks_block) {
  const x = ks_args[0];
  const y = ks_args[1];
  const n = ks_args[2] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_n = ks_bdx * ks_bdy * ks_bdz;
  const ks_v_t = new Float64Array(ks_n);
  const ks_v_i = new Float64Array(ks_n);
  const ks_v_src = new Float64Array(ks_n);
  const ks_v_offset = new Float64Array(ks_n);
  const ks_v_dst = new Float64Array(ks_n);
  for (let ks_bz = 0; ks_bz < ks_gdz; ks_bz++) {
    for (let ks_by = 0; ks_by < ks_gdy; ks_by++) {
      for (let ks_bx = 0; ks_bx < ks_gdx; ks_bx++) {
        const buf = new Float32Array(512);
        for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
              const t = ks_tx;
              const i = (Math.imul(ks_bx, 256) + t) | 0;
              buf[t] = i < n ? x[i] : 0.0;
              ks_v_t[ks_i] = t;
              ks_v_i[ks_i] = i;
            }
          }
        }
        // barrier
        for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
              let src = 0;
              ks_v_src[ks_i] = src;
            }
          }
        }
        {
          for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
            for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
              ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
                let offset = 1;
                ks_v_offset[ks_i] = offset;
              }
            }
          }
          while (ks_v_offset[0] < 256) {
            for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
              for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
                ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
                  const t = ks_v_t[ks_i];
                  const src = ks_v_src[ks_i];
                  const offset = ks_v_offset[ks_i];
                  const dst = (1 - src) | 0;
                  let v = buf[(Math.imul(src, 256) + t) | 0];
                  if (t >= offset) {
                    v = Math.fround(v + buf[(((Math.imul(src, 256) + t) | 0) - offset) | 0]);
                  }
                  buf[(Math.imul(dst, 256) + t) | 0] = v;
                  ks_v_dst[ks_i] = dst;
                }
              }
            }
            // barrier
            for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
              for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
                ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
                  let src = ks_v_src[ks_i];
                  const dst = ks_v_dst[ks_i];
                  src = dst;
                  ks_v_src[ks_i] = src;
                }
              }
            }
            for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
              for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
                ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
                  let offset = ks_v_offset[ks_i];
                  offset = Math.imul(offset, 2);
                  ks_v_offset[ks_i] = offset;
                }
              }
            }
          }
        }
        for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
              const t = ks_v_t[ks_i];
              const i = ks_v_i[ks_i];
              const src = ks_v_src[ks_i];
              if (i < n) {
                y[i] = buf[(Math.imul(src, 256) + t) | 0];
              }
            }
          }
        }
      }
    }
  }
};
