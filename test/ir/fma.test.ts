// fma(a, b, c) on the host (core/fma.ts, the registry's evaluator) against an exact rational
// reference (test/cases/lib/exact.ts): correctly rounded on random and hard cases, f32 and f64.
// The cpu backend's printed copy is held to the evaluator bit for bit by test/ir/ops.test.ts.
import { describe, expect, it } from 'vitest';
import { fmaF32, fmaF64 } from '../../core/fma.js';
import { exactFmaF32, exactFmaF64, isCorrectFma, step } from '../cases/lib/exact.js';
import { Rng } from '../helpers/case.js';

const f32 = Math.fround;

/** f32 triples where a*b + c rounds twice differently from once: c cancels most of a·b. */
function hardF32(r: Rng): [number, number, number] {
  const a = f32((1 + r.next()) * 2 ** r.int(-60, 60));
  const b = f32((1 + r.next()) * 2 ** r.int(-60, 60));
  const p = a * b;
  const kind = r.int(0, 4);
  // c = -(the f32 nearest a·b), or its neighbours: the exact sum is the product's tail.
  if (kind === 0) return [a, b, -f32(p)];
  if (kind === 1) return [a, b, -step(f32(p), r.next() < 0.5 ? 1 : -1, true)];
  // (1 + j·2^-12)^2 with j odd is an exact f32 midpoint (its j²·2^-24 is half an ulp); a c far
  // below it decides the rounding, and the double sum loses it: a*b + c in double rounds twice wrongly.
  if (kind === 2) {
    const j = 2 * r.int(0, 1000) + 1;
    const s = 2 ** r.int(-40, 40);
    const x = f32((1 + j * 2 ** -12) * s);
    return [x, f32(1 + j * 2 ** -12) * (r.next() < 0.5 ? 1 : -1), f32((r.next() < 0.5 ? 1 : -1) * s * 2 ** -r.int(54, 70))];
  }
  return [a, b, f32(-p * (1 + 2 ** -r.int(20, 26)))];
}

describe('fma on f32 = exact a·b + c rounded once', () => {
  it('random, hard and special cases', () => {
    const r = new Rng();
    const bad: string[] = [];
    const check = (a: number, b: number, c: number): void => {
      const got = fmaF32(a, b, c);
      if (!isCorrectFma(a, b, c, got, true)) bad.push(`seed ${r.seed}: fma(${a}, ${b}, ${c}) = ${got}, exact ${exactFmaF32(a, b, c)}`);
    };
    for (let k = 0; k < 20000; k++) check(r.f32(-1, 1) * 2 ** r.int(-80, 80), r.f32(-1, 1) * 2 ** r.int(-80, 80), r.f32(-1, 1) * 2 ** r.int(-80, 80));
    for (let k = 0; k < 20000; k++) check(...hardF32(r));
    const special = [0, -0, 1, -1, 2 ** -149, -(2 ** -149), 2 ** -126, 3.4028234663852886e38, -3.4028234663852886e38, Infinity, -Infinity, NaN];
    for (const a of special) for (const b of special) for (const c of special) check(a, b, c);
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('differs from the twice-rounded a*b + c where it must', () => {
    // 1 + 2^-23 squared is 1 + 2^-22 + 2^-46: minus (1 + 2^-22) leaves 2^-46, which f32(a*b) loses.
    const a = f32(1 + 2 ** -23);
    expect(fmaF32(a, a, -f32(1 + 2 ** -22))).toBe(2 ** -46);
    expect(f32(f32(a * a) - f32(1 + 2 ** -22))).toBe(0);
  });

  it('rounds the double sum to odd at an f32 midpoint (the case a*b + c in double gets wrong)', () => {
    // x·x = 1 + 2^-11 + 2^-24, the midpoint between two f32 values; + 2^-60 puts the exact sum just
    // above it (round up), but the double sum loses 2^-60 and the f32 rounding then goes to even (down).
    const x = f32(1 + 2 ** -12);
    expect(fmaF32(x, x, 2 ** -60)).toBe(f32(1 + 2 ** -11 + 2 ** -23));
    expect(f32(x * x + 2 ** -60)).toBe(f32(1 + 2 ** -11));
    expect(fmaF32(x, x, -(2 ** -60))).toBe(f32(1 + 2 ** -11));
    expect(exactFmaF32(x, x, 2 ** -60)).toBe(f32(1 + 2 ** -11 + 2 ** -23));
  });
});

describe('fma on f64 = exact a·b + c rounded once', () => {
  it('random, hard and special cases', () => {
    const r = new Rng();
    const bad: string[] = [];
    const check = (a: number, b: number, c: number): void => {
      const got = fmaF64(a, b, c);
      if (!isCorrectFma(a, b, c, got, false)) bad.push(`seed ${r.seed}: fma(${a}, ${b}, ${c}) = ${got}`);
    };
    const wide = (): number => (r.next() * 2 - 1) * 2 ** r.int(-1100, 1024);
    for (let k = 0; k < 5000; k++) check(wide(), wide(), wide());
    for (let k = 0; k < 5000; k++) {
      const a = (1 + r.next()) * 2 ** r.int(-500, 500);
      const b = (1 + r.next()) * 2 ** r.int(-500, 500);
      check(a, b, -(a * b) * (r.next() < 0.5 ? 1 : 1 + 2 ** -r.int(40, 53)));
    }
    const special = [0, -0, 1, -1, 5e-324, -5e-324, 2 ** -1022, Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity, NaN];
    for (const a of special) for (const b of special) for (const c of special) check(a, b, c);
    // Products that overflow double on their way to a finite sum, and subnormal results.
    check(2 ** 600, 2 ** 600, -Infinity);
    check(Number.MAX_VALUE, 2, -Number.MAX_VALUE);
    check(2 ** -600, 2 ** -500, 2 ** -1074);
    expect(bad.slice(0, 5)).toEqual([]);
  });
});

describe('the f64 reference of the execution test', () => {
  it('agrees with the exact check', () => {
    const r = new Rng();
    for (let k = 0; k < 2000; k++) {
      const a = (1 + r.next()) * 2 ** r.int(-300, 300);
      const b = (1 + r.next()) * 2 ** r.int(-300, 300);
      const c = -(a * b) * (1 + 2 ** -r.int(30, 53));
      expect(isCorrectFma(a, b, c, exactFmaF64(a, b, c), false), `seed ${r.seed}`).toBe(true);
    }
  });
});
