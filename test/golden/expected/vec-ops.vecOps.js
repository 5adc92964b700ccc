"use strict";
// KernelScript kernel 'vecOps' (JS). Generated code: edit the TypeScript source instead.
return function vecOps(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const a = ks_args[0];
  const b = ks_args[1];
  const s = Math.fround(ks_args[2]);
  const out = ks_args[3];
  const sums = ks_args[4];
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
          const va_x = a[Math.imul(i, 4)];
          const va_y = a[(Math.imul(i, 4) + 1) | 0];
          const va_z = a[(Math.imul(i, 4) + 2) | 0];
          const va_w = a[(Math.imul(i, 4) + 3) | 0];
          const vb_x = b[Math.imul(i, 4)];
          const vb_y = b[(Math.imul(i, 4) + 1) | 0];
          const vb_z = b[(Math.imul(i, 4) + 2) | 0];
          const vb_w = b[(Math.imul(i, 4) + 3) | 0];
          let acc_x = 0.0;
          let acc_y = 0.0;
          let acc_z = 0.0;
          let acc_w = 0.0;
          acc_x = Math.fround(acc_x + Math.fround(va_x * vb_x));
          acc_y = Math.fround(acc_y + Math.fround(va_y * vb_y));
          acc_z = Math.fround(acc_z + Math.fround(va_z * vb_z));
          acc_w = Math.fround(acc_w + Math.fround(va_w * vb_w));
          acc_x = Math.fround(acc_x - Math.fround(vb_x * s));
          acc_y = Math.fround(acc_y - Math.fround(vb_y * s));
          acc_z = Math.fround(acc_z - Math.fround(vb_z * s));
          acc_w = Math.fround(acc_w - Math.fround(vb_w * s));
          acc_x = Math.fround(acc_x + 1.0);
          acc_w = Math.fround(acc_w + va_y);
          const q_x = Math.fround(Math.fround(Math.fround(va_x * vb_x) + s) / 2.0);
          const q_y = Math.fround(Math.fround(Math.fround(va_y * vb_y) + s) / 4.0);
          const q_z = Math.fround(Math.fround(Math.fround(va_z * vb_z) + s) / 8.0);
          const q_w = Math.fround(Math.fround(Math.fround(va_w * vb_w) + s) / 16.0);
          const cond = ((i % 2) | 0) === 0;
          const pick_x = cond ? q_x : acc_x;
          const pick_y = cond ? q_y : acc_y;
          const pick_z = cond ? q_z : acc_z;
          const pick_w = cond ? q_w : acc_w;
          let swapped_x = pick_w;
          let swapped_y = pick_z;
          let swapped_z = pick_y;
          let swapped_w = pick_x;
          const swapped_x_new = swapped_y;
          const swapped_y_new = swapped_x;
          const swapped_z_new = swapped_w;
          const swapped_w_new = swapped_z;
          swapped_x = swapped_x_new;
          swapped_y = swapped_y_new;
          swapped_z = swapped_z_new;
          swapped_w = swapped_w_new;
          out[Math.imul(i, 4)] = swapped_x + q_x;
          out[(Math.imul(i, 4) + 1) | 0] = swapped_y + 0.0;
          out[(Math.imul(i, 4) + 2) | 0] = swapped_z + 0.0;
          out[(Math.imul(i, 4) + 3) | 0] = swapped_w + acc_y;
          const p_x = va_x;
          const p_y = vb_y;
          const t_x = va_z;
          const t_y = vb_z;
          const t_z = s;
          sums[Math.imul(2, i)] = Math.fround(Math.fround(Math.fround(va_x * vb_x) + Math.fround(va_y * vb_y)) + Math.fround(va_z * vb_z)) + Math.fround(va_w * vb_w);
          sums[(Math.imul(2, i) + 1) | 0] = Math.fround(Math.fround(p_x * 1.5) + Math.fround(p_y * -2.0)) + Math.fround(Math.fround(Math.fround(t_x * t_x) + Math.fround(t_y * t_y)) + Math.fround(t_z * t_z));
        }
      }
    }
  }
};
