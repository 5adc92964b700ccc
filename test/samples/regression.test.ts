// Logistic and softmax regression, run as subprocesses at small sizes. Each sample trains with
// hand-written kernels and with the Matrix layer; here the reported loss curves are checked
// against a float64 plain-JS run recomputed in this process from the same seed.
import { describe, expect, it } from 'vitest';
import { ROOT, freshSeed, runSample, testBackends } from './run-sample.js';

interface LogisticLib {
  makeClouds(n: number, features: number, seed: number): unknown;
  trainLogisticReference(data: unknown, o: object): { losses: number[]; w: ArrayLike<number> };
}
interface SoftmaxLib {
  makeClusters(n: number, d: number, k: number, seed: number): unknown;
  trainSoftmaxReference(data: unknown, o: object): { losses: number[] };
}
interface TensorLib {
  trainSoftmaxHalfReference(data: unknown, o: object): { losses: number[] };
}
// Loaded at run time: the samples are checked by their own tsconfig.
const logistic = (await import(`${ROOT}samples/lib/logistic-data.ts`)) as LogisticLib;
const softmax = (await import(`${ROOT}samples/lib/softmax-data.ts`)) as SoftmaxLib;
const tensor = (await import(`${ROOT}samples/lib/softmax-tensor.ts`)) as TensorLib;

const relCurveError = (got: number[], want: number[]): number =>
  Math.max(...want.map((w, i) => Math.abs((got[i] ?? NaN) - w) / Math.abs(w)));

for (const { backend, skip } of await testBackends()) {
  describe.skipIf(skip !== null)(`regression samples on ${backend}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    it('logistic regression: kernels and Matrix agree with float64 SGD', async () => {
      const flags = { n: 1500, features: 5, epochs: 3, batch: 96, rate: 0.2, seed: freshSeed() };
      const r = await runSample('logistic-regression', backend, flags);
      expect(r.ok).toBe(true);
      const ref = logistic.trainLogisticReference(logistic.makeClouds(flags.n, flags.features, flags.seed), {
        rate: flags.rate, epochs: flags.epochs, batch: flags.batch, seed: flags.seed,
      });
      const losses = r.losses as number[];
      expect(losses).toHaveLength(flags.epochs);
      expect(relCurveError(losses, ref.losses)).toBeLessThan(1e-3);
      expect(relCurveError(r.matrixLosses as number[], ref.losses)).toBeLessThan(1e-3);
      // Two clouds 1σ apart per feature: well above chance, below perfect.
      expect(r.accuracy as number).toBeGreaterThan(0.75);
      expect(losses.at(-1)).toBeLessThan(losses[0] as number);
    });

    it('softmax regression: loss curve matches float64 full-batch descent', async () => {
      // 810 rows: the last block of the training step holds 10 (its kernels take 32 rows a block).
      const flags = { n: 810, d: 60, k: 5, iterations: 30, rate: 0.1, every: 10, seed: freshSeed() };
      const r = await runSample('softmax-regression', backend, flags);
      expect(r.ok).toBe(true);
      const data = softmax.makeClusters(flags.n, flags.d, flags.k, flags.seed);
      const opts = { rate: flags.rate, epochs: flags.iterations, batch: flags.n, seed: flags.seed, shuffle: false, l2: 0 };
      const ref = softmax.trainSoftmaxReference(data, opts);
      const tolerance = r.tolerance as number;
      expect(tolerance).toBeLessThanOrEqual(1e-4);
      expect(relCurveError(r.losses as number[], ref.losses)).toBeLessThan(tolerance);
      expect(relCurveError(r.matrixLosses as number[], ref.losses)).toBeLessThan(tolerance);
      expect(ref.losses.at(-1)).toBeLessThan(ref.losses[0] as number);
      // The tensor-core run: always on cpu (emulated), elsewhere where the device has matrices.
      if (backend === 'cpu') expect(r.tensorSkipped).toBeNull();
      if (r.tensorSkipped === null) {
        const half = tensor.trainSoftmaxHalfReference(data, opts);
        expect(relCurveError(r.tensorLosses as number[], half.losses)).toBeLessThan(tolerance);
        // The f16 roundings move the curve only slightly from float64's.
        expect(relCurveError(r.tensorLosses as number[], ref.losses)).toBeLessThan(1e-2);
      } else {
        expect(r.tensorSkipped as string).toMatch(/matrix/);
      }
    });
  });
}
