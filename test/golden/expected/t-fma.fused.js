"use strict";
// KernelScript kernel 'fused' (JS). Generated code: edit the TypeScript source instead.
const ks_fma_d = new Float64Array(1), ks_fma_w = new Uint32Array(ks_fma_d.buffer), ks_fma_lo = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
function ks_fmaf(a, b, c) {
  const p = a * b, s = p + c;
  if (!Number.isFinite(s)) return Math.fround(s);
  const v = s - p, e = (p - (s - v)) + (c - v);
  if (e === 0) return Math.fround(s);
  ks_fma_d[0] = s;
  const lo = ks_fma_w[ks_fma_lo];
  if ((lo & 1) === 0) {
    if ((e > 0) === (s > 0)) ks_fma_w[ks_fma_lo] = lo | 1;
    else if (lo !== 0) ks_fma_w[ks_fma_lo] = lo - 1;
    else { ks_fma_w[ks_fma_lo] = 0xffffffff; ks_fma_w[1 - ks_fma_lo] -= 1; }
  }
  return Math.fround(ks_fma_d[0]);
}
return function fused(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const a = ks_args[0];
  const b = ks_args[1];
  const c = ks_args[2];
  const out = ks_args[3];
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
          if (i < n) {
            out[i] = ks_fmaf(a[i], b[i], c[i]);
          }
        }
      }
    }
  }
};
