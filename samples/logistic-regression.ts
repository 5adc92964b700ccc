// Binary logistic regression by minibatch SGD on two Gaussian clouds, trained three ways from the
// same data and the same batch order: hand-written fused kernels, the Matrix layer, and a float64
// plain-JS reference. Prints the loss per epoch and the accuracy; fails if the device runs stray
// from the reference or from each other.
import { runSample } from './lib/cli.js';
import { freshSeed } from './lib/rng.js';
import { maxAbsDiff, expectClose } from './lib/check.js';
import { makeClouds, trainLogisticReference, logisticAccuracy } from './lib/logistic-data.js';
import { trainLogisticKernels, logisticAccuracyOnDevice } from './lib/logistic-kernels.js';
import { trainLogisticMatrix } from './lib/logistic-matrix.js';

/** Agreement required between f32 device runs and float64 (loss per epoch, weights). */
const TOLERANCE = 1e-3;

await runSample(
  { n: 20_000, features: 8, epochs: 10, batch: 256, rate: 0.1, seed: 0 },
  async (gpu, { flags }, out) => {
    const seed = flags.seed || freshSeed();
    const train = makeClouds(flags.n, flags.features, seed);
    const test = makeClouds(Math.ceil(flags.n / 4), flags.features, seed + 1);
    const opts = { rate: flags.rate, epochs: flags.epochs, batch: flags.batch, seed };

    const t0 = performance.now();
    const hand = await trainLogisticKernels(gpu, train, opts);
    const t1 = performance.now();
    const mat = await trainLogisticMatrix(gpu, train, opts);
    const t2 = performance.now();
    const ref = trainLogisticReference(train, opts);

    out.log(`logistic regression on ${gpu.backend}: ${flags.n} samples × ${flags.features} features, batch ${flags.batch}, rate ${flags.rate}`);
    out.log('  epoch   kernels     matrix      float64');
    hand.losses.forEach((l, e) => {
      out.log(`  ${String(e + 1).padStart(5)}   ${l.toFixed(6)}   ${mat.losses[e].toFixed(6)}   ${ref.losses[e].toFixed(6)}`);
    });
    const diffs = {
      kernelsVsReference: Math.max(maxAbsDiff(hand.losses, ref.losses), maxAbsDiff(hand.w, ref.w)),
      matrixVsReference: Math.max(maxAbsDiff(mat.losses, ref.losses), maxAbsDiff(mat.w, ref.w)),
      kernelsVsMatrix: Math.max(maxAbsDiff(hand.losses, mat.losses), maxAbsDiff(hand.w, mat.w)),
    };
    const accuracy = await logisticAccuracyOnDevice(gpu, test, Float32Array.from(hand.w));
    const refAccuracy = logisticAccuracy(test, ref.w);
    out.log(`  test accuracy ${accuracy.toFixed(4)} (float64 weights: ${refAccuracy.toFixed(4)})`);
    out.log(`  largest difference in losses and weights: kernels–float64 ${diffs.kernelsVsReference.toExponential(2)}, ` +
      `matrix–float64 ${diffs.matrixVsReference.toExponential(2)}, kernels–matrix ${diffs.kernelsVsMatrix.toExponential(2)}`);
    out.log(`  time, first-launch compiles included: kernels ${(t1 - t0).toFixed(0)} ms, matrix ${(t2 - t1).toFixed(0)} ms`);
    for (const [what, err] of Object.entries(diffs)) expectClose(`logistic regression ${what}`, err, TOLERANCE);
    out.done({
      sample: 'logistic-regression', backend: gpu.backend, ...flags, seed,
      losses: hand.losses, matrixLosses: mat.losses, referenceLosses: ref.losses,
      accuracy, refAccuracy, diffs, tolerance: TOLERANCE, msKernels: t1 - t0, msMatrix: t2 - t1, ok: true,
    });
  },
);
