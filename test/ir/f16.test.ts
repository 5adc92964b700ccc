// f16 on the host and in the shared rule: core/f16.ts (rounding and bits) on its edge values, the
// JS target's emitted f16 functions (targets/js/floats.ts) against it, the language's f16/f64
// conversions, and the f16 rule (targets/f16.ts), after which no target sees f16 arithmetic.
import { describe, expect, it } from 'vitest';
import { f16Bits, f16FromBits, f16round } from '../../core/f16.js';
import { f16 as f16Conv, f64 as f64Conv } from '../../core/lang.js';
import { convert, evaluateBinary, toType } from '../../core/ir/ops.js';
import { F16_BITS, F16_JS, F16_ROUND, F16_VALUES } from '../../targets/js/floats.js';
import { f16Rule } from '../../targets/f16.js';
import { compileToIR } from '../../compiler/index.js';
import { someExprIn } from '../../core/ir/walk.js';
import type { Expr } from '../../core/ir/types.js';
import { Rng } from '../helpers/case.js';

const same = (a: number, b: number): boolean => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
const ULP1 = 2 ** -10; // the f16 spacing in [1, 2)
const TINY = 2 ** -24; // the smallest f16 subnormal

describe('f16round', () => {
  const cases: [string, number, number][] = [
    ['exact values stay', 1 + ULP1, 1 + ULP1],
    ['a tie rounds to the even neighbour (down)', 1 + ULP1 / 2, 1],
    ['a tie rounds to the even neighbour (up)', 1 + 3 * (ULP1 / 2), 1 + 2 * ULP1],
    ['just above a tie rounds up', 1 + ULP1 / 2 + 2 ** -30, 1 + ULP1],
    ['the largest finite value', 65504, 65504],
    ['below the overflow midpoint: 65504', 65519.99, 65504],
    ['the overflow midpoint ties to Infinity', 65520, Infinity],
    ['beyond: -Infinity', -1e6, -Infinity],
    ['the smallest subnormal', TINY, TINY],
    ['half of it ties to zero', TINY / 2, 0],
    ['a bit more rounds up to it', TINY / 2 + 2 ** -40, TINY],
    ['a subnormal tie rounds to even', 3 * (TINY / 2), 2 * TINY],
    ['the largest subnormal', 1023 * TINY, 1023 * TINY],
    ['the smallest normal', 2 ** -14, 2 ** -14],
    ['-0 keeps its sign', -0, -0],
    ['a tiny negative rounds to -0', -(TINY / 4), -0],
    ['Infinity', Infinity, Infinity],
    ['NaN', NaN, NaN],
  ];
  for (const [what, x, want] of cases) {
    it(what, () => expect(same(f16round(x), want), `${x} → ${f16round(x)}`).toBe(true));
  }

  it('bits round-trip through every pattern (NaNs as NaN)', () => {
    const bad: number[] = [];
    for (let b = 0; b < 0x10000; b++) {
      const v = f16FromBits(b);
      const nan = (b & 0x7c00) === 0x7c00 && (b & 0x3ff) !== 0;
      if (nan ? !Number.isNaN(v) : f16round(v) !== v || f16Bits(v) !== b) bad.push(b);
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(f16Bits(NaN)).toBe(0x7e00);
  });
});

describe("the JS target's emitted f16 functions", () => {
  const fns = new Function(`${F16_JS.join('\n')}\nreturn { round: ${F16_ROUND}, bits: ${F16_BITS}, values: ${F16_VALUES} };`)() as {
    round: (x: number) => number;
    bits: (x: number) => number;
    values: Float64Array;
  };

  it('decode and encode every bit pattern as core does', () => {
    const bad: number[] = [];
    for (let b = 0; b < 0x10000; b++) {
      const v = f16FromBits(b);
      if (!same(fns.values[b] ?? 0, v) || (!Number.isNaN(v) && fns.bits(v) !== b)) bad.push(b);
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('round edge and random numbers as core does', () => {
    const r = new Rng();
    const xs = [0, -0, 1 + ULP1 / 2, 1 + 3 * (ULP1 / 2), 65504, 65519.99, 65520, -65520, TINY / 2, 3 * (TINY / 2), -(TINY / 4), Infinity, -Infinity, NaN];
    for (let k = 0; k < 20000; k++) {
      const b = r.int(0, 0x7bff);
      // Ties, near-ties and arbitrary doubles across the whole range.
      const mid = (f16FromBits(b) + f16FromBits(b + 1)) / 2;
      xs.push(mid, mid * (1 + 2 ** -40), (r.next() * 2 - 1) * 2 ** r.int(-30, 18));
    }
    const bad = xs.filter((x) => !same(fns.round(x), f16round(x))).slice(0, 5);
    expect(bad.map((x) => `${x}: ${fns.round(x)} vs ${f16round(x)}`)).toEqual([]);
  });
});

describe('f16 and f64 semantics in the registry and the language', () => {
  it('f16(x) rounds to f32 first, then to f16; f64(x) is exact', () => {
    expect(f16Conv(0.1)).toBe(f16round(Math.fround(0.1)));
    expect(f16Conv(true)).toBe(1);
    expect(f16Conv(1e6)).toBe(Infinity);
    expect(f64Conv(0.1)).toBe(0.1);
    expect(convert(2 ** 24 + 1, 'f16')).toBe(Infinity);
  });

  it('an f16 operation is the f32 result rounded once to f16', () => {
    const a = f16round(1.001);
    const b = f16round(3.7);
    for (const op of ['+', '-', '*', '/'] as const) {
      const exact = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b;
      expect(evaluateBinary(op, a, b, 'f16', 'f16')).toBe(f16round(Math.fround(exact)));
    }
    expect(toType(0.1, 'f64')).toBe(0.1);
  });
});

describe('the f16 rule', () => {
  const src = `import { kernel, f16, f32, threadIdx } from 'kernelscript';
function half(v: f16): f16 {
  return -v * 0.5;
}
export const k = kernel(function k(h: Float16Array, x: Float32Array, i: Int32Array) {
  const t = threadIdx.x;
  let a: f16 = h[t] + 1;
  a = Math.max(a, half(h[t + 1])) / 3;
  if (a < 0.5 && a != h[t]) h[t] = a;
  x[t] = a % 2;
  i[t] = i32(a) + i32(bool(a));
});`.replace("import { kernel, f16, f32,", "import { kernel, f16, f32, i32, bool,");

  it('leaves f16 only in storage, constants, selects, calls and f16 ↔ f32 conversions', () => {
    const ir = f16Rule.apply(compileToIR(src, { fileName: 'f16-rule.ts' }));
    const arithmetic = (e: Expr): boolean =>
      ((e.k === 'binary' || e.k === 'unary') && (e.type === 'f16' || (e.k === 'binary' && e.lhs.type === 'f16'))) ||
      (e.k === 'math' && e.type === 'f16') ||
      (e.k === 'cast' && (e.type === 'f16' || e.arg.type === 'f16') && e.type !== 'f32' && e.arg.type !== 'f32');
    for (const body of [ir.body, ...ir.helpers.map((hp) => hp.body)]) expect(someExprIn(body, arithmetic)).toBe(false);
    // It did rewrite: the kernel is full of f16 arithmetic before.
    const before = compileToIR(src, { fileName: 'f16-rule.ts' });
    expect(someExprIn(before.body, arithmetic)).toBe(true);
  });
});
