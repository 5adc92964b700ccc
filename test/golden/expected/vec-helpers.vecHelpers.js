"use strict";
// KernelScript kernel 'vecHelpers' (JS). Generated code: edit the TypeScript source instead.
function norm2(x, y) {
  const v_x = x;
  const v_y = y;
  return Math.fround(Math.fround(v_x * v_x) + Math.fround(v_y * v_y));
}
const ks_scratch = [];
// Makes a kept array: plainly, or in the memory WebAssembly loops read once the code is linked.
let ks_alloc = (C, n) => new C(n);
// The array kept for `site` if it has `n` elements (an array holds one element type per site).
function ks_kept(site, n) {
  const a = ks_scratch[site];
  return a !== undefined && a.length === n ? a : undefined;
}
// Keeps `a` for `site` unless it is large (an array of per-thread arrays counts them all).
function ks_keep(site, a) {
  const bytes = ArrayBuffer.isView(a) ? a.byteLength : a.length * (ArrayBuffer.isView(a[0]) ? a[0].byteLength : 8);
  if (bytes <= 1048576) ks_scratch[site] = a;
  return a;
}
return function vecHelpers(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const x = ks_args[0];
  const out = ks_args[1];
  const n = ks_args[2] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  const t = ks_kept(0, 256) ?? ks_keep(0, ks_alloc(Float32Array, 256));
  for (let ks_b = ks_b0; ks_b < ks_b1; ks_b++) {
    const ks_bx = ks_b % ks_gdx, ks_byz = (ks_b - ks_bx) / ks_gdx;
    const ks_by = ks_byz % ks_gdy, ks_bz = (ks_byz - ks_by) / ks_gdy;
    t.fill(0);
    for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
      for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
        ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) {
          const i = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
          if (i >= n) {
            continue ks_thread;
          }
          const s_1 = x[Math.imul(4, i)];
          t[Math.imul(ks_tx, 4)] = s_1;
          t[(Math.imul(ks_tx, 4) + 1) | 0] = 2.0 * s_1;
          t[(Math.imul(ks_tx, 4) + 2) | 0] = 3.0 * s_1;
          t[(Math.imul(ks_tx, 4) + 3) | 0] = 4.0 * s_1;
          const v_x_1 = x[Math.imul(i, 4)];
          const v_y_1 = x[(Math.imul(i, 4) + 1) | 0];
          const v_z_1 = x[(Math.imul(i, 4) + 2) | 0];
          const v_w_1 = x[(Math.imul(i, 4) + 3) | 0];
          const sum4_result = Math.fround(Math.fround(Math.fround(v_x_1 + v_y_1) + v_z_1) + v_w_1);
          out[Math.imul(2, i)] = sum4_result + norm2(x[(Math.imul(4, i) + 1) | 0], 1.0);
          const v_x_2 = t[Math.imul(ks_tx, 4)];
          const v_y_2 = t[(Math.imul(ks_tx, 4) + 1) | 0];
          const v_z_2 = t[(Math.imul(ks_tx, 4) + 2) | 0];
          const v_w_2 = t[(Math.imul(ks_tx, 4) + 3) | 0];
          const sum4_result_1 = Math.fround(Math.fround(Math.fround(v_x_2 + v_y_2) + v_z_2) + v_w_2);
          out[(Math.imul(2, i) + 1) | 0] = sum4_result_1;
        }
      }
    }
  }
};
