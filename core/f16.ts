// IEEE binary16 on the host: rounding a number to the nearest f16 (ties to even, overflow to
// ±Infinity) and the 16-bit patterns. The op registry (ir/ops.ts), the `f16(...)` conversion and
// the runtimes' scalar arguments all round with this one function.
import { f16round as polyfillRound } from '@petamoriken/float16';

const native = (Math as { f16round?: (x: number) => number }).f16round;

/** The f16 nearest to `x` (ties to even; beyond the range ±Infinity; NaN stays NaN). */
export const f16round: (x: number) => number = native ?? polyfillRound;

/** The 16-bit pattern of the f16 nearest to `x` (NaN as the quiet NaN 0x7e00). */
export function f16Bits(x: number): number {
  const v = f16round(x);
  if (Number.isNaN(v)) return 0x7e00;
  const sign = v < 0 || Object.is(v, -0) ? 0x8000 : 0;
  const a = Math.abs(v);
  if (a === Infinity) return sign | 0x7c00;
  // Subnormals (and zero) are multiples of 2^-24; normals carry an 11-bit significand.
  if (a < 2 ** -14) return sign | (a * 2 ** 24);
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  return sign | ((e + 15) << 10) | (a * 2 ** (10 - e) - 1024);
}

/** The value of the f16 with bit pattern `b` (low 16 bits). */
export function f16FromBits(b: number): number {
  const sign = b & 0x8000 ? -1 : 1;
  const e = (b >> 10) & 31;
  const m = b & 1023;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m ? NaN : sign * Infinity;
  return sign * (1024 + m) * 2 ** (e - 25);
}
