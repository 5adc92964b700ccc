// How the JS target (the cpu backend) spells the registry's operations. f32 results of functions
// the registry marks `rounding: 'f32'` are wrapped in Math.fround by the printer, from the record.
import type { AtomicOp } from '../../core/ir/ops.js';
import { P } from '../c-like.js';
import type { MathSpellings } from '../spelling.js';

export const JS_MATH: MathSpellings = {
  exp: 'Math.exp',
  log: 'Math.log',
  sqrt: 'Math.sqrt',
  abs: {
    f32: 'Math.abs',
    // Math.abs(-2147483648) is 2147483648, which wraps back to itself as an i32 does on a GPU.
    i32: ([a]) => ({ text: `Math.abs(${a?.text ?? ''}) | 0`, prec: P.bitor }),
    u32: ([a]) => a ?? { text: '', prec: P.primary },
  },
  min: 'Math.min',
  max: 'Math.max',
  floor: 'Math.floor',
  ceil: 'Math.ceil',
  round: 'Math.round',
  pow: 'Math.pow',
  sin: 'Math.sin',
  cos: 'Math.cos',
  tan: 'Math.tan',
  tanh: 'Math.tanh',
  atan2: 'Math.atan2',
  sign: 'Math.sign',
  cbrt: 'Math.cbrt',
};

/**
 * Atomics run one thread at a time on the cpu backend, so each is a plain read-modify-write (the
 * registry's `update`); the typed-array store wraps or rounds the new value to the element type.
 */
export const JS_ATOMICS: { readonly [A in AtomicOp]: string } = {
  add: 'function ks_atomic_add(a, i, v) { const o = a[i]; a[i] = o + v; return o; }',
  sub: 'function ks_atomic_sub(a, i, v) { const o = a[i]; a[i] = o - v; return o; }',
  min: 'function ks_atomic_min(a, i, v) { const o = a[i]; a[i] = Math.min(o, v); return o; }',
  max: 'function ks_atomic_max(a, i, v) { const o = a[i]; a[i] = Math.max(o, v); return o; }',
  exch: 'function ks_atomic_exch(a, i, v) { const o = a[i]; a[i] = v; return o; }',
  cas: 'function ks_atomic_cas(a, i, e, v) { const o = a[i]; if (o === e) a[i] = v; return o; }',
};
