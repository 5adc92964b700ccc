"use strict";
// KernelScript kernel 'dot64' (JS). Generated code: edit the TypeScript source instead.
function f32Of(v) {
  return v * 0.5 > 0 ? 1.0 : -1.0;
}
return function dot64(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const k = ks_args[0] | 0;
  const a = +ks_args[1];
  const x = ks_args[2];
  const y = ks_args[3];
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
            let acc = 0;
            {
              let j = 0;
              for (; j < k; j = (j + 1) | 0) {
                acc = acc + x[(Math.imul(i, k) + j) | 0] * y[(Math.imul(i, k) + j) | 0];
              }
            }
            const v = x[Math.imul(i, k)];
            out[Math.imul(3, i)] = a * acc + 0.1;
            out[(Math.imul(3, i) + 1) | 0] = v + 100000000 - 100000000;
            const s = f32Of(v);
            out[(Math.imul(3, i) + 2) | 0] = Math.exp(v) + Math.sqrt(Math.abs(y[Math.imul(i, k)])) + s + i % 0.3;
          }
        }
      }
    }
  }
};
