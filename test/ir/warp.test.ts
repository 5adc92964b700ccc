// The cpu backend's warp operations (targets/js/warp.ts, the JS it emits) against the registry's
// semantics (core/ir/ops.ts evaluateWarp), bit for bit, on random warps of 32 and 8 lanes: every
// op, every type, operands inside and outside the warp.
import { describe, expect, it } from 'vitest';
import { evaluateWarp, WARP, WARP_OPS, type WarpType } from '../../core/ir/ops.js';
import { WARP_JS } from '../../targets/js/warp.js';
import { Rng } from '../helpers/case.js';

type Step = (req: unknown[][], res: unknown[], w: number, end: number) => void;
const warpStep = new Function(`${WARP_JS.join('\n')}\nreturn ks_warpStep;`)() as Step;

const rng = new Rng();
const value = (t: WarpType): number => {
  if (t === 'i32') return rng.int(-(2 ** 31), 2 ** 31);
  if (t === 'u32') return rng.int(0, 2 ** 32);
  // f16 reaches the cpu as f32 (targets/f16.ts); f32 values of mixed magnitudes make sums round.
  return Math.fround(rng.f32(-1, 1) * 10 ** rng.int(-3, 6));
};
const operand = (): number => [rng.int(0, 32), rng.int(32, 300), rng.int(-50, 0), rng.int(-(2 ** 31), 2 ** 31)][rng.int(0, 4)] ?? 0;

describe('cpu warps match the registry (seed printed on failure)', () => {
  for (const w of [32, 8]) {
    for (const op of WARP_OPS.filter((o) => WARP[o].kind !== 'value')) {
      const types: readonly (WarpType | 'bool')[] = WARP[op].kind === 'vote' ? ['bool'] : ['i32', 'u32', 'f32'];
      for (const t of types) {
        it(`${WARP[op].surface} on ${t}, ${w} lanes`, () => {
          for (let trial = 0; trial < 50; trial++) {
            const vals = Array.from({ length: w }, () => (t === 'bool' ? rng.next() < 0.5 : value(t)));
            const ops = Array.from({ length: w }, operand);
            const req = vals.map((v, l) => [op, t, v, ops[l]]);
            const res: unknown[] = new Array<unknown>(w);
            warpStep(req, res, 0, w);
            const want = evaluateWarp(op, vals, ops, t === 'bool' ? 'u32' : t);
            expect(res, `seed ${rng.seed}`).toEqual(want);
          }
        });
      }
    }
  }
  it('f16 combines in f32 and rounds once', () => {
    const vals = [1, 2 ** -11, 2 ** -11, 0, 0, 0, 0, 0];
    // In f32 the two halves add up to 2^-10 before meeting 1: 1 + 2^-10 is an f16.
    expect(evaluateWarp('sum', vals, [], 'f16')[0]).toBe(1 + 2 ** -10);
  });
});
