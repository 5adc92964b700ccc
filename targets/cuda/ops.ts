// How CUDA C spells the registry's operations: the f32 math library (`expf`…), integer `abs/min/max`
// from the CUDA headers, native atomics, and a helper where the library's meaning differs.
import type { AtomicOp } from '../../core/ir/ops.js';
import { operandText, P, type Printed } from '../c-like.js';
import type { MathSpellings } from '../spelling.js';

/** Math.round semantics (round half up), exact for every f32, unlike roundf or floorf(x + 0.5f). */
const ROUND = {
  call: 'ks_round',
  lines: [
    'static __device__ __forceinline__ float ks_round(float x) {',
    '  const float r = floorf(x);',
    '  return (x - r >= 0.5f) ? r + 1.0f : r;',
    '}',
  ],
};

const arg = (args: readonly Printed[], i: number): Printed => args[i] ?? { text: '', prec: P.primary };

export const CUDA_MATH: MathSpellings = {
  exp: 'expf',
  log: 'logf',
  sqrt: 'sqrtf',
  abs: { f32: 'fabsf', i32: 'abs', u32: (args) => arg(args, 0) },
  min: { f32: 'fminf', i32: 'min', u32: 'min' },
  max: { f32: 'fmaxf', i32: 'max', u32: 'max' },
  floor: 'floorf',
  ceil: 'ceilf',
  round: ROUND,
  pow: 'powf',
  sin: 'sinf',
  cos: 'cosf',
  tan: 'tanf',
  tanh: 'tanhf',
  atan2: 'atan2f',
  // (x > 0) - (x < 0): 0 for zero and NaN, as JS's Math.sign gives for NaN only after the f32 store.
  cbrt: 'cbrtf',
  sign: (args) => {
    const a = operandText(arg(args, 0), P.rel, 'l');
    return { text: `(float)((${a} > 0.0f) - (${a} < 0.0f))`, prec: P.unary };
  },
};

export const CUDA_ATOMICS: { readonly [A in AtomicOp]: string } = {
  add: 'atomicAdd',
  sub: 'atomicSub',
  min: 'atomicMin',
  max: 'atomicMax',
  exch: 'atomicExch',
  cas: 'atomicCAS',
};
