// The training rows: softmax regression (samples/softmax-regression.ts's full-batch descent on
// Gaussian clusters) and MNIST (samples/mnist.ts's minibatch SGD), both with the hand-written
// kernels of samples/lib/softmax-kernels.ts. X and the labels are uploaded once, outside the timing,
// as the peers' data already sit on their device; a timed run is the whole training loop, its
// final reads included, after one warm-up run. The loss curve is checked against the float64
// reference (samples/lib/softmax-data.ts) on the same data and batches first.
import { loadMnist } from '../../samples/lib/mnist-data.js';
import { makeClusters, trainSoftmaxReference, type SoftmaxData, type SoftmaxOptions } from '../../samples/lib/softmax-data.js';
import { trainSoftmaxKernels } from '../../samples/lib/softmax-kernels.js';
import type { RowContext } from './context.js';
import { attempt, expectWithin, timeRuns } from './measure.js';
import { mnistOptions } from './mnist-numpy.js';
import { sizeLabel } from './sizes.js';
import type { Measurement, RowId } from './types.js';

/** Largest |loss − float64 loss| / float64 loss at any epoch (samples/softmax-regression.ts's bound). */
const LOSS_TOLERANCE = 1e-4;
const IMPL = 'hand-written kernels';

const curveError = (got: number[], want: number[]): number =>
  got.length !== want.length ? Infinity : Math.max(...got.map((v, i) => Math.abs(v - want[i]) / Math.abs(want[i])));

async function train(
  { gpu, sizes }: RowContext, row: RowId, size: string, data: SoftmaxData, opts: SoftmaxOptions, want: number[],
): Promise<Measurement> {
  const inputs = { x: gpu.array(data.x), labels: gpu.array(data.labels) };
  try {
    const run = () => trainSoftmaxKernels(gpu, data, opts, {}, inputs);
    return await attempt({ row, size, impl: IMPL, by: 'kernelscript', backend: gpu.backend }, async () => {
      const err = curveError((await run()).losses, want);
      const check = expectWithin('loss curve, largest rel. difference from float64', err, LOSS_TOLERANCE);
      return { check, timed: await timeRuns(gpu, run, sizes.runs) };
    });
  } finally {
    inputs.x.dispose();
    inputs.labels.dispose();
  }
}

export async function softmaxRow(ctx: RowContext): Promise<Measurement[]> {
  const s = ctx.sizes.softmax;
  const size = sizeLabel.softmax(s);
  const data = ctx.memo(`softmax data ${size}`, () => makeClusters(s.n, s.d, s.k, 1));
  const opts: SoftmaxOptions = { rate: 0.1, epochs: s.iterations, batch: s.n, seed: 1, shuffle: false, l2: 0 };
  const ref = ctx.memo(`softmax reference ${size}`, () => trainSoftmaxReference(data, opts));
  return [await train(ctx, 'softmax', size, data, opts, ref.losses)];
}

/** The 7996 training digits (loaded once per run). */
export const mnistDigits = (ctx: Pick<RowContext, 'memo'>): SoftmaxData => ctx.memo('mnist digits', () => loadMnist().train);

export async function mnistRow(ctx: RowContext): Promise<Measurement[]> {
  const epochs = ctx.sizes.mnistEpochs;
  const size = sizeLabel.mnist(epochs);
  const data = mnistDigits(ctx);
  const opts = mnistOptions(epochs);
  const ref = ctx.memo(`mnist reference ${epochs}`, () => trainSoftmaxReference(data, opts));
  return [await train(ctx, 'mnist', size, data, opts, ref.losses)];
}
