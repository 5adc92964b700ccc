// The operation registry is the definition of each operation: constant folding uses its evaluators
// directly, and the cpu backend's spellings (targets/js/ops.ts) must compute exactly the same bits.
// Every Math function on every type it takes, and every atomic, is run on the cpu device over
// random and special inputs and compared with the registry's evaluator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileKernel } from '../../compiler/index.js';
import * as lang from '../../core/lang.js';
import { ATOMIC_OPS, ATOMICS, evaluateBinary, evaluateMath, MATH, MATH_FNS, MATH_METHODS, mathResult, toType, type MathRecord, type NumType } from '../../core/ir/ops.js';
import { foldExpr } from '../../targets/fold.js';
import { f, i, math, u } from '../../core/ir/build.js';
import { createDevice } from '../../runtime/index.js';
import type { Device } from '../../runtime/types.js';
import { launchAndRead } from '../helpers/devices.js';
import { Rng } from '../helpers/case.js';
import { Float16Array, type TypedArray } from '../../core/elements.js';

const ARRAY = { f32: 'Float32Array', f16: 'Float16Array', f64: 'Float64Array', i32: 'Int32Array', u32: 'Uint32Array' } as const;
const N = 512;

/** Random values of type t, with the edge cases every function must get right first. */
function inputs(t: NumType, r: Rng): number[] {
  const special: Record<NumType, number[]> = {
    f32: [0, -0, 1, -1, 0.5, -0.5, 2.5, -2.5, 1e-40, -1e-40, 3.4e38, -3.4e38, Infinity, -Infinity, NaN, Math.PI],
    // f16: subnormals, the largest finite values, and values whose f32 results round to a tie.
    f16: [0, -0, 1, -1, 0.5, -0.5, 2.5, -2.5, 6e-8, -6e-8, 3e-5, 65504, -65504, Infinity, -Infinity, NaN, Math.PI, 2049],
    f64: [0, -0, 1, -1, 0.5, -0.5, 2.5, -2.5, 1e-310, -1e-310, 1.7e308, -1.7e308, Infinity, -Infinity, NaN, Math.PI],
    i32: [0, 1, -1, 2147483647, -2147483648, 7, -7],
    u32: [0, 1, 4294967295, 2147483648, 7],
  };
  const out = special[t].map((x) => toType(x, t));
  while (out.length < N) {
    const x = r.next() * 2 - 1;
    const float = x * 10 ** Math.floor(r.next() * (t === 'f16' ? 6 : 8) - 3);
    out.push(t === 'f32' || t === 'f16' || t === 'f64' ? toType(float, t) : toType(Math.floor(x * 2 ** 32), t));
  }
  return out;
}

function hostArray(t: NumType, values: readonly number[]): TypedArray {
  if (t === 'f16') {
    const a = new Float16Array(values.length);
    values.forEach((v, k) => (a[k] = v));
    return a;
  }
  if (t === 'f64') return Float64Array.from(values);
  return t === 'f32' ? Float32Array.from(values) : t === 'i32' ? Int32Array.from(values) : Uint32Array.from(values);
}

/** Same value, bit for bit (NaN equals NaN; -0 differs from 0). */
const same = (a: number, b: number): boolean => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

let cpu: Device;
beforeAll(async () => {
  cpu = await createDevice({ backend: 'cpu' });
});
afterAll(() => cpu.dispose());

describe('Math functions: cpu backend = registry evaluator, bit for bit', () => {
  for (const fn of MATH_FNS) {
    for (const t of MATH[fn].types) {
      const rec: MathRecord = MATH[fn];
      it(`${rec.surface ?? `Math.${fn}`} on ${t}`, async () => {
        const arity = rec.arity === 'fold' ? 2 : rec.arity;
        const call = rec.surface ?? `Math.${fn}`;
        const res = mathResult(fn, t);
        const src = `import { kernel, blockIdx, blockDim, threadIdx, i32${rec.surface ? `, ${call}` : ''} } from 'kernelscript';
export const k = kernel((a: ${ARRAY[t]}, b: ${ARRAY[t]}, c: ${ARRAY[t]}, out: ${ARRAY[res]}, n: i32) => {
  const g = blockIdx.x * blockDim.x + threadIdx.x;
  if (g < n) out[g] = ${call}(${['a[g]', 'b[g]', 'c[g]'].slice(0, arity).join(', ')});
});`;
        const compiled = compileKernel(src, { target: 'js', kernel: 'k', fileName: 'ops.ts' });
        const r = new Rng();
        const a = inputs(t, r);
        const b = inputs(t, r).reverse();
        const c = inputs(t, r).map((_, k, all) => all[(k * 7) % N] ?? 0);
        const [out] = await launchAndRead(cpu, compiled, N, [hostArray(t, a), hostArray(t, b), hostArray(t, c), hostArray(res, new Array<number>(N).fill(0)), N], [3]);
        const bad: string[] = [];
        for (let k = 0; k < N; k++) {
          const args = [a[k] ?? 0, b[k] ?? 0, c[k] ?? 0].slice(0, arity);
          const want = evaluateMath(fn, args, t);
          const got = out?.[k] ?? NaN;
          if (!same(got, want)) bad.push(`seed ${r.seed}: Math.${fn}(${args.join(', ')}) = ${got}, registry says ${want}`);
        }
        expect(bad.slice(0, 5)).toEqual([]);
      });
    }
  }
});

describe('operators: cpu backend = registry evaluator, bit for bit', () => {
  const OPS: Record<NumType, readonly string[]> = {
    f32: ['+', '-', '*', '/', '%', '<', '<=', '==', '!='],
    f16: ['+', '-', '*', '/', '%', '<', '<=', '==', '!='],
    f64: ['+', '-', '*', '/', '%', '<', '<=', '==', '!='],
    i32: ['+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>', '<', '>=', '==', '!='],
    u32: ['+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>', '>>>', '<', '>=', '==', '!='],
  };
  for (const t of ['f32', 'f16', 'f64', 'i32', 'u32'] as const) {
    for (const op of OPS[t]) {
      it(`${op} on ${t}`, async () => {
        const cmp = ['<', '<=', '>=', '==', '!='].includes(op);
        const ts = op === '==' ? '===' : op === '!=' ? '!==' : op;
        const src = `import { kernel, blockIdx, blockDim, threadIdx, i32, u32 } from 'kernelscript';
export const k = kernel((a: ${ARRAY[t]}, b: ${ARRAY[t]}, out: ${ARRAY[t]}, n: i32) => {
  const g = blockIdx.x * blockDim.x + threadIdx.x;
  if (g < n) out[g] = ${cmp ? `a[g] ${ts} b[g] ? 1 : 0` : t === 'u32' && op !== '>>>' && ['<<', '>>'].includes(op) ? `u32(a[g] ${ts} b[g])` : `a[g] ${ts} b[g]`};
});`;
        const compiled = compileKernel(src, { target: 'js', kernel: 'k', fileName: 'operators.ts' });
        const r = new Rng();
        const a = inputs(t, r);
        // Integer division by zero is unspecified: the registry and targets agree only elsewhere.
        const b = inputs(t, r).reverse().map((x) => ((t === 'i32' || t === 'u32') && x === 0 && (op === '/' || op === '%') ? 3 : x));
        const [out] = await launchAndRead(cpu, compiled, N, [hostArray(t, a), hostArray(t, b), hostArray(t, new Array<number>(N).fill(0)), N], [2]);
        const bad: string[] = [];
        for (let k = 0; k < N; k++) {
          const x = a[k] ?? 0, y = b[k] ?? 0;
          const v = evaluateBinary(op as '+', x, y, t, cmp ? 'bool' : t);
          const want = typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? NaN);
          if (!same(out?.[k] ?? NaN, want)) bad.push(`seed ${r.seed}: ${x} ${op} ${y} = ${out?.[k]}, registry says ${want}`);
        }
        expect(bad.slice(0, 5)).toEqual([]);
      });
    }
  }
});

describe('constant folding uses the registry', () => {
  it('folds Math calls to the evaluator\'s value', () => {
    for (const fn of MATH_FNS) {
      const t = MATH[fn].types[0];
      const arg = t === 'f32' ? f(0.7) : t === 'i32' ? i(-5) : u(5);
      const args = MATH[fn].arity === 1 ? [arg] : MATH[fn].arity === 3 ? [arg, arg, arg] : [arg, arg];
      const folded = foldExpr(math(fn, ...args));
      expect(folded.k, fn).toBe('const');
      const v = (folded as { value: number }).value;
      const x = t === 'f32' ? Math.fround(0.7) : t === 'i32' ? -5 : 5;
      expect(same(v, evaluateMath(fn, args.map(() => x), t)), fn).toBe(true);
    }
  });
});

describe('atomics: cpu backend = registry update', () => {
  for (const op of ATOMIC_OPS) {
    for (const t of ATOMICS[op].types) {
      it(`${ATOMICS[op].surface} on ${t}`, async () => {
        const cas = ATOMICS[op].operands === 2;
        // One thread per element: the old value is returned and the element updated, no contention.
        const src = `import { kernel, blockIdx, blockDim, threadIdx, i32, ${ATOMICS[op].surface} } from 'kernelscript';
export const k = kernel((arr: ${ARRAY[t]}, v: ${ARRAY[t]}, e: ${ARRAY[t]}, old: ${ARRAY[t]}, n: i32) => {
  const g = blockIdx.x * blockDim.x + threadIdx.x;
  if (g < n) old[g] = ${ATOMICS[op].surface}(arr, g, ${cas ? 'e[g], ' : ''}v[g]);
});`;
        const compiled = compileKernel(src, { target: 'js', kernel: 'k', fileName: 'atomics.ts' });
        const r = new Rng();
        const init = inputs(t, r).map((x) => (t === 'f32' && !Number.isFinite(x) ? 1 : x));
        const v = inputs(t, r).map((x) => (t === 'f32' && !Number.isFinite(x) ? 2 : x));
        // Half the expected values match, so compare-and-swap both swaps and keeps.
        const e = init.map((x, k) => (k % 2 === 0 ? x : (v[k] ?? 0)));
        const zeros = hostArray(t, new Array<number>(N).fill(0));
        const [arr, old] = await launchAndRead(cpu, compiled, N, [hostArray(t, init), hostArray(t, v), hostArray(t, e), zeros, N], [0, 3]);
        for (let k = 0; k < N; k++) {
          const o = init[k] ?? 0;
          const want = toType(ATOMICS[op].update(o, cas ? [e[k] ?? 0, v[k] ?? 0] : [v[k] ?? 0]), t);
          expect(same(arr?.[k] ?? NaN, want), `seed ${r.seed}: ${op} at ${k}: ${o}, ${v[k]}`).toBe(true);
          expect(same(old?.[k] ?? NaN, o)).toBe(true);
        }
      });
    }
  }
});

describe('the language surface and the registry name the same operations', () => {
  it('every atomic in the registry is a function of the language, and back', () => {
    const surface = Object.keys(lang).filter((n) => n.startsWith('atomic'));
    expect(surface.sort()).toEqual(ATOMIC_OPS.map((op) => ATOMICS[op].surface).sort());
  });
  it('every registry Math function exists on the host Math object', () => {
    // Math.exp2 is the one kernels have and JS does not (core/lang.ts declares its type).
    for (const fn of MATH_METHODS) if (fn !== 'exp2') expect(typeof (Math as unknown as Record<string, unknown>)[fn], fn).toBe('function');
    expect(Object.hasOwn(Math, 'exp2')).toBe(false);
  });
});
