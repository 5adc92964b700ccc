"use strict";
// KernelScript kernel 'narrowShared' (JS). Generated code: edit the TypeScript source instead.
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
return function narrowShared(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const x = ks_args[0];
  const out = ks_args[1];
  const n = ks_args[2] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  const ks_n = ks_bdx * ks_bdy * ks_bdz;
  const ks_la_loc = ks_kept(0, ks_n) ?? ks_keep(0, Array.from({ length: ks_n }, () => new Int8Array(4)));
  const ks_la_acc = ks_kept(1, ks_n) ?? ks_keep(1, Array.from({ length: ks_n }, () => new Uint16Array(3)));
  const tile = ks_kept(2, 64) ?? ks_keep(2, ks_alloc(Uint8Array, 64));
  const wide = ks_kept(3, 64) ?? ks_keep(3, ks_alloc(Int16Array, 64));
  const half = ks_kept(4, 64) ?? ks_keep(4, ks_alloc(Uint16Array, 64));
  for (let ks_b = ks_b0; ks_b < ks_b1; ks_b++) {
    const ks_bx = ks_b % ks_gdx, ks_byz = (ks_b - ks_bx) / ks_gdx;
    const ks_by = ks_byz % ks_gdy, ks_bz = (ks_byz - ks_by) / ks_gdy;
    tile.fill(0);
    wide.fill(0);
    half.fill(0);
    for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
      for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
        ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
          const t = ks_tx;
          const i = (Math.imul(ks_bx, ks_bdx) + t) | 0;
          const loc = ks_la_loc[ks_i];
          loc.fill(0);
          const acc = ks_la_acc[ks_i];
          acc.fill(0);
          let v = 0;
          if (i < n) {
            v = x[i] | 0;
          }
          tile[t] = ((v + 200) | 0) >>> 0;
          wide[t] = Math.imul(v, -300);
          half[t] = Math.imul(v, 1000) >>> 0;
        }
      }
    }
    // barrier
    for (let ks_tz = 0, ks_i = 0; ks_tz < ks_bdz; ks_tz++) {
      for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
        ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++, ks_i++) {
          const t = ks_tx;
          const i = (Math.imul(ks_bx, ks_bdx) + t) | 0;
          const loc = ks_la_loc[ks_i];
          const acc = ks_la_acc[ks_i];
          {
            loc[0] = ((tile[((t + 0) | 0) & 63] | 0) + 0) | 0;
            loc[1] = ((tile[((t + 1) | 0) & 63] | 0) + 100) | 0;
            loc[2] = ((tile[((t + 2) | 0) & 63] | 0) + 200) | 0;
            loc[3] = ((tile[((t + 3) | 0) & 63] | 0) + 300) | 0;
          }
          acc[(t % 3) | 0] = (half[((t + 5) | 0) & 63] + 65530) >>> 0;
          if (i < n) {
            out[i] = (((((((((((loc[0] + loc[1]) | 0) + loc[2]) | 0) + loc[3]) | 0) + wide[((t + 1) | 0) & 63]) | 0) + (acc[(t % 3) | 0] | 0)) | 0) + loc[t & 3]) | 0;
          }
        }
      }
    }
  }
};
