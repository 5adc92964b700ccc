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
    f64: 'Math.abs',
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
 * Atomics are real atomics: the cpu device runs blocks on several threads over shared memory. Each
 * keeps the registry's `update` (the store wraps or rounds to the element type): Atomics.add/sub/
 * exchange/compareExchange on Int32Array/Uint32Array, min/max as compare-exchange loops, f32 add as
 * a compare-exchange loop on an Int32Array view of the same memory. An index outside the array
 * returns undefined and stores nothing, as a plain read-modify-write does (Atomics would throw).
 */
const OUT = 'if (!(i >= 0 && i < a.length)) return undefined;';
const F32_ADD = [
  // The f32 add works on the bits; ks_f/ks_fi convert between a float and its bits.
  'const ks_f = new Float32Array(1), ks_fi = new Int32Array(ks_f.buffer), ks_views = new WeakMap();',
  'function ks_bits(a) { let b = ks_views.get(a); if (b === undefined) { b = new Int32Array(a.buffer, a.byteOffset, a.length); ks_views.set(a, b); } return b; }',
  'function ks_atomic_addf(a, i, v) {',
  '  const b = ks_bits(a);',
  '  for (;;) {',
  '    const ob = Atomics.load(b, i);',
  '    ks_fi[0] = ob;',
  '    const o = ks_f[0];',
  '    ks_f[0] = o + v;',
  '    if (Atomics.compareExchange(b, i, ob, ks_fi[0]) === ob) return o;',
  '  }',
  '}',
].join('\n');
const loop = (name: string, keep: string): string =>
  `function ks_atomic_${name}(a, i, v) { ${OUT} for (;;) { const o = Atomics.load(a, i); if (${keep}) return o; if (Atomics.compareExchange(a, i, o, v) === o) return o; } }`;

export const JS_ATOMICS: { readonly [A in AtomicOp]: string } = {
  add: `${F32_ADD}\nfunction ks_atomic_add(a, i, v) { ${OUT} return a instanceof Float32Array ? ks_atomic_addf(a, i, v) : Atomics.add(a, i, v); }`,
  sub: `function ks_atomic_sub(a, i, v) { ${OUT} return Atomics.sub(a, i, v); }`,
  min: loop('min', 'o <= v'),
  max: loop('max', 'o >= v'),
  exch: `function ks_atomic_exch(a, i, v) { ${OUT} return Atomics.exchange(a, i, v); }`,
  cas: `function ks_atomic_cas(a, i, e, v) { ${OUT} return Atomics.compareExchange(a, i, e, v); }`,
};
