"use strict";
// KernelScript kernel 'axpy4h' (JS). Generated code: edit the TypeScript source instead.
function ks_f16view(a) { return a instanceof Uint16Array ? a : new Uint16Array(a.buffer, a.byteOffset, a.length); }
function ks_f16round(x) {
  const a = Math.abs(x);
  if (!(a < 65520)) return a >= 65520 ? (x > 0 ? Infinity : -Infinity) : +x;
  let q = 5.960464477539063e-8;
  if (a >= 6.103515625e-5) {
    let e = Math.floor(Math.log2(a));
    if (2 ** e > a) e--;
    else if (2 ** (e + 1) <= a) e++;
    q = 2 ** (e - 10);
  }
  const n = a / q;
  let r = Math.round(n);
  if (r - n === 0.5 && r % 2 !== 0) r -= 1;
  return x < 0 || Object.is(x, -0) ? -(r * q) : r * q;
}
function ks_f16bits(x) {
  if (x !== x) return 0x7e00;
  const s = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (a === Infinity) return s | 0x7c00;
  if (a < 6.103515625e-5) return s | (a * 16777216);
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  return s | ((e + 15) << 10) | (a * 2 ** (10 - e) - 1024);
}
const ks_f16values = new Float64Array(65536);
for (let b = 0; b < 65536; b++) {
  const e = (b >> 10) & 31, m = b & 1023, s = b & 0x8000 ? -1 : 1;
  ks_f16values[b] = e === 0 ? s * m * 5.960464477539063e-8 : e === 31 ? (m ? NaN : s * Infinity) : s * (1024 + m) * 2 ** (e - 25);
}
return function axpy4h(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const a = ks_f16round(ks_args[0]);
  const x = ks_f16view(ks_args[1]);
  const y = ks_f16view(ks_args[2]);
  const dots = ks_f16view(ks_args[3]);
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
            const xv_x = ks_f16values[x[Math.imul(i, 4)]];
            const xv_y = ks_f16values[x[(Math.imul(i, 4) + 1) | 0]];
            const xv_z = ks_f16values[x[(Math.imul(i, 4) + 2) | 0]];
            const xv_w = ks_f16values[x[(Math.imul(i, 4) + 3) | 0]];
            const y4_x = ks_f16values[y[Math.imul(i, 4)]];
            const y4_y = ks_f16values[y[(Math.imul(i, 4) + 1) | 0]];
            const y4_z = ks_f16values[y[(Math.imul(i, 4) + 2) | 0]];
            const y4_w = ks_f16values[y[(Math.imul(i, 4) + 3) | 0]];
            const r4_x = ks_f16round(Math.fround(ks_f16round(Math.fround(xv_x * a)) + y4_x));
            const r4_y = ks_f16round(Math.fround(ks_f16round(Math.fround(xv_y * a)) + y4_y));
            const r4_z = ks_f16round(Math.fround(ks_f16round(Math.fround(xv_z * a)) + y4_z));
            const r4_w = ks_f16round(Math.fround(ks_f16round(Math.fround(xv_w * a)) + y4_w));
            y[Math.imul(i, 4)] = ks_f16bits(r4_w);
            y[(Math.imul(i, 4) + 1) | 0] = ks_f16bits(r4_z);
            y[(Math.imul(i, 4) + 2) | 0] = ks_f16bits(r4_y);
            y[(Math.imul(i, 4) + 3) | 0] = ks_f16bits(r4_x);
            dots[i] = ks_f16bits(ks_f16round(Math.fround(ks_f16round(Math.fround(ks_f16round(Math.fround(ks_f16round(Math.fround(xv_x * 1.0)) + ks_f16round(Math.fround(xv_y * 0.5)))) + ks_f16round(Math.fround(xv_z * ks_f16values[x[Math.imul(4, i)]])))) + ks_f16round(Math.fround(xv_w * -2.0)))));
          }
        }
      }
    }
  }
};
