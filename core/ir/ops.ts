// The operation registry: one record per operation the language offers (Math functions, atomics,
// conversions, builtins, and the statements written as calls). Each record is the one definition
// of the operation: the front end reads its surface name, arity and accepted types; the verifier
// its types; constant folding and the cpu backend its evaluator and rounding. Targets spell
// operations through tables typed over the unions below (targets/<t>/ops.ts), so an operation
// without a spelling is a type error, not an emit-time throw.
import type { BinaryOp, ScalarType, UnaryOp } from './types.js';
import { f16round } from '../f16.js';
import { fmaF32, fmaF64 } from '../fma.js';
import { bitsToF32, f32ToBits } from '../bits.js';

export type NumType = 'f32' | 'f16' | 'f64' | 'i32' | 'u32';
export type FloatType = 'f32' | 'f16' | 'f64';

export const isFloat = (t: ScalarType): t is FloatType => t === 'f32' || t === 'f16' || t === 'f64';

/**
 * Wraps or rounds a host number to a scalar type, as every target stores it. An f16 result is
 * computed in f32 and rounded once more to f16 (targets/f16.ts lowers f16 operations that way).
 */
export function toType(v: number, t: NumType): number {
  if (t === 'i32') return v | 0;
  if (t === 'u32') return v >>> 0;
  if (t === 'f64') return v;
  if (t === 'f16') return f16round(Math.fround(v));
  return Math.fround(v);
}

// ---- Operators --------------------------------------------------------------------------------

type Value = number | boolean;

/**
 * A binary operator on constants of `operandType` (both operands have it, except shift amounts),
 * giving the value of result type `t` every target computes; null where it is not defined (e.g.
 * ordering of bools, which the front end never produces).
 */
export function evaluateBinary(op: BinaryOp, a: Value, b: Value, operandType: ScalarType, t: ScalarType): Value | null {
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    if (op === '&&') return a && b;
    if (op === '||') return a || b;
    if (op === '==') return a === b;
    if (op === '!=') return a !== b;
    return null;
  }
  const wrap = (v: number): Value => (t === 'bool' ? v !== 0 : toType(v, t));
  switch (op) {
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
    case '==': return a === b;
    case '!=': return a !== b;
    case '+': return wrap(a + b);
    case '-': return wrap(a - b);
    case '*': return isFloat(t) ? toType(a * b, t) : wrap(Math.imul(a, b));
    // Integer division by zero is unspecified on GPUs; the host's 0 keeps folding total.
    case '/': return isFloat(t) ? toType(a / b, t) : wrap(Math.trunc(a / b) || 0);
    // A float remainder is exact (fmod), so already of the operands' type.
    case '%': return isFloat(t) ? a % b : wrap(a % b || 0);
    case '&': return wrap(a & b);
    case '|': return wrap(a | b);
    case '^': return wrap(a ^ b);
    // Shift amounts use their low 5 bits, as JS does (targets mask them).
    case '<<': return wrap(a << b);
    case '>>': return operandType === 'u32' ? wrap(a >>> b) : wrap(a >> b);
    case '>>>': return wrap(a >>> b);
    default: return null;
  }
}

/** A unary operator on a constant of type `t`; null where not defined. */
export function evaluateUnary(op: UnaryOp, v: Value, t: ScalarType): Value | null {
  if (op === 'not') return !v;
  if (typeof v === 'boolean' || t === 'bool') return null;
  if (op === 'neg') return isFloat(t) ? -v : toType(-v, t);
  return toType(~v, t);
}

// ---- Math functions ---------------------------------------------------------------------------

export interface MathRecord {
  /** Argument count; 'fold' = one or more, lowered as a chain of two-argument calls (min/max). */
  readonly arity: 1 | 2 | 3 | 'fold';
  /**
   * The types its arguments may have; all arguments have the one type of the call, and so does the
   * result unless `result` fixes it. A record with one type takes every argument to that type.
   */
  readonly types: readonly NumType[];
  /** The result type when it is not the arguments' (the bitcasts). */
  readonly result?: NumType;
  /** The language function kernels call when it is not `Math.<name>` (`fma`, `bitcastF32`). */
  readonly surface?: string;
  /**
   * 'f32': the f32 result is the host's double result rounded to f32 (the cpu backend wraps it in
   * Math.fround); 'exact': the double result of f32 arguments is already an f32. f64 results are
   * the host's double result; f16 ones are the f32 result rounded to f16 (targets/f16.ts).
   */
  readonly rounding: 'f32' | 'exact';
  /** The reference semantics on host numbers (already of the call's type); wrapped by `toType`. */
  readonly evaluate: (args: readonly number[], t: NumType) => number;
}

const FLOAT = ['f32', 'f16', 'f64'] as const;
const NUM = ['f32', 'f16', 'f64', 'i32', 'u32'] as const;
const unary =
  (f: (a: number) => number) =>
  (args: readonly number[]): number =>
    f(args[0] ?? 0);
const binary =
  (f: (a: number, b: number) => number) =>
  (args: readonly number[]): number =>
    f(args[0] ?? 0, args[1] ?? 0);

/**
 * `Math.<name>` in kernels. `satisfies` keeps each record's literal `types` for the spelling tables.
 * The order is the order targets emit the helpers some functions need.
 */
export const MATH = {
  exp: { arity: 1, types: FLOAT, rounding: 'f32', evaluate: unary(Math.exp) },
  log: { arity: 1, types: FLOAT, rounding: 'f32', evaluate: unary(Math.log) },
  sqrt: { arity: 1, types: FLOAT, rounding: 'f32', evaluate: unary(Math.sqrt) },
  abs: { arity: 1, types: NUM, rounding: 'exact', evaluate: unary(Math.abs) },
  min: { arity: 'fold', types: NUM, rounding: 'exact', evaluate: binary(Math.min) },
  max: { arity: 'fold', types: NUM, rounding: 'exact', evaluate: binary(Math.max) },
  floor: { arity: 1, types: FLOAT, rounding: 'exact', evaluate: unary(Math.floor) },
  ceil: { arity: 1, types: FLOAT, rounding: 'exact', evaluate: unary(Math.ceil) },
  round: { arity: 1, types: FLOAT, rounding: 'exact', evaluate: unary(Math.round) },
  pow: { arity: 2, types: FLOAT, rounding: 'f32', evaluate: binary(Math.pow) },
  sin: { arity: 1, types: FLOAT, rounding: 'f32', evaluate: unary(Math.sin) },
  cos: { arity: 1, types: FLOAT, rounding: 'f32', evaluate: unary(Math.cos) },
  tan: { arity: 1, types: FLOAT, rounding: 'f32', evaluate: unary(Math.tan) },
  tanh: { arity: 1, types: FLOAT, rounding: 'f32', evaluate: unary(Math.tanh) },
  atan2: { arity: 2, types: FLOAT, rounding: 'f32', evaluate: binary(Math.atan2) },
  sign: { arity: 1, types: FLOAT, rounding: 'exact', evaluate: unary(Math.sign) },
  cbrt: { arity: 1, types: FLOAT, rounding: 'f32', evaluate: unary(Math.cbrt) },
  trunc: { arity: 1, types: FLOAT, rounding: 'exact', evaluate: unary(Math.trunc) },
  log2: { arity: 1, types: FLOAT, rounding: 'f32', evaluate: unary(Math.log2) },
  exp2: { arity: 1, types: FLOAT, rounding: 'f32', evaluate: unary((x) => 2 ** x) },
  log10: { arity: 1, types: FLOAT, rounding: 'f32', evaluate: unary(Math.log10) },
  log1p: { arity: 1, types: FLOAT, rounding: 'f32', evaluate: unary(Math.log1p) },
  expm1: { arity: 1, types: FLOAT, rounding: 'f32', evaluate: unary(Math.expm1) },
  asin: { arity: 1, types: FLOAT, rounding: 'f32', evaluate: unary(Math.asin) },
  acos: { arity: 1, types: FLOAT, rounding: 'f32', evaluate: unary(Math.acos) },
  atan: { arity: 1, types: FLOAT, rounding: 'f32', evaluate: unary(Math.atan) },
  sinh: { arity: 1, types: FLOAT, rounding: 'f32', evaluate: unary(Math.sinh) },
  cosh: { arity: 1, types: FLOAT, rounding: 'f32', evaluate: unary(Math.cosh) },
  hypot: { arity: 2, types: FLOAT, rounding: 'f32', evaluate: binary(Math.hypot) },
  // Integer and rounding functions with one type: other arguments convert to it first, as JS's
  // ToInt32 and Math.fround do (a u32 keeps its bits; out-of-range floats as i32(x) says).
  fround: { arity: 1, types: ['f32'], rounding: 'exact', evaluate: unary(Math.fround) },
  imul: { arity: 2, types: ['i32'], rounding: 'exact', evaluate: binary(Math.imul) },
  clz32: { arity: 1, types: ['i32'], rounding: 'exact', evaluate: unary(Math.clz32) },
  // One rounding of the exact a*b + c (core/fma.ts); the cpu backend's helper rounds it itself.
  fma: {
    arity: 3,
    types: FLOAT,
    rounding: 'exact',
    surface: 'fma',
    evaluate: (args, t) => (t === 'f64' ? fmaF64 : fmaF32)(args[0] ?? 0, args[1] ?? 0, args[2] ?? 0),
  },
  // The bits of a 32-bit value as another 32-bit type (core/bits.ts). Which NaN a NaN becomes is not
  // fixed (docs/language.md): every other pattern is kept exactly.
  bitcastF32: { arity: 1, types: ['u32', 'i32'], result: 'f32', rounding: 'exact', surface: 'bitcastF32', evaluate: unary(bitsToF32) },
  bitcastU32: {
    arity: 1,
    types: ['f32', 'i32'],
    result: 'u32',
    rounding: 'exact',
    surface: 'bitcastU32',
    evaluate: ([x = 0], t) => (t === 'i32' ? x >>> 0 : f32ToBits(x)),
  },
  bitcastI32: {
    arity: 1,
    types: ['f32', 'u32'],
    result: 'i32',
    rounding: 'exact',
    surface: 'bitcastI32',
    evaluate: ([x = 0], t) => (t === 'u32' ? x | 0 : f32ToBits(x) | 0),
  },
} as const satisfies Record<string, MathRecord>;

export type MathFn = keyof typeof MATH;
/** The types math function `F` is defined on. */
export type MathTypes<F extends MathFn> = (typeof MATH)[F]['types'][number];

export const MATH_FNS = Object.keys(MATH) as MathFn[];

export function isMathFn(name: string): name is MathFn {
  return Object.hasOwn(MATH, name);
}

/** The functions kernels write as `Math.<name>` (the others have a `surface` name of their own). */
export const MATH_METHODS = MATH_FNS.filter((fn) => !('surface' in MATH[fn]));

export function isMathMethod(name: string): name is MathFn {
  return isMathFn(name) && (MATH_METHODS as readonly string[]).includes(name);
}

/** The registry function a language name denotes (`fma` → 'fma'), for those called without `Math.`. */
export function mathOfSurface(name: string): MathFn | null {
  return MATH_FNS.find((fn) => (MATH[fn] as MathRecord).surface === name) ?? null;
}

/** The result type of `fn` on arguments of type `t`. */
export function mathResult(fn: MathFn, t: NumType): NumType {
  return (MATH[fn] as MathRecord).result ?? t;
}

/**
 * The type of a math call's arguments (its result type unless the record fixes that). Never bool in
 * verified IR (core/ir/verify.ts holds it to the record's types).
 */
export const mathArgType = (e: { readonly args: readonly { readonly type: ScalarType }[]; readonly type: ScalarType }): NumType =>
  (e.args[0]?.type ?? e.type) as NumType;

export function mathRecord(fn: MathFn): MathRecord {
  return MATH[fn];
}

/**
 * Whether `fn` is defined on floats and integers alike (abs, min, max), its type following its
 * arguments. Functions of one type (imul, clz32, fround) always have that type.
 */
export function isIntMath(fn: MathFn): boolean {
  const types = MATH[fn].types as readonly string[];
  return types.includes('i32') && types.includes('f32');
}

/** A math call on constants of argument type `t`, as every target computes it. */
export function evaluateMath(fn: MathFn, args: readonly number[], t: NumType): number {
  return toType(mathRecord(fn).evaluate(args, t), mathResult(fn, t));
}

/** `Math.<name>` constants kernels and module constants may read (as f32 in kernels). */
export const MATH_CONSTANTS = { PI: Math.PI, E: Math.E } as const;

export function mathConstant(name: string): number | null {
  return Object.hasOwn(MATH_CONSTANTS, name) ? MATH_CONSTANTS[name as keyof typeof MATH_CONSTANTS] : null;
}

// ---- Atomics ----------------------------------------------------------------------------------

export interface AtomicRecord {
  /** The function kernels call. */
  readonly surface: string;
  /** Element types of the arrays it applies to. */
  readonly types: readonly NumType[];
  /** Operands after the array and index: [value], or [expected, value] for compare-and-swap. */
  readonly operands: 1 | 2;
  /** The new element value from the old one and the operands (the old value is returned). */
  readonly update: (old: number, operands: readonly number[]) => number;
}

const INT = ['i32', 'u32'] as const;

export const ATOMICS = {
  add: { surface: 'atomicAdd', types: ['f32', 'i32', 'u32'], operands: 1, update: (o, [v = 0]) => o + v },
  sub: { surface: 'atomicSub', types: INT, operands: 1, update: (o, [v = 0]) => o - v },
  min: { surface: 'atomicMin', types: INT, operands: 1, update: (o, [v = 0]) => Math.min(o, v) },
  max: { surface: 'atomicMax', types: INT, operands: 1, update: (o, [v = 0]) => Math.max(o, v) },
  exch: { surface: 'atomicExch', types: INT, operands: 1, update: (_o, [v = 0]) => v },
  cas: { surface: 'atomicCAS', types: INT, operands: 2, update: (o, [e = 0, v = 0]) => (o === e ? v : o) },
  and: { surface: 'atomicAnd', types: INT, operands: 1, update: (o, [v = 0]) => o & v },
  or: { surface: 'atomicOr', types: INT, operands: 1, update: (o, [v = 0]) => o | v },
  xor: { surface: 'atomicXor', types: INT, operands: 1, update: (o, [v = 0]) => o ^ v },
} as const satisfies Record<string, AtomicRecord>;

export type AtomicOp = keyof typeof ATOMICS;
export type AtomicTypes<A extends AtomicOp> = (typeof ATOMICS)[A]['types'][number];
export const ATOMIC_OPS = Object.keys(ATOMICS) as AtomicOp[];

export function isAtomicOp(name: string): name is AtomicOp {
  return Object.hasOwn(ATOMICS, name);
}

/** The atomic a language function names (`atomicAdd` → 'add'). */
export function atomicOfSurface(name: string): AtomicOp | null {
  return ATOMIC_OPS.find((op) => ATOMICS[op].surface === name) ?? null;
}

// ---- Conversions ------------------------------------------------------------------------------

/**
 * `f32(x)`, `f16(x)`, `f64(x)`, `i32(x)`, `u32(x)`, `bool(x)`: C semantics where C defines them
 * (float → integer truncates; out of range the result is unspecified, here the host's: 0 for
 * non-finite values). Conversion to f16 rounds to f32 first, then to f16, as targets/f16.ts does.
 */
export function convert(v: number | boolean, to: ScalarType): number | boolean {
  if (to === 'bool') return typeof v === 'boolean' ? v : v !== 0;
  const n = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  if (isFloat(to)) return toType(n, to);
  return toType(Math.trunc(n), to);
}

export const CONVERSIONS: readonly ScalarType[] = ['f32', 'f16', 'f64', 'i32', 'u32', 'bool'];

export function isConversion(name: string): name is ScalarType {
  return (CONVERSIONS as readonly string[]).includes(name);
}

// ---- Builtins and statements written as calls -------------------------------------------------

/** The launch-geometry builtins: `.x .y .z`, each an i32. */
export const BUILTINS = {
  threadIdx: { doc: 'index of the thread within its block' },
  blockIdx: { doc: 'index of the block within the grid' },
  blockDim: { doc: 'threads per block' },
  gridDim: { doc: 'blocks per grid' },
} as const;

export type BuiltinName = keyof typeof BUILTINS;
/** The components every builtin has, in order. */
export const AXES = ['x', 'y', 'z'] as const;
export type Axis = (typeof AXES)[number];

export function isAxis(name: string): name is Axis {
  return (AXES as readonly string[]).includes(name);
}
export const BUILTIN_NAMES = Object.keys(BUILTINS) as BuiltinName[];

export function isBuiltin(name: string): name is BuiltinName {
  return Object.hasOwn(BUILTINS, name);
}

/** Language functions that are statements or declarations rather than values. */
export const STATEMENTS = {
  syncthreads: { k: 'barrier' },
  threadfence: { k: 'fence' },
  sharedArray: { k: 'declare', space: 'shared' },
  localArray: { k: 'declare', space: 'local' },
} as const;

export type StatementName = keyof typeof STATEMENTS;

export function isStatement(name: string): name is StatementName {
  return Object.hasOwn(STATEMENTS, name);
}

// ---- Warps ------------------------------------------------------------------------------------

/** The types warp operations move and combine (f16 travels as its exact f32 value, targets/f16.ts). */
export const WARP_TYPES = ['i32', 'u32', 'f32', 'f16'] as const;
export type WarpType = (typeof WARP_TYPES)[number];

export interface WarpRecord {
  /** The name kernels use. */
  readonly surface: string;
  /**
   * 'value': a name read as a value (`warpSize`, `laneId`: i32, no arguments, not collective);
   * 'shuffle': (v, lane-or-delta) → v's type; 'reduce': (v) → v's type, the same in every lane;
   * 'vote': (p: bool) → bool, or u32 for the ballot.
   */
  readonly kind: 'value' | 'shuffle' | 'reduce' | 'vote';
  /** The source lane of `lane` in a warp of `w` lanes for the operand `a` (shuffles), or null: own value. */
  readonly source?: (lane: number, a: number, w: number) => number | null;
}

const inWarp = (src: number, w: number): number | null => (src >= 0 && src < w ? src : null);

/**
 * Warp (subgroup) operations. Shuffle operands are read as u32: `shfl` takes lane `a mod w`
 * (CUDA's rule); `shflUp`/`shflDown`/`shflXor` whose source lane lies outside the warp give the
 * calling lane's own value (CUDA's rule, extended to deltas and masks of w or more).
 */
export const WARP = {
  size: { surface: 'warpSize', kind: 'value' },
  lane: { surface: 'laneId', kind: 'value' },
  shfl: { surface: 'shfl', kind: 'shuffle', source: (_l, a, w) => (a >>> 0) % w },
  up: { surface: 'shflUp', kind: 'shuffle', source: (l, a, w) => inWarp(l - (a >>> 0), w) },
  down: { surface: 'shflDown', kind: 'shuffle', source: (l, a, w) => inWarp(l + (a >>> 0), w) },
  xor: { surface: 'shflXor', kind: 'shuffle', source: (l, a, w) => inWarp((l ^ a) >>> 0, w) },
  sum: { surface: 'warpSum', kind: 'reduce' },
  min: { surface: 'warpMin', kind: 'reduce' },
  max: { surface: 'warpMax', kind: 'reduce' },
  any: { surface: 'warpAny', kind: 'vote' },
  all: { surface: 'warpAll', kind: 'vote' },
  ballot: { surface: 'warpBallot', kind: 'vote' },
} as const satisfies Record<string, WarpRecord>;

export type WarpOp = keyof typeof WARP;
export const WARP_OPS = Object.keys(WARP) as WarpOp[];

/** The warp operation a language name denotes (`warpSum` → 'sum'). */
export function warpOfSurface(name: string): WarpOp | null {
  return WARP_OPS.find((op) => WARP[op].surface === name) ?? null;
}

/** Whether all lanes of a warp must reach the operation together (everything but warpSize and laneId). */
export const isCollective = (op: WarpOp): boolean => WARP[op].kind !== 'value';

/** The butterfly steps of a warp of `w` lanes, in order: w/2, w/4, …, 1. */
export function butterfly(w: number): number[] {
  const steps: number[] = [];
  for (let s = w >> 1; s > 0; s >>= 1) steps.push(s);
  return steps;
}

/**
 * The reference semantics of a collective warp operation on one warp: `values[l]` is lane l's
 * first operand (a boolean for votes), `operands[l]` its second (shuffles). Sums, minima and maxima
 * combine lanes in butterfly order (lane l adds lane l ^ s for s = w/2 … 1, each step rounded to the
 * type; f16 combines in f32 and rounds once at the end), so every lane gets the same bits and a
 * float sum is reproducible; min and max are Math.min and Math.max.
 */
export function evaluateWarp(op: WarpOp, values: readonly (number | boolean)[], operands: readonly number[], t: WarpType): (number | boolean)[] {
  const w = values.length;
  const rec: WarpRecord = WARP[op];
  if (rec.kind === 'shuffle' && rec.source) {
    const source = rec.source;
    return values.map((v, l) => {
      const src = source(l, operands[l] ?? 0, w);
      return src === null ? v : (values[src] ?? v);
    });
  }
  if (op === 'any' || op === 'all' || op === 'ballot') {
    const bits = values.map((v) => v === true);
    if (op === 'any') return bits.map(() => bits.some((b) => b));
    if (op === 'all') return bits.map(() => bits.every((b) => b));
    // Lanes 0-31 (a warp of more than 32 lanes is refused at launch for kernels that use it).
    const mask = bits.reduce((m, b, l) => (b && l < 32 ? (m | (1 << l)) >>> 0 : m), 0);
    return bits.map(() => mask);
  }
  if (rec.kind !== 'reduce') throw new Error(`warp operation '${op}' has no lanes to combine`);
  const inner: NumType = t === 'f16' ? 'f32' : t;
  const combine = (a: number, b: number): number =>
    op === 'sum' ? toType(a + b, inner) : op === 'min' ? Math.min(a, b) : Math.max(a, b);
  let cur = values.map((v) => Number(v));
  for (const s of butterfly(w)) cur = cur.map((v, l) => combine(v, cur[l ^ s] ?? v));
  return cur.map((v) => toType(v, t));
}
