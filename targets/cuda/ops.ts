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

/** The same on f64, in double. */
const ROUND64 = {
  call: 'ks_round64',
  lines: [
    'static __device__ __forceinline__ double ks_round64(double x) {',
    '  const double r = floor(x);',
    '  return (x - r >= 0.5) ? r + 1.0 : r;',
    '}',
  ],
};

const arg = (args: readonly Printed[], i: number): Printed => args[i] ?? { text: '', prec: P.primary };
/** The float library function on f32 (`expf`) and on f64 (`exp`). */
const lib = (f: string): { f32: string; f64: string } => ({ f32: `${f}f`, f64: f });

export const CUDA_MATH: MathSpellings = {
  exp: lib('exp'),
  log: lib('log'),
  sqrt: lib('sqrt'),
  abs: { f32: 'fabsf', f64: 'fabs', i32: 'abs', u32: (args) => arg(args, 0) },
  min: { f32: 'fminf', f64: 'fmin', i32: 'min', u32: 'min' },
  max: { f32: 'fmaxf', f64: 'fmax', i32: 'max', u32: 'max' },
  floor: lib('floor'),
  ceil: lib('ceil'),
  round: { f32: ROUND, f64: ROUND64 },
  pow: lib('pow'),
  sin: lib('sin'),
  cos: lib('cos'),
  tan: lib('tan'),
  tanh: lib('tanh'),
  atan2: lib('atan2'),
  cbrt: lib('cbrt'),
  // (x > 0) - (x < 0): 0 for zero and NaN, as JS's Math.sign gives for NaN only after the f32 store.
  sign: (args, t) => {
    const a = operandText(arg(args, 0), P.rel, 'l');
    const [type, zero] = t === 'f64' ? ['double', '0.0'] : ['float', '0.0f'];
    return { text: `(${type})((${a} > ${zero}) - (${a} < ${zero}))`, prec: P.unary };
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
