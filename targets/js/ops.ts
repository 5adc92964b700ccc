// How the JS target (the cpu backend) spells the registry's operations. f32 results of functions
// the registry marks `rounding: 'f32'` are wrapped in Math.fround by the printer, from the record.
import type { AtomicOp } from '../../core/ir/ops.js';
import { operandText, P, prim, type Printed } from '../c-like.js';
import { FMA_F32, FMA_F64 } from './fma.js';
import type { MathSpellings } from '../spelling.js';
import type { WarpSpellings } from '../warp.js';

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
  trunc: 'Math.trunc',
  log2: 'Math.log2',
  exp2: (args) => prim(`Math.pow(2, ${arg(args, 0).text})`),
  log10: 'Math.log10',
  log1p: 'Math.log1p',
  expm1: 'Math.expm1',
  asin: 'Math.asin',
  acos: 'Math.acos',
  atan: 'Math.atan',
  sinh: 'Math.sinh',
  cosh: 'Math.cosh',
  hypot: 'Math.hypot',
  // The argument is already the f32 (the front end converts to it).
  fround: (args) => arg(args, 0),
  imul: 'Math.imul',
  clz32: 'Math.clz32',
  fma: { f32: FMA_F32, f64: FMA_F64 },
  // Through a scratch word; an i32 stored to a Uint32Array (or a u32 to an Int32Array) wraps to the same bits.
  bitcastF32: {
    call: 'ks_bitcastF32',
    lines: ['const ks_bcf_f = new Float32Array(1), ks_bcf_u = new Uint32Array(ks_bcf_f.buffer);', 'function ks_bitcastF32(u) { ks_bcf_u[0] = u; return ks_bcf_f[0]; }'],
  },
  bitcastU32: {
    f32: {
      call: 'ks_bitcastU32',
      lines: ['const ks_bcu_f = new Float32Array(1), ks_bcu_u = new Uint32Array(ks_bcu_f.buffer);', 'function ks_bitcastU32(x) { ks_bcu_f[0] = x; return ks_bcu_u[0]; }'],
    },
    i32: (args) => ({ text: `${operandText(arg(args, 0), P.shift, 'l')} >>> 0`, prec: P.shift }),
  },
  bitcastI32: {
    f32: {
      call: 'ks_bitcastI32',
      lines: ['const ks_bci_f = new Float32Array(1), ks_bci_i = new Int32Array(ks_bci_f.buffer);', 'function ks_bitcastI32(x) { ks_bci_f[0] = x; return ks_bci_i[0]; }'],
    },
    u32: (args) => ({ text: `${operandText(arg(args, 0), P.bitor, 'l')} | 0`, prec: P.bitor }),
  },
};

const arg = (args: readonly Printed[], i: number): Printed => args[i] ?? { text: '', prec: P.primary };

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
  and: `function ks_atomic_and(a, i, v) { ${OUT} return Atomics.and(a, i, v); }`,
  or: `function ks_atomic_or(a, i, v) { ${OUT} return Atomics.or(a, i, v); }`,
  xor: `function ks_atomic_xor(a, i, v) { ${OUT} return Atomics.xor(a, i, v); }`,
};

/**
 * Warps of 32 lanes (targets/js/warp.ts): a collective operation suspends the thread's generator
 * with its request; ks_runWarps resumes it with the result.
 */
const request = (op: string): WarpSpellings['sum'] => (args, t) => ({ text: `(yield [${[`'${op}'`, `'${t}'`, ...args].join(', ')}])` });

export const JS_WARP: WarpSpellings = {
  size: () => ({ text: '32' }),
  // Lanes follow the linear thread index; blockDim.x is a multiple of 32 (the launch rule).
  lane: () => ({ text: '(ks_tx & 31)' }),
  shfl: request('shfl'),
  up: request('up'),
  down: request('down'),
  xor: request('xor'),
  sum: request('sum'),
  min: request('min'),
  max: request('max'),
  any: request('any'),
  all: request('all'),
  ballot: request('ballot'),
};
