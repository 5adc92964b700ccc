"use strict";
// KernelScript kernel 'vecParams' (JS). Generated code: edit the TypeScript source instead.
function lerpSum(a_x, a_y, a_z, a_w, b_x, b_y, b_z, b_w, t) {
  const scale = Math.fround(1.0 - t);
  return Math.fround(Math.fround(Math.fround(Math.fround(Math.fround(Math.fround(a_x * scale) + Math.fround(b_x * t)) * 1.0) + Math.fround(Math.fround(Math.fround(a_y * scale) + Math.fround(b_y * t)) * 1.0)) + Math.fround(Math.fround(Math.fround(a_z * scale) + Math.fround(b_z * t)) * 1.0)) + Math.fround(Math.fround(Math.fround(a_w * scale) + Math.fround(b_w * t)) * 1.0));
}
return function vecParams(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const x = ks_args[0];
  const y = ks_args[1];
  const t = Math.fround(ks_args[2]);
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
            const b_x = 1.0;
            const b_y = 2.0;
            const b_z = 3.0;
            const b_w = Math.fround(i);
            const x4_x = x[Math.imul(i, 4)];
            const x4_y = x[(Math.imul(i, 4) + 1) | 0];
            const x4_z = x[(Math.imul(i, 4) + 2) | 0];
            const x4_w = x[(Math.imul(i, 4) + 3) | 0];
            y[i] = lerpSum(x4_x, x4_y, x4_z, x4_w, b_x, b_y, b_z, b_w, t) + lerpSum(b_x, b_y, b_z, b_w, b_x, b_y, b_z, b_w, t);
          }
        }
      }
    }
  }
};
