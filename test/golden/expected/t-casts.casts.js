"use strict";
// KernelScript kernel 'casts' (JS). Generated code: edit the TypeScript source instead.
return function casts(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const f = ks_args[0];
  const a = ks_args[1];
  const of_ = ks_args[2];
  const oi = ks_args[3];
  const ou = ks_args[4];
  const flip = Boolean(ks_args[5]);
  const n = ks_args[6] | 0;
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
            const x = f[i];
            const k = a[i];
            const o = Math.imul(i, 4);
            oi[o] = x | 0;
            oi[(o + 1) | 0] = ((k >>> 0) >>> 1) | 0;
            oi[(o + 2) | 0] = (((x > 0.0) ? 1 : 0) + Math.imul(((k !== 0) ? 1 : 0), 2)) | 0;
            oi[(o + 3) | 0] = flip ? (-k) | 0 : k;
            ou[o] = k >>> 0;
            ou[(o + 1) | 0] = Math.abs(x) >>> 0;
            ou[(o + 2) | 0] = ((flip ? 1 : 0) + ((x < 0.5) ? 1 : 0)) >>> 0;
            ou[(o + 3) | 0] = ((Math.fround(x * 10.0) | 0) & 255) >>> 0;
            of_[o] = k;
            of_[(o + 1) | 0] = k >>> 0;
            of_[(o + 2) | 0] = Math.fround(x / 3.0) + Math.fround(k);
            of_[(o + 3) | 0] = Math.fround(Math.fround(k) / 7.0) - Math.fround(x | 0);
          }
        }
      }
    }
  }
};
