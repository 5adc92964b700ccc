"use strict";
// KernelScript kernel 'saxpy4' (JS). Generated code: edit the TypeScript source instead.
return function saxpy4(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const a = Math.fround(ks_args[0]);
  const x = ks_args[1];
  const y = ks_args[2];
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
          const quads = n >> 2;
          if (i < quads) {
            const x4_x = x[Math.imul(i, 4)];
            const x4_y = x[(Math.imul(i, 4) + 1) | 0];
            const x4_z = x[(Math.imul(i, 4) + 2) | 0];
            const x4_w = x[(Math.imul(i, 4) + 3) | 0];
            const y4_x = y[Math.imul(i, 4)];
            const y4_y = y[(Math.imul(i, 4) + 1) | 0];
            const y4_z = y[(Math.imul(i, 4) + 2) | 0];
            const y4_w = y[(Math.imul(i, 4) + 3) | 0];
            y[Math.imul(i, 4)] = Math.fround(x4_x * a) + y4_x;
            y[(Math.imul(i, 4) + 1) | 0] = Math.fround(x4_y * a) + y4_y;
            y[(Math.imul(i, 4) + 2) | 0] = Math.fround(x4_z * a) + y4_z;
            y[(Math.imul(i, 4) + 3) | 0] = Math.fround(x4_w * a) + y4_w;
          } else if (i === quads) {
            {
              let j = Math.imul(quads, 4);
              for (; j < n; j = (j + 1) | 0) {
                y[j] = Math.fround(a * x[j]) + y[j];
              }
            }
          }
        }
      }
    }
  }
};
