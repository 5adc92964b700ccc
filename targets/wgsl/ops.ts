// How WGSL spells the registry's operations. Most Math functions are WGSL builtins of the same
// name; Math.round and Math.pow are functions of ours where WGSL's meaning differs from JS's.
// Atomics: native where WGSL has one; compare-and-swap and f32 add are per-array functions, because
// WGSL cannot pass a storage or workgroup pointer to a function.
import type { AtomicOp, AtomicTypes, NumType } from '../../core/ir/ops.js';
import { InternalCompilerError } from '../../core/diagnostics/diagnostic.js';
import { operandText, P, prim } from '../c-like.js';
import { EXPM1, HYPOT, LOG10, LOG1P } from './math.js';
import type { HelperFn, MathSpellings } from '../spelling.js';
import type { WarpOperandType, WarpSpellings } from '../warp.js';

export const WGSL_MATH: MathSpellings = {
  exp: 'exp',
  log: 'log',
  sqrt: 'sqrt',
  abs: 'abs',
  min: 'min',
  max: 'max',
  floor: 'floor',
  ceil: 'ceil',
  // Math.round rounds half up; WGSL's round() rounds half to even.
  round: {
    call: 'ks_round',
    lines: ['fn ks_round(x: f32) -> f32 {', '  let r = floor(x);', '  return select(r, r + 1.0f, x - r >= 0.5f);', '}'],
  },
  // WGSL's pow() is undefined for negative bases; JS defines them for integer exponents.
  pow: {
    call: 'ks_pow',
    lines: [
      'fn ks_pow(x: f32, y: f32) -> f32 {',
      '  if (y == 0.0f) { return 1.0f; }',
      '  if (x >= 0.0f || floor(y) != y) { return pow(x, y); }',
      '  let m = pow(-x, y);',
      '  return select(m, -m, floor(y * 0.5f) != y * 0.5f);',
      '}',
    ],
  },
  sin: 'sin',
  cos: 'cos',
  tan: 'tan',
  tanh: 'tanh',
  atan2: 'atan2',
  sign: 'sign',
  // WGSL has no cbrt, and its pow() is undefined for negative bases: the root of |x|, signed.
  // ±0, ±Infinity and NaN come back as they are, as from Math.cbrt (tested on the bits: a
  // driver may take NaN for impossible in float comparisons).
  cbrt: {
    call: 'ks_cbrt',
    lines: [
      'fn ks_cbrt(x: f32) -> f32 {',
      '  let a = abs(x);',
      '  if (a == 0.0f || bitcast<u32>(a) >= 0x7f800000u) { return x; }',
      '  let r = pow(a, 1.0f / 3.0f);',
      '  return select(r, -r, x < 0.0f);',
      '}',
    ],
  },
  trunc: 'trunc',
  log2: 'log2',
  exp2: 'exp2',
  // WGSL has no log10, log1p, expm1 or hypot: functions of ours (math.ts).
  log10: LOG10,
  log1p: LOG1P,
  expm1: EXPM1,
  asin: 'asin',
  acos: 'acos',
  atan: 'atan',
  sinh: 'sinh',
  cosh: 'cosh',
  hypot: HYPOT,
  fround: (args) => args[0] ?? prim(''),
  // i32 multiplication wraps in WGSL.
  imul: (args) => ({ text: `${operandText(args[0] ?? prim(''), P.mul, 'l')} * ${operandText(args[1] ?? prim(''), P.mul, 'r')}`, prec: P.mul }),
  clz32: 'countLeadingZeros',
  // WGSL's fma may round twice (its accuracy is "inherited from e1 * e2 + e3"): docs/language.md.
  fma: 'fma',
  bitcastF32: 'bitcast<f32>',
  bitcastU32: 'bitcast<u32>',
  bitcastI32: 'bitcast<i32>',
};

/** A native atomic builtin, or a per-array function of ours (name and definition). */
export type WgslAtomic =
  | { readonly native: string }
  | { readonly perArray: (array: string, t: NumType) => { name: string; lines: string[] } };

const casLoop = (a: string, t: NumType): { name: string; lines: string[] } => ({
  name: `ks_atomicCAS_${a}`,
  lines: [
    `fn ks_atomicCAS_${a}(i: i32, expected: ${t}, value: ${t}) -> ${t} {`,
    '  loop {',
    `    let r = atomicCompareExchangeWeak(&${a}[i], expected, value);`,
    '    if (r.exchanged || r.old_value != expected) { return r.old_value; }',
    '  }',
    '}',
  ],
});

/** f32 add as a compare-exchange loop on the bits (the array is atomic<u32>). */
const f32AddLoop = (a: string): { name: string; lines: string[] } => ({
  name: `ks_atomicAdd_${a}`,
  lines: [
    `fn ks_atomicAdd_${a}(i: i32, v: f32) -> f32 {`,
    `  var old = atomicLoad(&${a}[i]);`,
    '  loop {',
    `    let r = atomicCompareExchangeWeak(&${a}[i], old, bitcast<u32>(bitcast<f32>(old) + v));`,
    '    if (r.exchanged) { return bitcast<f32>(old); }',
    '    old = r.old_value;',
    '  }',
    '}',
  ],
});

export const WGSL_ATOMICS: { readonly [A in AtomicOp]: { readonly [T in AtomicTypes<A>]: WgslAtomic } } = {
  add: { f32: { perArray: f32AddLoop }, i32: { native: 'atomicAdd' }, u32: { native: 'atomicAdd' } },
  sub: { i32: { native: 'atomicSub' }, u32: { native: 'atomicSub' } },
  min: { i32: { native: 'atomicMin' }, u32: { native: 'atomicMin' } },
  max: { i32: { native: 'atomicMax' }, u32: { native: 'atomicMax' } },
  exch: { i32: { native: 'atomicExchange' }, u32: { native: 'atomicExchange' } },
  cas: { i32: { perArray: casLoop }, u32: { perArray: casLoop } },
  and: { i32: { native: 'atomicAnd' }, u32: { native: 'atomicAnd' } },
  or: { i32: { native: 'atomicOr' }, u32: { native: 'atomicOr' } },
  xor: { i32: { native: 'atomicXor' }, u32: { native: 'atomicXor' } },
};

export function wgslAtomic(op: AtomicOp, t: NumType): WgslAtomic {
  const s = (WGSL_ATOMICS[op] as Readonly<Partial<Record<NumType, WgslAtomic>>>)[t];
  if (!s) throw new InternalCompilerError(`atomic ${op} on ${t} has no WGSL spelling`);
  return s;
}

// ---- Warps --------------------------------------------------------------------------------------
// A warp is a subgroup; the entry stores its builtins in `ks_sg_id` / `ks_sg_size` (emit.ts).
// Every shuffle is subgroupShuffle from a source lane computed here, with the registry's rule for
// sources outside the warp (WGSL leaves them undefined, and constrains the up/down/xor deltas).
// Float sums, minima and maxima follow the registry's butterfly; integer ones are subgroupAdd/Min/Max.

const WTYPE = { i32: 'i32', u32: 'u32', f32: 'f32', bool: 'bool' } as const;

function wgslWarpFn(name: string, t: WarpOperandType, params: string, body: readonly string[]): HelperFn {
  const call = `ks_${name}_${t}`;
  return { call, lines: [`fn ${call}(${params}) -> ${WTYPE[t]} {`, ...body.map((l) => `  ${l}`), '}'] };
}

/** A shuffle from the lane `src` computes from `ks_sg_id`, `ks_sg_size` and `d` (a u32). */
const shuffleFrom = (kind: string, src: string): WarpSpellings['up'] => ([v = '', d = ''], t) => {
  const helper = wgslWarpFn(`shfl_${kind}`, t, `v: ${WTYPE[t]}, d: u32`, [`return subgroupShuffle(v, ${src});`]);
  return { text: `${helper.call}(${v}, u32(${d}))`, helper };
};

const wgslReduce = (name: string, native: string, combine: (a: string, b: string) => string): WarpSpellings['sum'] => ([v = ''], t) => {
  if (t !== 'f32') return { text: `${native}(${v})` };
  const helper = wgslWarpFn(name, t, 'v0: f32', [
    'var v = v0;',
    `for (var s = ks_sg_size >> 1u; s > 0u; s = s >> 1u) { v = ${combine('v', 'subgroupShuffle(v, ks_sg_id ^ s)')}; }`,
    'return v;',
  ]);
  return { text: `${helper.call}(${v})`, helper };
};

export const WGSL_WARP: WarpSpellings = {
  // The entry's `ks_warp_size` (emit.ts): uniform for Tint where the kernel has barriers.
  size: () => ({ text: 'ks_warp_size' }),
  lane: () => ({ text: 'i32(ks_sg_id)' }),
  // Subgroup sizes are powers of two: `mod` is a mask.
  shfl: ([v = '', a = '']) => ({ text: `subgroupShuffle(${v}, u32(${a}) & (ks_sg_size - 1u))` }),
  up: shuffleFrom('up', 'select(ks_sg_id, ks_sg_id - d, d <= ks_sg_id)'),
  down: shuffleFrom('down', 'select(ks_sg_id, ks_sg_id + d, d < ks_sg_size - ks_sg_id)'),
  xor: shuffleFrom('xor', 'select(ks_sg_id, ks_sg_id ^ d, (ks_sg_id ^ d) < ks_sg_size)'),
  sum: wgslReduce('warp_add', 'subgroupAdd', (a, b) => `${a} + ${b}`),
  min: wgslReduce('warp_min', 'subgroupMin', (a, b) => `min(${a}, ${b})`),
  max: wgslReduce('warp_max', 'subgroupMax', (a, b) => `max(${a}, ${b})`),
  any: ([p = '']) => ({ text: `subgroupAny(${p})` }),
  all: ([p = '']) => ({ text: `subgroupAll(${p})` }),
  // Lanes 0-31; warps of more than 32 lanes are refused at launch for kernels using it (KernelMeta.warp).
  ballot: ([p = '']) => ({ text: `subgroupBallot(${p}).x` }),
};
