// Integer semantics every target must share: wrapping i32/u32 arithmetic, division truncating toward
// zero and `%` keeping the dividend's sign (negative operands), bitwise ops, shifts whose amounts
// use their low 5 bits (amounts >= 32 and negative ones included), and integer min/max/abs/sign.
import { kernel, blockDim, blockIdx, threadIdx, f32, i32 } from 'kernelscript';
import type { CaseSpec, HostArg } from '../helpers/case.js';
import type { Rng } from '../helpers/case.js';

const K = 17;

export const intOps = kernel(function intOps(a: Int32Array, b: Int32Array, out: Int32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) {
    return;
  }
  const x = a[i];
  const y = b[i];
  const o = i * 17;
  out[o] = x + y;
  out[o + 1] = x - y;
  out[o + 2] = x * y;
  out[o + 3] = x / y;
  out[o + 4] = x % y;
  out[o + 5] = x & y;
  out[o + 6] = x | y;
  out[o + 7] = x ^ y;
  out[o + 8] = x << y;
  out[o + 9] = x >> y;
  out[o + 10] = x >>> y;
  out[o + 11] = ~x;
  out[o + 12] = -x;
  out[o + 13] = Math.min(x, y);
  out[o + 14] = Math.max(x, y);
  out[o + 15] = Math.abs(x);
  out[o + 16] = i32(Math.sign(f32(x)));
});

export const uintOps = kernel(function uintOps(a: Uint32Array, b: Uint32Array, s: Int32Array, out: Uint32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    const x = a[i];
    const y = b[i];
    const sh = s[i];
    const o = i * 17;
    out[o] = x + y;
    out[o + 1] = x - y;
    out[o + 2] = x * y;
    out[o + 3] = x / y;
    out[o + 4] = x % y;
    out[o + 5] = x & y;
    out[o + 6] = x | y;
    out[o + 7] = x ^ y;
    out[o + 8] = x << sh;
    out[o + 9] = x >> sh;
    out[o + 10] = x >>> y;
    out[o + 11] = ~x;
    out[o + 12] = x * 2654435761;
    out[o + 13] = Math.min(x, y);
    out[o + 14] = Math.max(x, y);
    out[o + 15] = (x << 7) | (x >>> 25);
    out[o + 16] = x - 4000000000;
  }
});

/** Mostly small operands (with negatives), some full-range; divisors never zero. */
function operands(rng: Rng, n: number): [Int32Array, Int32Array] {
  const a = new Int32Array(n);
  const b = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = i % 3 === 0 ? rng.int(-2147483647, 2147483647) : rng.int(-1000, 1000);
    b[i] = i % 4 === 0 ? rng.int(-2147483647, 2147483647) : rng.int(-70, 70) || 5;
  }
  return [a, b];
}

const mulU32 = (x: number, y: number): number => Number((BigInt(x) * BigInt(y)) % 2n ** 32n);

export const specs: CaseSpec[] = [
  {
    kernel: 'intOps',
    make(rng) {
      const n = rng.int(200, 700);
      const [a, b] = operands(rng, n);
      return { args: [a, b, new Int32Array(n * K), n], grid: Math.ceil(n / 64), block: 64 };
    },
    reference([a, b, , n]: HostArg[]) {
      const out = new Int32Array((n as number) * K);
      for (let i = 0; i < (n as number); i++) {
        const x = (a as Int32Array)[i];
        const y = (b as Int32Array)[i];
        const sh = ((y % 32) + 32) % 32;
        out.set(
          [
            x + y, x - y, mulU32(x >>> 0, y >>> 0), Math.trunc(x / y), x % y, x & y, x | y, x ^ y,
            mulU32(x >>> 0, 2 ** sh), Math.floor(x / 2 ** sh), Math.floor((x >>> 0) / 2 ** sh), -x - 1, -x,
            Math.min(x, y), Math.max(x, y), Math.abs(x), Math.sign(x),
          ],
          i * K,
        ); // Int32Array.set wraps each value to 32 bits
      }
      return { 2: out };
    },
  },
  {
    kernel: 'uintOps',
    make(rng) {
      const n = rng.int(200, 700);
      const [a, b] = operands(rng, n);
      const s = new Int32Array(n);
      for (let i = 0; i < n; i++) s[i] = rng.int(-40, 70);
      return { args: [new Uint32Array(a.buffer), new Uint32Array(b.buffer), s, new Uint32Array(n * K), n], grid: Math.ceil(n / 64), block: 64 };
    },
    reference([a, b, s, , n]: HostArg[]) {
      const out = new Uint32Array((n as number) * K);
      for (let i = 0; i < (n as number); i++) {
        const x = (a as Uint32Array)[i];
        const y = (b as Uint32Array)[i];
        const sh = (((s as Int32Array)[i] % 32) + 32) % 32;
        out.set(
          [
            x + y, x - y, mulU32(x, y), Math.trunc(x / y), x % y, Number(BigInt(x) & BigInt(y)), Number(BigInt(x) | BigInt(y)),
            Number(BigInt(x) ^ BigInt(y)), mulU32(x, 2 ** sh), Math.floor(x / 2 ** sh), Math.floor(x / 2 ** (y % 32)), 2 ** 32 - 1 - x,
            mulU32(x, 2654435761), Math.min(x, y), Math.max(x, y), mulU32(x, 128) + Math.floor(x / 2 ** 25), x - 4000000000,
          ],
          i * K,
        ); // Uint32Array.set wraps each value to 32 bits
      }
      return { 3: out };
    },
  },
];
