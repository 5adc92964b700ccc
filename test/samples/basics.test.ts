// hello, vector-add, saxpy, reduction and matmul, run as subprocesses at small sizes (odd sizes, so
// edge blocks and tiles are exercised; for the pipelined matmul, multiples of its tile too); each
// sample checks itself against a float64 reference on inputs from the fresh seed given here, and
// the numbers it reports are checked again.
import { describe, expect, it } from 'vitest';
import { freshSeed, runSample, testBackends } from './run-sample.js';

const errors = (r: Record<string, unknown>, key: string): number => r[key] as number;

for (const { backend, skip } of await testBackends()) {
  describe.skipIf(skip !== null)(`basic samples on ${backend}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    it('hello: each thread reports its block and thread index', async () => {
      const r = await runSample('hello', backend, { blocks: 3, threads: 5 });
      expect(r.ok).toBe(true);
      expect(r.blocks).toEqual(Array.from({ length: 15 }, (_, i) => Math.floor(i / 5)));
      expect(r.threads).toEqual(Array.from({ length: 15 }, (_, i) => i % 5));
    });

    it('vector-add: one block per element, then blocks × threads', async () => {
      const r = await runSample('vector-add', backend, { n: 3001, seed: freshSeed(), reps: 1 });
      expect(r.ok).toBe(true);
      expect(r.perBlockN).toBe(3001);
      // f32 sums differ from float64 only by their final rounding.
      expect(errors(r, 'errBlocks')).toBeLessThan(1e-7);
      expect(errors(r, 'errThreads')).toBeLessThan(1e-7);
    });

    it('saxpy', async () => {
      const r = await runSample('saxpy', backend, { n: 10_007, seed: freshSeed(), reps: 1 });
      expect(r.ok).toBe(true);
      expect(errors(r, 'err')).toBeLessThan(1e-6);
    });

    it('reduction: two-pass shared-memory tree, warp shuffles, load4 and warpSum', async () => {
      const r = await runSample('reduction', backend, { n: 300_001, seed: freshSeed(), reps: 1 });
      expect(r.ok).toBe(true);
      const want = r.want as number;
      for (const [sum, err] of [['sum', 'err'], ['sumWarp', 'errWarp'], ['sumVec4', 'errVec4']] as const) {
        expect(errors(r, err), err).toBeLessThan(1e-5);
        expect(Math.abs((r[sum] as number) - want) / want, sum).toBeLessThan(1e-5);
      }
      // 300001 = 4 · 75000 + 1: one tail element; 74 blocks, so threads run the four-load step and
      // the one-load remainder.
      expect(r.vecBlocks).toBe(74);
    });

    it('reduction: load4 and warpSum over a small grid (many steps per thread) and n % 4 = 3', async () => {
      // 3 blocks of 256 threads over 25001 vectors: 8 four-load steps per thread, then the one-load
      // remainder, and 3 tail elements. Inputs in [0, 1): each f32 addition of positive values errs
      // by at most 2^-24 of its result, so the relative error of the whole sum is at most 2^-24 times
      // the longest chain of additions into it (under 60 here: 2 within a vector, 9 steps, the tail,
      // 2 joining accumulators, the warp's log2(warpSize), up to 32 warps' sums over 8 lanes on
      // 8-lane subgroups, pass 2's own), so under 4e-6 < 1e-5.
      const r = await runSample('reduction', backend, { n: 100_007, seed: freshSeed(), reps: 1, blocks: 3 });
      expect(r.ok).toBe(true);
      expect(r.vecBlocks).toBe(3);
      expect(errors(r, 'errVec4')).toBeLessThan(1e-5);
    });

    it('matmul: naive, tiled, register-blocked (and pipelined falling back to it at odd sizes)', async () => {
      const r = await runSample('matmul', backend, { m: 70, n: 90, k: 37, seed: freshSeed(), reps: 1 });
      expect(r.ok).toBe(true);
      const results = r.results as { name: string; err: number }[];
      expect(results.map((x) => x.name)).toEqual(['naive', 'tiled', 'register', 'pipelined']);
      expect(r.pipelined).toBe('register');
      for (const x of results) expect(x.err).toBeLessThan(1e-5);
    });

    // Sizes that fit the pipelined kernel's 128×128×8 tile, so it runs itself.
    for (const [m, n, k] of [[128, 128, 64], [256, 128, 128]] as const) {
      it(`matmul: pipelined SGEMM at ${m}×${n}×${k}`, async () => {
        const r = await runSample('matmul', backend, { m, n, k, seed: freshSeed(), reps: 1 });
        expect(r.ok).toBe(true);
        expect(r.pipelined).toBe('pipelined');
        const results = r.results as { name: string; err: number }[];
        expect(results.map((x) => x.name)).toContain('pipelined');
        for (const x of results) expect(x.err, x.name).toBeLessThan(1e-5);
      });
    }
  });
}
