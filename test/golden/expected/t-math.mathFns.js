"use strict";
// KernelScript kernel 'mathFns' (JS). Generated code: edit the TypeScript source instead.
return function mathFns(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const xs = ks_args[0];
  const ys = ks_args[1];
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
            const x = xs[i];
            const y = ys[i];
            const o = Math.imul(i, 20);
            out[o] = Math.exp(x);
            out[(o + 1) | 0] = Math.log(y);
            out[(o + 2) | 0] = Math.sqrt(y);
            out[(o + 3) | 0] = Math.abs(x);
            out[(o + 4) | 0] = Math.min(x, y);
            out[(o + 5) | 0] = Math.max(x, y);
            out[(o + 6) | 0] = Math.pow(y, x);
            out[(o + 7) | 0] = Math.pow(x, 3.0);
            out[(o + 8) | 0] = Math.floor(Math.fround(x * 3.0));
            out[(o + 9) | 0] = Math.ceil(Math.fround(x * 3.0));
            out[(o + 10) | 0] = Math.round(Math.fround(Math.floor(Math.fround(x * 8.0)) * 0.5));
            out[(o + 11) | 0] = Math.sin(x);
            out[(o + 12) | 0] = Math.cos(x);
            out[(o + 13) | 0] = Math.tan(x);
            out[(o + 14) | 0] = Math.tanh(Math.fround(x * 2.0));
            out[(o + 15) | 0] = Math.atan2(x, y);
            out[(o + 16) | 0] = Math.sign(x);
            out[(o + 17) | 0] = Math.fround(3.1415927410125732 * x) + 2.7182817459106445;
            out[(o + 18) | 0] = Math.round(Math.fround(x * 100.0));
            out[(o + 19) | 0] = Math.pow(x, 2.0);
          }
        }
      }
    }
  }
};
