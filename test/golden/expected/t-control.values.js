"use strict";
// KernelScript kernel 'values' (JS). Generated code: edit the TypeScript source instead.
function twice(v) {
  return Math.fround(v * 2.0);
}
function scale(v, on, times) {
  if (!on) {
    return v;
  }
  let r = v;
  {
    let t = 0;
    for (; t < times; t = (t + 1) | 0) {
      r = twice(r);
    }
  }
  return r;
}
return function values(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const x = ks_args[0];
  const out = ks_args[1];
  const on = Boolean(ks_args[2]);
  const times = ks_args[3] | 0;
  const n = ks_args[4] | 0;
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
          let window_0 = 0.0;
          let window_1 = 0.0;
          let window_2 = 0.0;
          let window_3 = 0.0;
          {
            window_0 = Math.fround(x[(((i + 0) | 0) % n) | 0]);
            window_1 = Math.fround(x[(((i + 1) | 0) % n) | 0]);
            window_2 = Math.fround(x[(((i + 2) | 0) % n) | 0]);
            window_3 = Math.fround(x[(((i + 3) | 0) % n) | 0]);
          }
          let best = -Infinity;
          let worst = Infinity;
          {
            best = Math.max(best, window_0);
            worst = Math.min(worst, window_0);
            best = Math.max(best, window_1);
            worst = Math.min(worst, window_1);
            best = Math.max(best, window_2);
            worst = Math.min(worst, window_2);
            best = Math.max(best, window_3);
            worst = Math.min(worst, window_3);
          }
          out[Math.imul(i, 4)] = best;
          out[(Math.imul(i, 4) + 1) | 0] = worst;
          out[(Math.imul(i, 4) + 2) | 0] = scale(x[i], on, times);
          out[(Math.imul(i, 4) + 3) | 0] = x[i] >= 0.0 && on ? x[i] : Math.fround(-x[i] * 0.5);
        }
      }
    }
  }
};
