// samples/hgemm.ts (the tensor-core f16 GEMM) as users run it, on every backend whose device runs
// matrix operations (cpu always, by emulation); the sample checks C against float64 from a fresh seed.
import { describe, expect, it } from 'vitest';
import { createDevice } from 'kernelscript';
import { freshSeed, runSample, testBackends } from './run-sample.js';

for (const { backend, skip } of await testBackends()) {
  let why = skip;
  if (why === null) {
    const gpu = await createDevice({ backend });
    if (!gpu.matrix.ok) why = gpu.matrix.reason;
    else if (gpu.warpSize !== 32) why = `the sample's warp layout needs 32-lane warps, this device has ${gpu.warpSize}`;
    gpu.dispose();
  }
  describe.skipIf(why !== null)(`hgemm sample on ${backend}${why ? ` (skipped: ${why})` : ''}`, () => {
    it('C = A·B in f16 with f32 accumulation, two k-steps and four tiles', async () => {
      const r = await runSample('hgemm', backend, { m: 256, n: 128, k: 64, seed: freshSeed(), reps: 1 });
      expect(r.ok).toBe(true);
      // Products of f16 values are exact in f32; only the f32 accumulation over 64 terms errs.
      expect(r.err as number).toBeLessThan(1e-5);
    });

    it.skipIf(backend === 'cpu')('a larger product with a sampled check', async () => {
      const r = await runSample('hgemm', backend, { m: 1024, n: 512, k: 768, seed: freshSeed(), reps: 2 });
      expect(r.ok).toBe(true);
      expect(r.err as number).toBeLessThan(1e-5);
    });
  });
}
