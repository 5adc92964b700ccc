"use strict";
// KernelScript kernel 'printEach' (JS). Generated code: edit the TypeScript source instead.
let ks_log = null;
const ks_log_f32 = new Float32Array(1), ks_log_f32w = new Uint32Array(ks_log_f32.buffer);
const ks_log_f64 = new Float64Array(1), ks_log_f64w = new Uint32Array(ks_log_f64.buffer);
// Reserves n words: their first index, or -1 when they do not fit (counted as dropped).
function ks_log_at(n) {
  const at = ks_log[0];
  ks_log[0] = at + n;
  const cap = ks_log.length - 2;
  if (at < cap && cap - at >= n) return at + 2;
  ks_log[1]++;
  return -1;
}
return function printEach(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const verbose = Boolean(ks_args[0]);
  const x = ks_args[1];
  const y = ks_args[2];
  const out = ks_args[3];
  const n = ks_args[4] | 0;
  ks_log = ks_args[5];
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
            const v = Math.fround(Math.fround(x[i] * 2.0) + Math.fround(y[i]));
            if (verbose) {
              {
                const ks_p = ks_log_at(12);
                if (ks_p >= 0) {
                  ks_log[ks_p] = 1;
                  ks_log[ks_p + 1] = ks_bx;
                  ks_log[ks_p + 2] = ks_by;
                  ks_log[ks_p + 3] = ks_bz;
                  ks_log[ks_p + 4] = ks_tx;
                  ks_log[ks_p + 5] = ks_ty;
                  ks_log[ks_p + 6] = ks_tz;
                  ks_log[ks_p + 7] = i;
                  ks_log[ks_p + 8] = y[i];
                  ks_log[ks_p + 9] = y[i] >>> 0;
                  ks_log[ks_p + 10] = y[i];
                  ks_log[ks_p + 11] = Math.imul(i >>> 0, 7919) >>> 0;
                }
              }
              {
                const ks_p = ks_log_at(15);
                if (ks_p >= 0) {
                  ks_log[ks_p] = 2;
                  ks_log[ks_p + 1] = ks_bx;
                  ks_log[ks_p + 2] = ks_by;
                  ks_log[ks_p + 3] = ks_bz;
                  ks_log[ks_p + 4] = ks_tx;
                  ks_log[ks_p + 5] = ks_ty;
                  ks_log[ks_p + 6] = ks_tz;
                  ks_log[ks_p + 7] = (ks_log_f32[0] = x[i], ks_log_f32w[0]);
                  ks_log[ks_p + 8] = (ks_log_f32[0] = v, ks_log_f32w[0]);
                  ks_log[ks_p + 9] = (ks_log_f32[0] = v, ks_log_f32w[0]);
                  ks_log[ks_p + 10] = (i > 3) ? 1 : 0;
                  ks_log[ks_p + 11] = i;
                  ks_log[ks_p + 12] = (ks_log_f32[0] = x[i], ks_log_f32w[0]);
                  ks_log[ks_p + 13] = y[i];
                  ks_log[ks_p + 14] = i;
                }
              }
              {
                const ks_p = ks_log_at(11);
                if (ks_p >= 0) {
                  ks_log[ks_p] = 3;
                  ks_log[ks_p + 1] = ks_bx;
                  ks_log[ks_p + 2] = ks_by;
                  ks_log[ks_p + 3] = ks_bz;
                  ks_log[ks_p + 4] = ks_tx;
                  ks_log[ks_p + 5] = ks_ty;
                  ks_log[ks_p + 6] = ks_tz;
                  ks_log[ks_p + 7] = (ks_log_f32[0] = v, ks_log_f32w[0]);
                  ks_log[ks_p + 8] = ((i & 1) === 1) ? 1 : 0;
                  ks_log[ks_p + 9] = y[i];
                  ks_log[ks_p + 10] = i >>> 0;
                }
              }
              if (v > 0.0) {
                {
                  const ks_p = ks_log_at(9);
                  if (ks_p >= 0) {
                    ks_log[ks_p] = 4;
                    ks_log[ks_p + 1] = ks_bx;
                    ks_log[ks_p + 2] = ks_by;
                    ks_log[ks_p + 3] = ks_bz;
                    ks_log[ks_p + 4] = ks_tx;
                    ks_log[ks_p + 5] = ks_ty;
                    ks_log[ks_p + 6] = ks_tz;
                    ks_log[ks_p + 7] = i;
                    ks_log[ks_p + 8] = (ks_log_f32[0] = v, ks_log_f32w[0]);
                  }
                }
              }
            }
            out[i] = v;
          }
        }
      }
    }
  }
};
