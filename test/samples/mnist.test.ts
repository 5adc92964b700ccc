// MNIST softmax regression on the package split (7,996 training and 2,004 test digits). On the GPU
// backends it trains at full length and the test accuracy must reach 0.90. The cpu backend runs
// every thread in JavaScript, so there it trains one epoch, whose loss must match a float64 run.
// Also the demo, shortened, which must write its SVG loss curve.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, runSample, testBackends } from './run-sample.js';

interface MnistLib {
  loadMnist(): { train: unknown };
}
interface SoftmaxLib {
  trainSoftmaxReference(data: unknown, o: object): { losses: number[] };
}
const mnist = (await import(`${ROOT}samples/lib/mnist-data.ts`)) as MnistLib;
const softmax = (await import(`${ROOT}samples/lib/softmax-data.ts`)) as SoftmaxLib;

for (const { backend, skip } of await testBackends()) {
  describe.skipIf(skip !== null)(`MNIST on ${backend}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    if (backend === 'cpu') {
      it('one epoch matches float64 minibatch SGD on the same batches', async () => {
        const r = await runSample('mnist', backend, { epochs: 1 });
        expect(r.ok).toBe(true);
        expect(r.trainSamples).toBe(7996);
        expect(r.testSamples).toBe(2004);
        const ref = softmax.trainSoftmaxReference(mnist.loadMnist().train, {
          rate: r.rate, epochs: 1, batch: r.batch, seed: r.seed, shuffle: true, l2: r.l2, decay: r.decay,
        });
        const got = (r.losses as number[])[0] as number;
        const want = ref.losses[0] as number;
        expect(Math.abs(got - want) / want).toBeLessThan(1e-4);
        expect(r.testAccuracy as number).toBeGreaterThan(0.85);
      });
    } else {
      it('reaches test accuracy ≥ 0.90', async () => {
        const r = await runSample('mnist', backend);
        expect(r.ok).toBe(true);
        expect(r.trainSamples).toBe(7996);
        expect(r.testSamples).toBe(2004);
        const losses = r.losses as number[];
        expect(losses.at(-1)).toBeLessThan(losses[0] as number);
        expect(r.testAccuracy as number).toBeGreaterThanOrEqual(0.9);
      });
    }
  });
}

describe('demo', () => {
  it('trains, reports accuracy and writes the loss curve as SVG', async () => {
    const svg = `${ROOT}out/mnist-loss.svg`;
    rmSync(svg, { force: true });
    const r = await runSample('demo', 'webgpu', { epochs: 2 });
    expect(r.ok).toBe(true);
    expect(r.testAccuracy as number).toBeGreaterThan(0.8);
    expect(existsSync(svg)).toBe(true);
    const text = readFileSync(svg, 'utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text.match(/<circle /g)).toHaveLength(2);
  });
});
