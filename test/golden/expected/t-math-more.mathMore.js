"use strict";
// KernelScript kernel 'mathMore' (JS). Generated code: edit the TypeScript source instead.
return function mathMore(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const a = ks_args[0];
  const p = ks_args[1];
  const u = ks_args[2];
  const s = ks_args[3];
  const out = ks_args[4];
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
          const i = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
          if (i < n) {
            const o = Math.imul(i, 15);
            out[o] = Math.trunc(a[i]);
            out[(o + 1) | 0] = Math.log2(p[i]);
            out[(o + 2) | 0] = Math.pow(2, Math.fround(s[i] * 4.0));
            out[(o + 3) | 0] = Math.log10(p[i]);
            out[(o + 4) | 0] = Math.log1p(u[i]);
            out[(o + 5) | 0] = Math.expm1(s[i]);
            out[(o + 6) | 0] = Math.asin(u[i]);
            out[(o + 7) | 0] = Math.acos(u[i]);
            out[(o + 8) | 0] = Math.atan(a[i]);
            out[(o + 9) | 0] = Math.sinh(s[i]);
            out[(o + 10) | 0] = Math.cosh(s[i]);
            out[(o + 11) | 0] = Math.hypot(a[i], p[i]);
            out[(o + 12) | 0] = a[i];
            out[(o + 13) | 0] = Math.imul(i, 16777217);
            out[(o + 14) | 0] = Math.log1p(p[i]);
          }
        }
      }
    }
  }
};
