// hello, vector-add, saxpy, reduction and matmul, run as subprocesses at small sizes (odd sizes, so
// edge blocks and tiles are exercised); each sample checks itself against a float64 reference on
// inputs from the fresh seed given here, and the numbers it reports are checked again.
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

    it('reduction: two-pass shared-memory tree', async () => {
      const r = await runSample('reduction', backend, { n: 300_001, seed: freshSeed(), reps: 1 });
      expect(r.ok).toBe(true);
      expect(errors(r, 'err')).toBeLessThan(1e-5);
      expect(Math.abs((r.sum as number) - (r.want as number)) / (r.want as number)).toBeLessThan(1e-5);
    });

    it('matmul: naive, tiled and register-blocked', async () => {
      const r = await runSample('matmul', backend, { m: 70, n: 90, k: 37, seed: freshSeed(), reps: 1 });
      expect(r.ok).toBe(true);
      const results = r.results as { name: string; err: number }[];
      expect(results.map((x) => x.name)).toEqual(['naive', 'tiled', 'register']);
      for (const x of results) expect(x.err).toBeLessThan(1e-5);
    });
  });
}
