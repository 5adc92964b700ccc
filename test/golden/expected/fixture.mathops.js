"use strict";
// KernelScript kernel 'mathops' (JS). Generated code: edit the TypeScript source instead.
return function mathops(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const X = ks_args[0];
  const Y = ks_args[1];
  const O = ks_args[2];
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
          const gi = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
          if (gi < n) {
            const x = X[gi];
            const y = Y[gi];
            O[(Math.imul(gi, 19) + 0) | 0] = Math.exp(x);
            O[(Math.imul(gi, 19) + 1) | 0] = Math.log(Math.fround(Math.abs(x) + 0.5));
            O[(Math.imul(gi, 19) + 2) | 0] = Math.sqrt(Math.abs(x));
            O[(Math.imul(gi, 19) + 3) | 0] = Math.abs(x);
            O[(Math.imul(gi, 19) + 4) | 0] = Math.min(x, y);
            O[(Math.imul(gi, 19) + 5) | 0] = Math.max(x, y);
            O[(Math.imul(gi, 19) + 6) | 0] = Math.pow(Math.fround(Math.abs(x) + 0.10000000149011612), y);
            O[(Math.imul(gi, 19) + 7) | 0] = Math.pow(x, 3.0);
            O[(Math.imul(gi, 19) + 8) | 0] = Math.floor(Math.fround(x * 3.0));
            O[(Math.imul(gi, 19) + 9) | 0] = Math.ceil(Math.fround(x * 3.0));
            O[(Math.imul(gi, 19) + 10) | 0] = Math.round(Math.fround(Math.floor(Math.fround(x * 8.0)) * 0.5));
            O[(Math.imul(gi, 19) + 11) | 0] = Math.sin(x);
            O[(Math.imul(gi, 19) + 12) | 0] = Math.cos(x);
            O[(Math.imul(gi, 19) + 13) | 0] = Math.tan(x);
            O[(Math.imul(gi, 19) + 14) | 0] = Math.tanh(Math.fround(x * 2.0));
            O[(Math.imul(gi, 19) + 15) | 0] = Math.atan2(x, y);
            O[(Math.imul(gi, 19) + 16) | 0] = Math.sign(x);
            O[(Math.imul(gi, 19) + 17) | 0] = 3.1415927410125732 * x;
            O[(Math.imul(gi, 19) + 18) | 0] = Math.fround(x * 7.0) % y;
          }
        }
      }
    }
  }
};
