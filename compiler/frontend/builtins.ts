// Tables of the built-in functions kernels can call.
import type { AtomicOp, MathFn } from '../../core/ir/types.js';

export interface MathInfo {
  fn: MathFn;
  /** Argument count; null = one or more (min/max fold). */
  arity: number | null;
  /** Also defined on i32/u32 (result of the same type). */
  ints: boolean;
}

export const MATH: Record<string, MathInfo> = {
  exp: { fn: 'exp', arity: 1, ints: false },
  log: { fn: 'log', arity: 1, ints: false },
  sqrt: { fn: 'sqrt', arity: 1, ints: false },
  abs: { fn: 'abs', arity: 1, ints: true },
  min: { fn: 'min', arity: null, ints: true },
  max: { fn: 'max', arity: null, ints: true },
  pow: { fn: 'pow', arity: 2, ints: false },
  floor: { fn: 'floor', arity: 1, ints: false },
  ceil: { fn: 'ceil', arity: 1, ints: false },
  round: { fn: 'round', arity: 1, ints: false },
  sin: { fn: 'sin', arity: 1, ints: false },
  cos: { fn: 'cos', arity: 1, ints: false },
  tan: { fn: 'tan', arity: 1, ints: false },
  tanh: { fn: 'tanh', arity: 1, ints: false },
  atan2: { fn: 'atan2', arity: 2, ints: false },
  sign: { fn: 'sign', arity: 1, ints: false },
};

export const MATH_LIST = Object.keys(MATH).join(', ');

export const ATOMICS: Record<string, AtomicOp> = {
  atomicAdd: 'add',
  atomicSub: 'sub',
  atomicMin: 'min',
  atomicMax: 'max',
  atomicExch: 'exch',
  atomicCAS: 'cas',
};

export const CONVERSIONS = new Set(['f32', 'i32', 'u32', 'bool']);
export const BUILTIN_VECTORS = new Set(['threadIdx', 'blockIdx', 'blockDim', 'gridDim']);
