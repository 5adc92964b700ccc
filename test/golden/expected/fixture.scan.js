"use strict";
// KernelScript kernel 'scan' (JS). Generated code: edit the TypeScript source instead.
return function scan(ks_args, ks_grid, ks_block) {
  const x = ks_args[0];
  const y = ks_args[1];
  const n = ks_args[2] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_n = ks_bdx * ks_bdy * ks_bdz;
  const ks_v_gi = new Float64Array(ks_n);
  const ks_v_off = new Float64Array(ks_n);
  const ks_v_v = new Float64Array(ks_n);
  for (let ks_bz = 0; ks_bz < ks_gdz; ks_bz++) {
    for (let ks_by = 0; ks_by < ks_gdy; ks_by++) {
      for (let ks_bx = 0; ks_bx < ks_gdx; ks_bx++) {
        const s = new Float32Array(64);
        for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
              const gi = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
              s[ks_tx] = gi < n ? x[gi] : 0.0;
              ks_v_gi[ks_i] = gi;
            }
          }
        }
        // barrier
        for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
              let off = 1;
              ks_v_off[ks_i] = off;
            }
          }
        }
        while (ks_v_off[0] < ks_bdx) {
          for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
            for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
              ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
                const off = ks_v_off[ks_i];
                let v = 0;
                if (ks_tx >= off) {
                  v = s[(ks_tx - off) | 0];
                }
                ks_v_v[ks_i] = v;
              }
            }
          }
          // barrier
          for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
            for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
              ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
                const v = ks_v_v[ks_i];
                s[ks_tx] = Math.fround(s[ks_tx] + v);
              }
            }
          }
          // barrier
          for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
            for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
              ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
                let off = ks_v_off[ks_i];
                off = off << 1;
                ks_v_off[ks_i] = off;
              }
            }
          }
        }
        for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
              const gi = ks_v_gi[ks_i];
              if (gi < n) {
                y[gi] = s[ks_tx];
              }
            }
          }
        }
      }
    }
  }
};
