"use strict";
// KernelScript kernel 'intops' (JS). Generated code: edit the TypeScript source instead.
return function intops(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const A = ks_args[0];
  const B = ks_args[1];
  const X = ks_args[2];
  const OI = ks_args[3];
  const OU = ks_args[4];
  const n = ks_args[5] | 0;
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
          if (gi >= n) {
            continue ks_thread;
          }
          const a = A[gi];
          const b = B[gi];
          const ua = a >>> 0;
          const ub = b >>> 0;
          const x = X[gi];
          OI[(Math.imul(gi, 24) + 0) | 0] = (a + b) | 0;
          OI[(Math.imul(gi, 24) + 1) | 0] = (a - b) | 0;
          OI[(Math.imul(gi, 24) + 2) | 0] = Math.imul(a, b);
          OI[(Math.imul(gi, 24) + 3) | 0] = (a / b) | 0;
          OI[(Math.imul(gi, 24) + 4) | 0] = (a % b) | 0;
          OI[(Math.imul(gi, 24) + 5) | 0] = a & b;
          OI[(Math.imul(gi, 24) + 6) | 0] = a | b;
          OI[(Math.imul(gi, 24) + 7) | 0] = a ^ b;
          OI[(Math.imul(gi, 24) + 8) | 0] = a << b;
          OI[(Math.imul(gi, 24) + 9) | 0] = a >> b;
          OI[(Math.imul(gi, 24) + 10) | 0] = (a >>> b) | 0;
          OI[(Math.imul(gi, 24) + 11) | 0] = ~a;
          OI[(Math.imul(gi, 24) + 12) | 0] = (-a) | 0;
          OI[(Math.imul(gi, 24) + 13) | 0] = Math.min(a, b);
          OI[(Math.imul(gi, 24) + 14) | 0] = Math.max(a, b);
          OI[(Math.imul(gi, 24) + 15) | 0] = Math.abs(a) | 0;
          OI[(Math.imul(gi, 24) + 16) | 0] = Math.max(a, (-b) | 0);
          OI[(Math.imul(gi, 24) + 17) | 0] = x | 0;
          OI[(Math.imul(gi, 24) + 18) | 0] = ua | 0;
          OI[(Math.imul(gi, 24) + 19) | 0] = ((a < b) ? 1 : 0);
          OI[(Math.imul(gi, 24) + 20) | 0] = ((a !== 0) ? 1 : 0);
          OI[(Math.imul(gi, 24) + 21) | 0] = a << 35;
          OI[(Math.imul(gi, 24) + 22) | 0] = Math.imul(a, -2147483648);
          OI[(Math.imul(gi, 24) + 23) | 0] = a > b ? a : b;
          OU[(Math.imul(gi, 24) + 0) | 0] = (ua + ub) >>> 0;
          OU[(Math.imul(gi, 24) + 1) | 0] = (ua - ub) >>> 0;
          OU[(Math.imul(gi, 24) + 2) | 0] = Math.imul(ua, ub) >>> 0;
          OU[(Math.imul(gi, 24) + 3) | 0] = (ua / ub) >>> 0;
          OU[(Math.imul(gi, 24) + 4) | 0] = (ua % ub) >>> 0;
          OU[(Math.imul(gi, 24) + 5) | 0] = (ua & ub) >>> 0;
          OU[(Math.imul(gi, 24) + 6) | 0] = (ua | ub) >>> 0;
          OU[(Math.imul(gi, 24) + 7) | 0] = (ua ^ ub) >>> 0;
          OU[(Math.imul(gi, 24) + 8) | 0] = (ua << b) >>> 0;
          OU[(Math.imul(gi, 24) + 9) | 0] = ua >>> b;
          OU[(Math.imul(gi, 24) + 10) | 0] = ua >>> ub;
          OU[(Math.imul(gi, 24) + 11) | 0] = (~ua) >>> 0;
          OU[(Math.imul(gi, 24) + 12) | 0] = (-ua) >>> 0;
          OU[(Math.imul(gi, 24) + 13) | 0] = Math.min(ua, ub);
          OU[(Math.imul(gi, 24) + 14) | 0] = Math.max(ua, ub);
          OU[(Math.imul(gi, 24) + 15) | 0] = ua;
          OU[(Math.imul(gi, 24) + 16) | 0] = Math.min(ua, (~ub) >>> 0);
          OU[(Math.imul(gi, 24) + 17) | 0] = Math.abs(x) >>> 0;
          OU[(Math.imul(gi, 24) + 18) | 0] = a >>> 0;
          OU[(Math.imul(gi, 24) + 19) | 0] = ((ua < ub) ? 1 : 0);
          OU[(Math.imul(gi, 24) + 20) | 0] = 4294967295;
          OU[(Math.imul(gi, 24) + 21) | 0] = ua >>> 33;
          OU[(Math.imul(gi, 24) + 22) | 0] = Math.imul(ua, 2654435761) >>> 0;
          OU[(Math.imul(gi, 24) + 23) | 0] = Math.fround(ua >>> 8) >>> 0;
        }
      }
    }
  }
};
