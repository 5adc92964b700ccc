// f32 arithmetic with an error bound: each value carries the largest absolute difference a
// conforming target may have from it (f32 rounding, operations the GPU may fuse, subnormals it may
// flush, the accuracy of its Math functions as measured on Dawn/lavapipe with a margin), and is
// `bad` where the result is not determined at all (undefined behaviour, a non-finite value, or a
// discontinuity — floor, a comparison, a conversion — within the error bound).
export interface Val {
  v: number | boolean;
  /** Absolute error bound (0 for integers and booleans). */
  e: number;
  /** Why the value is not determined, or null. */
  bad: string | null;
  /**
   * An f32 sum's leaves: the sum of their magnitudes `s`, the additions `n` between them and the
   * rounding allowance `r` already in `e`. Vulkan lets a driver reassociate additions (Mesa moves
   * constants: `(x + y) + 1` runs as `x + (y + 1)`), so every partial sum may reach `s`.
   */
  chain?: { s: number; n: number; r: number };
}

export const FLT_MIN = 2 ** -126;
const F32_MAX = 3.4028234663852886e38;
const F = Math.fround;

export function ulp(x: number): number {
  const a = Math.abs(x);
  if (!(a >= FLT_MIN)) return 2 ** -149;
  return 2 ** (Math.floor(Math.log2(a)) - 23);
}

export const good = (v: number | boolean): Val => ({ v, e: 0, bad: null });
export const bad = (why: string): Val => ({ v: 0, e: 0, bad: why });
const num = (x: Val): number => x.v as number;

/** An f32 result: rounded, its bound widened by `extra` and by a subnormal that may flush to zero. */
export function f32Val(exact: number, e: number, extra: number): Val {
  const v = F(exact);
  if (!Number.isFinite(v) || Math.abs(v) > F32_MAX) return bad('f32 overflow or NaN');
  if (!Number.isFinite(e)) return bad('unbounded f32 error');
  const flush = v !== 0 && Math.abs(v) < FLT_MIN ? FLT_MIN : 0;
  const bound = e + extra + flush;
  if (Math.abs(v) + bound >= F32_MAX) return bad('f32 result near overflow');
  return { v, e: bound, bad: null };
}

/** The rounding error of a correctly rounded operation whose exact result is r. */
const half = (r: number): number => (F(r) === r ? 0 : 0.5 * ulp(F(r)));

/** Whether [x - e, x + e] holds a point where `step` jumps (an integer, or k + 0.5 for rounding). */
function nearStep(x: number, e: number, offset: number): boolean {
  if (e === 0) return false;
  return Math.floor(x - e - offset) !== Math.floor(x + e - offset);
}

const chainOf = (a: Val): { s: number; n: number; r: number } => a.chain ?? { s: Math.abs(num(a)), n: 0, r: 0 };

/** x ± y as a step of a sum any association of which a driver may compute. */
function sum(a: Val, b: Val, exact: number): Val {
  const ca = chainOf(a), cb = chainOf(b);
  const s = ca.s + cb.s, n = ca.n + cb.n + 1;
  const r = Math.max(n * 0.5 * ulp(F(s)), ca.r + cb.r + half(exact));
  const v = f32Val(exact, a.e - ca.r + (b.e - cb.r), r);
  return v.bad ? v : { ...v, chain: { s, n, r: v.e - (a.e - ca.r) - (b.e - cb.r) } };
}

export function f32Binary(op: string, a: Val, b: Val): Val {
  if (a.bad) return a;
  if (b.bad) return b;
  const x = num(a), y = num(b), ea = a.e, eb = b.e;
  switch (op) {
    case '+':
      return sum(a, b, x + y);
    case '-':
      return sum(a, b, x - y);
    case '*':
      return f32Val(x * y, Math.abs(x) * eb + Math.abs(y) * ea + ea * eb, half(x * y));
    case '/': {
      if (Math.abs(y) <= 2 * eb || Math.abs(y) < FLT_MIN || Math.abs(y) > 2 ** 126) return bad('f32 division by (nearly) zero or huge');
      const q = x / y;
      return f32Val(q, (ea + Math.abs(q) * eb) / (Math.abs(y) - eb), 2.5 * ulp(F(q)));
    }
    case '%': {
      if (Math.abs(y) <= 2 * eb || y === 0) return bad('f32 % by (nearly) zero');
      const r = x % y;
      const k = Math.abs(Math.trunc(x / y));
      const spread = 2 * (ea + k * eb);
      // fmod jumps where x / y crosses an integer: at r = 0 and |r| = |y|.
      if (spread > 0 && (Math.abs(r) <= spread || Math.abs(y) - Math.abs(r) <= spread)) return bad('f32 % near a jump');
      return f32Val(r, ea + k * eb, r === 0 ? 0 : ulp(F(r)));
    }
    case '**':
      return pow(a, b);
  }
  throw new Error(`f32Binary: ${op}`);
}

function pow(a: Val, b: Val): Val {
  const x = num(a), y = num(b);
  if (y === 0 && b.e === 0) return good(1);
  if (x === 0 || Math.abs(x) <= a.e) return bad('pow of a base near zero');
  if (x < 0 && (b.e > 0 || !Number.isInteger(y))) return bad('pow of a negative base');
  const r = Math.pow(x, y);
  const t = Math.abs(y * Math.log2(Math.abs(x)));
  const inputs = Math.abs(r) * ((Math.abs(y) / Math.abs(x)) * a.e + Math.abs(Math.log(Math.abs(x))) * b.e);
  // exp2(y * log2(x)): exp2's error grows with |t|; log2's absolute error is scaled by |y|.
  return f32Val(r, inputs * 1.01, (4 + 2 * t) * ulp(F(r)) + Math.abs(r) * Math.abs(y) * 2 ** -20);
}

export function f32Math(fn: string, args: Val[]): Val {
  const unknown = args.find((x) => x.bad);
  if (unknown) return unknown;
  const a = args[0] as Val;
  const x = num(a), e = a.e;
  // WGSL promises sin and cos to an absolute 2^-11 in [-π, π] and nothing outside. Drivers that
  // reduce a larger argument in f32 lose about |x|·2^-24 per rounding (NVIDIA's Vulkan sine is off
  // by 5e-3 near 1e4; lavapipe stays exact to about 1e5), so the bound grows with |x|, and beyond
  // 1e5 the value is unknown.
  if ((fn === 'sin' || fn === 'cos' || fn === 'tan') && Math.abs(x) > 1e5) return bad(`${fn} of a huge argument`);
  const TRIG = 2 ** -11 + Math.abs(x) * 2 ** -20;
  switch (fn) {
    case 'exp': {
      const r = Math.exp(x);
      return f32Val(r, r * (Math.exp(e) - 1), (6 + 2 * Math.abs(x)) * ulp(F(r)));
    }
    case 'log':
      if (x - 2 * e <= 0) return bad('log of a value near or below zero');
      return f32Val(Math.log(x), e / (x - e), 1e-6 + 4 * ulp(F(Math.log(x))));
    case 'sqrt':
      if (x < 0) return bad('sqrt of a negative value');
      return f32Val(Math.sqrt(x), x - e > 0 ? e / (2 * Math.sqrt(x - e)) : Math.sqrt(e), 2 * ulp(F(Math.sqrt(x))));
    case 'sin':
      return f32Val(Math.sin(x), e, TRIG);
    case 'cos':
      return f32Val(Math.cos(x), e, TRIG);
    case 'tan': {
      const r = Math.tan(x);
      const c = Math.abs(Math.cos(x));
      // tan is sin / cos on WGSL, each within TRIG.
      if (c <= 4 * (e + TRIG)) return bad('tan near a pole');
      return f32Val(r, (1 + r * r) * (e + TRIG) * 2, 4 * ulp(F(r)));
    }
    case 'tanh':
      return f32Val(Math.tanh(x), e, 1e-6 + 4 * ulp(F(Math.tanh(x))));
    case 'floor':
    case 'ceil':
      if (nearStep(x, e, 0)) return bad(`${fn} near an integer`);
      return f32Val(fn === 'floor' ? Math.floor(x) : Math.ceil(x), 0, 0);
    case 'round':
      if (nearStep(x, e, 0.5)) return bad('round near a half');
      return f32Val(Math.round(x), 0, 0);
    case 'sign':
      if (e > 0 && Math.abs(x) <= e) return bad('sign near zero');
      return f32Val(Math.sign(x), 0, 0);
    case 'abs':
      return f32Val(Math.abs(x), e, 0);
    case 'min':
    case 'max': {
      const vs = args.map(num);
      return f32Val(fn === 'min' ? Math.min(...vs) : Math.max(...vs), Math.max(...args.map((v) => v.e)), 0);
    }
    case 'pow':
      return pow(a, args[1] as Val);
    case 'atan2': {
      const b = args[1] as Val;
      const xx = num(b);
      // atan2(y, x) jumps across the negative x axis, and is undetermined at the origin.
      if (Math.abs(x) <= 2 * e && (xx < 0 || Math.abs(xx) <= 2 * b.e)) return bad('atan2 near its cut or the origin');
      const d = x * x + xx * xx;
      const r = Math.atan2(x, xx);
      return f32Val(r, (Math.abs(xx) * e + Math.abs(x) * b.e) / Math.max(d - 2 * (e + b.e) * Math.sqrt(d), d / 2), 1e-5 + 8 * ulp(F(r)));
    }
  }
  throw new Error(`f32Math: ${fn}`);
}

/** `a op b` on two f32 values, or bad when the error bounds overlap the decision. */
export function f32Compare(op: string, a: Val, b: Val): Val {
  if (a.bad) return a;
  if (b.bad) return b;
  const x = num(a), y = num(b);
  const e = a.e + b.e;
  if (e > 0 && Math.abs(x - y) <= e) return bad('f32 comparison within the error bound');
  return good(compare(op, x, y));
}

export function compare(op: string, x: number | boolean, y: number | boolean): boolean {
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
    case '==':
    case '===':
      return x === y;
    case '!=':
    case '!==':
      return x !== y;
  }
  throw new Error(`compare: ${op}`);
}

/** An f32 converted to an integer type: truncation, bad near a step or out of range. */
export function f32ToInt(a: Val, t: 'i32' | 'u32'): Val {
  if (a.bad) return a;
  const x = num(a);
  const lo = t === 'i32' ? -(2 ** 31) : 0;
  const hi = t === 'i32' ? 2 ** 31 : 2 ** 32;
  if (Math.trunc(x - a.e) !== Math.trunc(x + a.e)) return bad('f32 to int near a step');
  const v = Math.trunc(x);
  if (v < lo || v >= hi) return bad(`f32 out of ${t} range`);
  return good(v === 0 ? 0 : v);
}

/** An integer converted to f32: the GPU may round to either neighbour. */
export function intToF32(a: Val): Val {
  if (a.bad) return a;
  const x = num(a);
  const v = F(x);
  return { v, e: v === x ? 0 : ulp(v), bad: null };
}

/** Whether a number counts as true (the language compares it with zero). */
export function truthy(a: Val, t: string): Val {
  if (a.bad) return a;
  if (t === 'bool') return a;
  if (t === 'f32' && a.e > 0 && Math.abs(num(a)) <= a.e) return bad('f32 condition near zero');
  return good(num(a) !== 0);
}
