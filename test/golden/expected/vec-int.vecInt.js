"use strict";
// KernelScript kernel 'vecInt' (JS). Generated code: edit the TypeScript source instead.
return function vecInt(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const xs = ks_args[0];
  const us = ks_args[1];
  const k = ks_args[2] >>> 0;
  const outI = ks_args[3];
  const outU = ks_args[4];
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
          if (i >= n) {
            continue ks_thread;
          }
          const four_x = xs[Math.imul(i, 4)];
          const four_y = xs[(Math.imul(i, 4) + 1) | 0];
          const four_z = xs[(Math.imul(i, 4) + 2) | 0];
          const four_w = xs[(Math.imul(i, 4) + 3) | 0];
          const vec_i1 = Math.imul(2, i);
          const lo_x = xs[Math.imul(vec_i1, 2)];
          const lo_y = xs[(Math.imul(vec_i1, 2) + 1) | 0];
          const vec_i2 = (Math.imul(2, i) + 1) | 0;
          const hi_x = xs[Math.imul(vec_i2, 2)];
          const hi_y = xs[(Math.imul(vec_i2, 2) + 1) | 0];
          const d_x = (Math.imul(lo_x, hi_x) / 7) | 0;
          const d_y = (Math.imul(lo_y, hi_y) / -3) | 0;
          const splat = xs[(Math.imul(4, i) + 1) | 0];
          const e_x = (((d_x + four_z) | 0) - splat) | 0;
          const e_y = (((d_y + four_w) | 0) - splat) | 0;
          outI[Math.imul(i, 2)] = e_x;
          outI[(Math.imul(i, 2) + 1) | 0] = e_y;
          const u_x = us[Math.imul(i, 4)];
          const u_y = us[(Math.imul(i, 4) + 1) | 0];
          const u_z = us[(Math.imul(i, 4) + 2) | 0];
          const u_w = us[(Math.imul(i, 4) + 3) | 0];
          let m_x = Math.imul(u_x, k) >>> 0;
          let m_y = Math.imul(u_y, k) >>> 0;
          let m_z = Math.imul(u_z, k) >>> 0;
          let m_w = Math.imul(u_w, k) >>> 0;
          m_y = (m_y ^ 1515870810) >>> 0;
          m_x = (m_x / 3) >>> 0;
          m_y = (m_y / 3) >>> 0;
          m_z = (m_z / 3) >>> 0;
          m_w = (m_w / 3) >>> 0;
          outU[Math.imul(i, 4)] = (m_x + (((((((Math.imul(u_x, u_x) >>> 0) + (Math.imul(u_y, u_y) >>> 0)) >>> 0) + (Math.imul(u_z, u_z) >>> 0)) >>> 0) + (Math.imul(u_w, u_w) >>> 0)) >>> 0)) >>> 0;
          outU[(Math.imul(i, 4) + 1) | 0] = (m_y + 0) >>> 0;
          outU[(Math.imul(i, 4) + 2) | 0] = (m_z + 1) >>> 0;
          outU[(Math.imul(i, 4) + 3) | 0] = (m_w + (four_x === -1 ? 2 : 3)) >>> 0;
        }
      }
    }
  }
};
