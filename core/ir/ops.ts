// The operation registry: one record per operation the language offers (Math functions, atomics,
// conversions, builtins, and the statements written as calls). Each record is the one definition
// of the operation: the front end reads its surface name, arity and accepted types; the verifier
// its types; constant folding and the cpu backend its evaluator and rounding. Targets spell
// operations through tables typed over the unions below (targets/<t>/ops.ts), so an operation
// without a spelling is a type error, not an emit-time throw.
import type { BinaryOp, ScalarType, UnaryOp } from './types.js';
import { f16round } from '../f16.js';

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
  /** The types it is defined on; its arguments and result all have the one type of the call. */
  readonly types: readonly NumType[];
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
} as const satisfies Record<string, MathRecord>;

export type MathFn = keyof typeof MATH;
/** The types math function `F` is defined on. */
export type MathTypes<F extends MathFn> = (typeof MATH)[F]['types'][number];

export const MATH_FNS = Object.keys(MATH) as MathFn[];

export function isMathFn(name: string): name is MathFn {
  return Object.hasOwn(MATH, name);
}

export function mathRecord(fn: MathFn): MathRecord {
  return MATH[fn];
}

/** Whether `fn` is also defined on integers (abs, min, max). */
export function isIntMath(fn: MathFn): boolean {
  return (MATH[fn].types as readonly string[]).includes('i32');
}

/** A math call on constants of its type, as every target computes it. */
export function evaluateMath(fn: MathFn, args: readonly number[], t: NumType): number {
  return toType(mathRecord(fn).evaluate(args, t), t);
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
  sharedArray: { k: 'declare', space: 'shared' },
  localArray: { k: 'declare', space: 'local' },
} as const;

export type StatementName = keyof typeof STATEMENTS;

export function isStatement(name: string): name is StatementName {
  return Object.hasOwn(STATEMENTS, name);
}
