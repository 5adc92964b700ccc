// An exact reference for fma(a, b, c), independent of core/fma.ts: the value a·b + c as a BigInt
// multiple of a power of two, and the f32 or f64 nearest it (ties to even) chosen among candidates
// by exact comparison.
const view = new DataView(new ArrayBuffer(8));

/** x = m · 2^e exactly (finite x). */
function decompose(x: number): { m: bigint; e: number } {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const ex = Number((bits >> 52n) & 0x7ffn);
  let m = bits & ((1n << 52n) - 1n);
  if (ex !== 0) m |= 1n << 52n;
  if (x < 0) m = -m;
  return { m, e: ex === 0 ? -1074 : ex - 1075 };
}

/** The next representable value above (dir 1) or below (dir -1) x, in f32 or f64. */
export function step(x: number, dir: 1 | -1, f32: boolean): number {
  if (f32) {
    const a = new Float32Array([x]);
    const u = new Int32Array(a.buffer);
    if (x === 0) return dir * 2 ** -149;
    u[0] = (u[0] ?? 0) + ((x > 0) === (dir > 0) ? 1 : -1);
    return a[0] ?? NaN;
  }
  if (x === 0) return dir * 2 ** -1074;
  view.setFloat64(0, x);
  const b = view.getBigInt64(0);
  view.setBigInt64(0, b + ((x > 0) === (dir > 0) ? 1n : -1n));
  return view.getFloat64(0);
}

type Parts = { m: bigint; e: number };

/** Compares |a·b + c − r| with |a·b + c − s| exactly (negative: r is nearer); all finite. */
function nearer(a: number, b: number, c: number, r: number, s: number): number {
  const dr = exactMinus(a, b, c, decompose(r));
  const ds = exactMinus(a, b, c, decompose(s));
  return dr < ds ? -1 : dr > ds ? 1 : 0;
}

/** |a·b + c − x| as a BigInt multiple of 2^-3000 (every value here is a multiple of it). */
function exactMinus(a: number, b: number, c: number, x: Parts): bigint {
  const [A, B, C] = [a, b, c].map(decompose) as [Parts, Parts, Parts];
  const at = (m: bigint, k: number): bigint => m << BigInt(k + 3000);
  const v = at(A.m * B.m, A.e + B.e) + at(C.m, C.e) - at(x.m, x.e);
  return v < 0n ? -v : v;
}

/** Whether the last significand bit of r is 0 (the even one of a tie). */
function even(r: number, f32: boolean): boolean {
  if (f32) return ((new Int32Array(Float32Array.of(r).buffer)[0] ?? 0) & 1) === 0;
  view.setFloat64(0, r);
  return (view.getBigUint64(0) & 1n) === 0n;
}

/** Whether r is a·b + c correctly rounded to f32 (f32 = true) or f64. */
export function isCorrectFma(a: number, b: number, c: number, r: number, f32: boolean): boolean {
  const naive = a * b + c;
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c)) {
    // A finite product plus an infinity (or NaN) is that; otherwise the product is already non-finite.
    const v = Number.isFinite(a) && Number.isFinite(b) ? c : naive;
    const want = f32 ? Math.fround(v) : v;
    return Object.is(r, want) || (Number.isNaN(r) && Number.isNaN(want));
  }
  // Beyond the largest finite value by half its ulp or more rounds to infinity (a tie goes to the
  // even significand, which is 2^128 or 2^1024).
  const max = f32 ? 3.4028234663852886e38 : Number.MAX_VALUE;
  const limit: Parts = f32 ? { m: (1n << 25n) - 1n, e: 103 } : { m: (1n << 54n) - 1n, e: 970 };
  const zero: Parts = { m: 0n, e: 0 };
  const beyond = exactMinus(a, b, c, zero) >= exactMinus(0, 0, 0, { m: -limit.m, e: limit.e });
  if (!Number.isFinite(r)) return beyond && Math.sign(r) === Math.sign(naive);
  if (beyond) return false;
  // An exact zero: +0, unless both terms are zeros (then the double sum has the IEEE sign).
  if (exactMinus(a, b, c, zero) === 0n) return Object.is(r, a === 0 || b === 0 ? naive : 0);
  for (const dir of [1, -1] as const) {
    const s = step(r, dir, f32);
    if (Math.abs(s) > max) continue;
    const cmp = nearer(a, b, c, r, s);
    if (cmp > 0 || (cmp === 0 && !even(r, f32))) return false;
  }
  return true;
}

/** fma(a, b, c) correctly rounded to f32, for f32 a, b, c (the double product is exact). */
export function exactFmaF32(a: number, b: number, c: number): number {
  const r0 = Math.fround(a * b + c);
  if (!Number.isFinite(a * b + c) || !Number.isFinite(r0)) return r0;
  for (const r of [r0, step(r0, 1, true), step(r0, -1, true)]) if (Number.isFinite(r) && isCorrectFma(a, b, c, r, true)) return r;
  throw new Error(`no correctly rounded fma(${a}, ${b}, ${c}) among the candidates`);
}

/**
 * fma(a, b, c) correctly rounded to f64, for finite inputs whose result is a normal number: the
 * exact sum narrowed to 64 bits with a sticky bit (which rounds to 53 bits as the whole would), then
 * rounded by the host's BigInt-to-Number conversion (round to nearest, ties to even).
 */
export function exactFmaF64(a: number, b: number, c: number): number {
  const [A, B, C] = [a, b, c].map(decompose) as [Parts, Parts, Parts];
  const pe = A.e + B.e;
  const e = Math.min(pe, C.e);
  let v = (A.m * B.m << BigInt(pe - e)) + (C.m << BigInt(C.e - e));
  const neg = v < 0n;
  if (neg) v = -v;
  const len = v.toString(2).length;
  const k = Math.max(0, len - 64);
  const sticky = (v & ((1n << BigInt(k)) - 1n)) !== 0n ? 1n : 0n;
  const r = Number((v >> BigInt(k)) | sticky) * 2 ** (e + k);
  if (!(Math.abs(r) >= 2 ** -1022) || !Number.isFinite(r)) throw new Error(`fma(${a}, ${b}, ${c}) is not a normal f64`);
  return neg ? -r : r;
}
