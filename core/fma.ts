// Fused multiply-add on host numbers, rounded once: the registry's evaluator of fma(a, b, c)
// (core/ir/ops.ts). The cpu backend prints the same two methods (targets/js/fma.ts), and
// test/ir/fma.test.ts holds both to an exact rational reference.
//
// f32: the product of two f32 values is exact in double (24 + 24 bits, exponents well inside the
// double range), so only the sum rounds twice (to double, then to f32). Rounding the sum to odd
// instead (keep it when exact or already odd, else step one double ulp towards the exact value,
// which TwoSum's error term gives) makes the second rounding correct: double has 53 >= 24 + 2 bits
// (Boldo and Melquiond, "Emulation of FMA and correctly rounded sums", 2008).
//
// f64: the product is not exact in double; the exact value is summed as a BigInt scaled by a power
// of two and rounded once (slow, but f64 fma is rare on the cpu backend and must be right).

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE ? 0 : 1;
const HI = 1 - LO;

/** fma of three f32 values, correctly rounded to f32. */
export function fmaF32(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  if (!Number.isFinite(s)) return Math.fround(s);
  const v = s - p;
  const e = p - (s - v) + (c - v);
  if (e === 0) return Math.fround(s);
  scratch[0] = s;
  const lo = words[LO] ?? 0;
  if ((lo & 1) === 0) {
    // s != 0 here (a sum that rounds to zero is exact). Away from zero: set the last bit; towards
    // zero: subtract one from the 64-bit pattern.
    if (e > 0 === s > 0) words[LO] = lo | 1;
    else if (lo !== 0) words[LO] = lo - 1;
    else {
      words[LO] = 0xffffffff;
      words[HI] = (words[HI] ?? 0) - 1;
    }
  }
  return Math.fround(scratch[0] ?? NaN);
}

/** x · 2^k for an integer-valued x of at most 54 bits whose result is representable (or overflows). */
export function ldexp(x: number, k: number): number {
  let y = x;
  let n = k;
  while (n > 1000) {
    y *= 2 ** 1000;
    n -= 1000;
  }
  while (n < -1000) {
    y *= 2 ** -1000;
    n += 1000;
  }
  return y * 2 ** n;
}

/** A finite non-zero double as m · 2^e with an integer m (sign included). */
function parts(x: number): [bigint, number] {
  scratch[0] = x;
  const hi = words[HI] ?? 0;
  const ex = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(words[LO] ?? 0);
  if (ex !== 0) m |= 1n << 52n;
  return [x < 0 ? -m : m, ex === 0 ? -1074 : ex - 1075];
}

/**
 * The value m · 2^e rounded to nearest (ties to even) with `precision` significand bits and no
 * quantum below 2^minExp (subnormals): 53 and -1074 for f64, 24 and -149 for f32.
 */
export function roundScaled(m: bigint, e: number, precision: number, minExp: number): number {
  const neg = m < 0n;
  let mag = neg ? -m : m;
  if (mag === 0n) return 0;
  const len = mag.toString(2).length;
  let q = Math.max(e + len - precision, minExp);
  if (q > e) {
    const shift = BigInt(q - e);
    const rest = mag & ((1n << shift) - 1n);
    const half = 1n << (shift - 1n);
    mag >>= shift;
    if (rest > half || (rest === half && (mag & 1n) === 1n)) mag += 1n;
  } else {
    q = e;
  }
  const v = ldexp(Number(mag), q);
  return neg ? -v : v;
}

/** fma of three doubles, correctly rounded to double. */
export function fmaF64(a: number, b: number, c: number): number {
  // Infinite or NaN products, and exact zero products, are exact in double: one rounding remains.
  if (!Number.isFinite(a) || !Number.isFinite(b) || a === 0 || b === 0) return a * b + c;
  // A finite product added to an infinity (or NaN) gives it; double's product could overflow first.
  if (!Number.isFinite(c)) return c;
  // Adding a zero leaves the product, rounded once, with its own sign even when it underflows.
  if (c === 0) return a * b;
  const [ma, ea] = parts(a);
  const [mb, eb] = parts(b);
  const [mc, ec] = parts(c);
  const pe = ea + eb;
  const e = Math.min(pe, ec);
  const sum = ((ma * mb) << BigInt(pe - e)) + (mc << BigInt(ec - e));
  // Exact cancellation of non-zero terms is +0 under round-to-nearest.
  return sum === 0n ? 0 : roundScaled(sum, e, 53, -1074);
}
