// How WGSL spells the registry's operations. Most Math functions are WGSL builtins of the same
// name; Math.round and Math.pow are functions of ours where WGSL's meaning differs from JS's.
// Atomics: native where WGSL has one; compare-and-swap and f32 add are per-array functions, because
// WGSL cannot pass a storage or workgroup pointer to a function.
import type { AtomicOp, AtomicTypes, NumType } from '../../core/ir/ops.js';
import { InternalCompilerError } from '../../core/diagnostics/diagnostic.js';
import type { MathSpellings } from '../spelling.js';

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
};

export function wgslAtomic(op: AtomicOp, t: NumType): WgslAtomic {
  const s = (WGSL_ATOMICS[op] as Readonly<Partial<Record<NumType, WgslAtomic>>>)[t];
  if (!s) throw new InternalCompilerError(`atomic ${op} on ${t} has no WGSL spelling`);
  return s;
}
