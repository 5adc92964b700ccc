"use strict";
// KernelScript kernel 'fused64' (JS). Generated code: edit the TypeScript source instead.
const ks_fma64_d = new Float64Array(1), ks_fma64_w = new Uint32Array(ks_fma64_d.buffer), ks_fma64_lo = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
function ks_fma64_parts(x) {
  ks_fma64_d[0] = x;
  const hi = ks_fma64_w[1 - ks_fma64_lo], ex = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(ks_fma64_w[ks_fma64_lo]);
  if (ex !== 0) m |= 1n << 52n;
  return [x < 0 ? -m : m, ex === 0 ? -1074 : ex - 1075];
}
function ks_fma64(a, b, c) {
  if (!Number.isFinite(a) || !Number.isFinite(b) || a === 0 || b === 0) return a * b + c;
  if (!Number.isFinite(c)) return c;
  if (c === 0) return a * b;
  const [ma, ea] = ks_fma64_parts(a), [mb, eb] = ks_fma64_parts(b), [mc, ec] = ks_fma64_parts(c);
  const pe = ea + eb, e = Math.min(pe, ec);
  const sum = ((ma * mb) << BigInt(pe - e)) + (mc << BigInt(ec - e));
  if (sum === 0n) return 0;
  const neg = sum < 0n;
  let mag = neg ? -sum : sum;
  let q = Math.max(e + mag.toString(2).length - 53, -1074);
  if (q > e) {
    const shift = BigInt(q - e), rest = mag & ((1n << shift) - 1n), half = 1n << (shift - 1n);
    mag >>= shift;
    if (rest > half || (rest === half && (mag & 1n) === 1n)) mag += 1n;
  } else q = e;
  let y = Number(mag);
  while (q > 1000) { y *= 2 ** 1000; q -= 1000; }
  while (q < -1000) { y *= 2 ** -1000; q += 1000; }
  y *= 2 ** q;
  return neg ? -y : y;
}
return function fused64(ks_args, ks_grid, ks_block, ks_first, ks_end) {
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
            out[i] = ks_fma64(a[i], b[i], c[i]);
          }
        }
      }
    }
  }
};
