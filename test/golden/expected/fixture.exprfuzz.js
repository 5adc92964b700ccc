"use strict";
// KernelScript kernel 'exprfuzz' (JS). Generated code: edit the TypeScript source instead.
return function exprfuzz(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const A = ks_args[0];
  const O = ks_args[1];
  const n = ks_args[2] | 0;
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
            const a = A[Math.imul(gi, 3)];
            const b = A[(Math.imul(gi, 3) + 1) | 0];
            const c = A[(Math.imul(gi, 3) + 2) | 0];
            O[(Math.imul(gi, 24) + 0) | 0] = 4;
            O[(Math.imul(gi, 24) + 1) | 0] = ((b > -7 && a === a ? (-c) | 0 : c | b) % 247) | 0 | Math.imul(b !== -34 && a !== b ? a >> a : b >> c, (-12 % ((b & 255) | 1)) | 0);
            O[(Math.imul(gi, 24) + 2) | 0] = Math.max((b & (b >> 34)) | (22 & (b ^ b)), ((19 + ((11 / ((b & 255) | 1)) | 0)) | 0) & Math.imul(a >> b, Math.min(a, c)));
            O[(Math.imul(gi, 24) + 3) | 0] = (((((((a % ((b & 255) | 1)) | 0) >>> 0) >>> ((((c >>> 0) >>> (b >>> 0)) | 0) >>> 0)) | 0) / (((((c ^ c) % ((c & 255) | 1)) | 0) & 255) | 1)) | 0) ^ (((-b) | 0) === (b <= b ? 3 : a) ? (-(13 & a)) | 0 : (b ^ a) & c);
            O[(Math.imul(gi, 24) + 4) | 0] = ((a >> Math.imul(a, -9)) << ((((-21 - b) | 0) / ((Math.imul(-23, c) & 255) | 1)) | 0)) << ((((c >>> c) | 0) >> ((b % 3) | 0)) >> c);
            O[(Math.imul(gi, 24) + 5) | 0] = -39;
            O[(Math.imul(gi, 24) + 6) | 0] = (((Math.imul((Math.imul(a, b) | (b >> 37)) >>> 0, (((a + 18) | 0) << ((a + -39) | 0)) >>> 0) >>> 0) | 0) % ((((b >>> ((34 + (b >> c)) | 0)) | 0) & 255) | 1)) | 0;
            O[(Math.imul(gi, 24) + 7) | 0] = -26;
            O[(Math.imul(gi, 24) + 8) | 0] = ((-72 <= a ? c : Math.imul(Math.imul(34, c), b !== -30 ? a : 7)) + Math.imul(b & ((c % 245) | 0), (Math.max(b, -5) % ((((b % ((a & 255) | 1)) | 0) & 255) | 1)) | 0)) | 0;
            O[(Math.imul(gi, 24) + 9) | 0] = ((b >>> ((c & 2) ^ (c >= 25 ? b : b))) | 0) & ((((((b >>> a) | 0) >>> (b < b ? b : c)) | 0) / ((Math.min(-16 | c, b) & 255) | 1)) | 0);
            O[(Math.imul(gi, 24) + 10) | 0] = ((-c) | 0) >> (((c === 16 ? (-a) | 0 : (a > c ? 0 : 14)) - ((-17 + (a << -10)) | 0)) | 0);
            O[(Math.imul(gi, 24) + 11) | 0] = ((((((-1 >>> ((b >>> c) | 0)) | 0) >>> 0) >>> ((((-28 >>> c) | 0) ^ ((-28 - c) | 0)) >>> 0)) | 0) % 217) | 0;
            O[(Math.imul(gi, 24) + 12) | 0] = (62 % ((((((a >>> 0) - (c >>> 0)) >>> 0) | 0) & 255) | 1)) | 0 | (((b >>> 0) - (((1 >>> c) | 0) >>> 0)) >>> 0) | 0 | (((c >>> 0) + (b >>> 0)) >>> 0) | 0;
            O[(Math.imul(gi, 24) + 13) | 0] = c;
            O[(Math.imul(gi, 24) + 14) | 0] = c;
            O[(Math.imul(gi, 24) + 15) | 0] = ~((c & b) === (c >> -25) ? ~c << (c >> b) : Math.max(31, -9 !== a ? a : c));
            O[(Math.imul(gi, 24) + 16) | 0] = Math.imul(b, (-Math.max((38 >>> c) | 0, a >> a)) | 0);
            O[(Math.imul(gi, 24) + 17) | 0] = (((-16 - c) | 0) ^ ((b - a) | 0)) !== ((~b / (((a <= c ? 20 : b) & 255) | 1)) | 0) ? c ^ 52 ^ ((c === a ? -24 : -34) | a) : (Math.imul(((((b >>> c) | 0) / ((b & 255) | 1)) | 0) >>> 0, a >>> 0) >>> 0) | 0;
            O[(Math.imul(gi, 24) + 18) | 0] = (((14 >> (30 & c)) + (a & ((b - b) | 0))) | 0) ^ a;
            O[(Math.imul(gi, 24) + 19) | 0] = (Math.imul((c >>> c) | 0 | (-30 % ((c & 255) | 1)) | 0, (((-b) | 0) >>> ((a >>> c) | 0)) | 0) % ((b & 255) | 1)) | 0;
            O[(Math.imul(gi, 24) + 20) | 0] = (((((((b > -30 ? c : a) >>> (a & -28)) | 0) >>> 0) >>> ((c > c ? b | -34 : (22 >= a ? b : a)) >>> 0)) | 0) + (((Math.imul(28, c >>> 0) >>> 0) | 0) >= 0 ? (c === b || c <= -38 ? (c + a) | 0 : (3 - a) | 0) : (-38 <= b ? c : b) | (29 - a) | 0)) | 0;
            O[(Math.imul(gi, 24) + 21) | 0] = a << Math.max(((((a > a ? 9 : c) >>> 0) - (~a >>> 0)) >>> 0) | 0, c << b);
            O[(Math.imul(gi, 24) + 22) | 0] = (Math.imul((((-24 + a) | 0 | (b <= b ? c : a)) >> (c ^ a ^ c)) >>> 0, b >>> 0) >>> 0) | 0;
            O[(Math.imul(gi, 24) + 23) | 0] = ((a >>> -26) | 0) < (-16 < b ? 22 : c) || !(b >= 23) ? (Math.imul(b, 36) >= (c >= b ? a : b) ? Math.min(c & a, b !== b ? b : b) : (-((-8 / ((c & 255) | 1)) | 0)) | 0) : ~b;
          }
        }
      }
    }
  }
};
