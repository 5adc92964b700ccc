// How CUDA C spells the registry's operations: the f32 math library (`expf`…), integer `abs/min/max`
// from the CUDA headers, native atomics, and a helper where the library's meaning differs.
import type { AtomicOp } from '../../core/ir/ops.js';
import { operandText, P, type Printed } from '../c-like.js';
import type { HelperFn, MathSpellings } from '../spelling.js';
import type { WarpOperandType, WarpSpellings } from '../warp.js';

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
  trunc: lib('trunc'),
  log2: lib('log2'),
  exp2: lib('exp2'),
  log10: lib('log10'),
  log1p: lib('log1p'),
  expm1: lib('expm1'),
  asin: lib('asin'),
  acos: lib('acos'),
  atan: lib('atan'),
  sinh: lib('sinh'),
  cosh: lib('cosh'),
  hypot: lib('hypot'),
  fround: (args) => arg(args, 0),
  // Signed overflow is undefined in C: the product is taken on unsigned int, which wraps.
  imul: (args) => ({ text: `(int)((unsigned int)${operandText(arg(args, 0), P.unary, 'r')} * (unsigned int)${operandText(arg(args, 1), P.unary, 'r')})`, prec: P.unary }),
  clz32: '__clz',
  fma: lib('fma'),
  bitcastF32: { u32: '__uint_as_float', i32: '__int_as_float' },
  bitcastU32: { f32: '__float_as_uint', i32: (args) => ({ text: `(unsigned int)${operandText(arg(args, 0), P.unary, 'r')}`, prec: P.unary }) },
  bitcastI32: { f32: '__float_as_int', u32: (args) => ({ text: `(int)${operandText(arg(args, 0), P.unary, 'r')}`, prec: P.unary }) },
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
  and: 'atomicAnd',
  or: 'atomicOr',
  xor: 'atomicXor',
};

// ---- Warps --------------------------------------------------------------------------------------
// Full warps of 32 lanes (the launch rule, runtime/device.ts), so every `_sync` intrinsic names all
// of them. Deltas and masks of 32 or more would wrap in hardware (only their low 5 bits are used):
// they become 0, the caller's own lane, as the registry defines. Integer sums, minima and maxima
// use the sm_80 reductions where the architecture has them; floats the registry's butterfly.

const FULL = '0xffffffffu';
const CTYPE = { i32: 'int', u32: 'unsigned int', f32: 'float', bool: 'bool' } as const;

/** A helper `ks_<name>_<t>` of one parameter list and body. */
function warpFn(name: string, t: WarpOperandType, params: string, body: readonly string[]): HelperFn {
  const call = `ks_${name}_${t}`;
  return { call, lines: [`static __device__ __forceinline__ ${CTYPE[t]} ${call}(${params}) {`, ...body.map((l) => `  ${l}`), '}'] };
}

const shuffleBy = (kind: 'up' | 'down' | 'xor'): WarpSpellings['up'] => ([v = '', d = ''], t) => {
  const helper = warpFn(`shfl_${kind}`, t, `${CTYPE[t]} v, unsigned int d`, [`return __shfl_${kind}_sync(${FULL}, v, d < 32u ? d : 0u);`]);
  return { text: `${helper.call}(${v}, (unsigned int)(${d}))`, helper };
};

/** The butterfly of the registry (lane l combines with lane l ^ s, s = 16 … 1). */
const butterfly = (name: string, t: WarpOperandType, combine: (a: string, b: string) => string): HelperFn =>
  warpFn(name, t, `${CTYPE[t]} v`, [`for (int s = 16; s > 0; s >>= 1) v = ${combine('v', `__shfl_xor_sync(${FULL}, v, s)`)};`, 'return v;']);

const reduce = (op: 'add' | 'min' | 'max', float: (a: string, b: string) => string, int: (a: string, b: string, t: WarpOperandType) => string): WarpSpellings['sum'] => ([v = ''], t) => {
  const name = `warp_${op}`;
  if (t === 'f32') {
    const helper = butterfly(name, t, float);
    return { text: `${helper.call}(${v})`, helper };
  }
  // Before sm_80 the same butterfly, in unsigned arithmetic (wrapping, as i32 sums do).
  const helper = warpFn(name, t, `${CTYPE[t]} v`, [
    '#if __CUDA_ARCH__ >= 800',
    `return __reduce_${op}_sync(${FULL}, v);`,
    '#else',
    `for (int s = 16; s > 0; s >>= 1) v = ${int('v', `__shfl_xor_sync(${FULL}, v, s)`, t)};`,
    'return v;',
    '#endif',
  ]);
  return { text: `${helper.call}(${v})`, helper };
};

export const CUDA_WARP: WarpSpellings = {
  size: () => ({ text: '32' }),
  // Lanes follow the linear thread index; blockDim.x is a multiple of 32 (the launch rule).
  lane: () => ({ text: '((int)threadIdx.x & 31)' }),
  shfl: ([v = '', a = '']) => ({ text: `__shfl_sync(${FULL}, ${v}, (int)(${a}))` }),
  up: shuffleBy('up'),
  down: shuffleBy('down'),
  xor: shuffleBy('xor'),
  sum: reduce('add', (a, b) => `${a} + ${b}`, (a, b, t) => (t === 'i32' ? `(int)((unsigned int)${a} + (unsigned int)${b})` : `${a} + ${b}`)),
  min: reduce('min', (a, b) => `fminf(${a}, ${b})`, (a, b) => `min(${a}, ${b})`),
  max: reduce('max', (a, b) => `fmaxf(${a}, ${b})`, (a, b) => `max(${a}, ${b})`),
  any: ([p = '']) => ({ text: `(__any_sync(${FULL}, ${p}) != 0)` }),
  all: ([p = '']) => ({ text: `(__all_sync(${FULL}, ${p}) != 0)` }),
  ballot: ([p = '']) => ({ text: `__ballot_sync(${FULL}, ${p})` }),
};
