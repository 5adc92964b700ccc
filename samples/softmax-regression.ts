// Softmax regression, the classic numpy example: 10,000 samples × 500 features in 5 Gaussian
// clusters, full-batch gradient descent, learning rate 0.1, 100 iterations, the loss printed every
// 10. Trained with hand-written kernels and with the Matrix layer; both loss curves must match a
// float64 plain-JS run of the same algorithm on the same data. Where the device runs warp-level
// matrices, a third run takes its two matrix products on the tensor cores (f16 inputs, f32
// accumulation) and must match float64 with the same f16 roundings. Then the trained model's class
// probabilities, softmax of each sample's logits, by a warp-per-row kernel (warpMax, warpSum),
// checked against float64.
import { kernel, blockDim, blockIdx, threadIdx, laneId, warpSize, warpMax, warpSum, type f32, type i32 } from 'kernelscript';
import { runSample, type Gpu } from './lib/cli.js';
import { freshSeed } from './lib/rng.js';
import { expectClose } from './lib/check.js';
import { makeClusters, trainSoftmaxReference, softmaxAccuracy, type SoftmaxData, type SoftmaxOptions } from './lib/softmax-data.js';
import { trainSoftmaxKernels } from './lib/softmax-kernels.js';
import { trainSoftmaxMatrix } from './lib/softmax-matrix.js';
import { tensorSoftmaxError, trainSoftmaxHalfReference, trainSoftmaxTensor } from './lib/softmax-tensor.js';

/** Largest allowed |loss − float64 loss| / float64 loss, at every iteration. */
export const LOSS_TOLERANCE = 1e-4;

/** Rows per block of rowSoftmax: blockDim.y rows of one 32-thread group each (32 / warpSize warps, one row each). */
const ROWS_Y = 8;

/** y = softmax of each row of z (rows × cols), one warp per row. */
export const rowSoftmax = kernel(function rowSoftmax(z: Float32Array, y: Float32Array, rows: i32, cols: i32) {
  const row = (blockIdx.x * blockDim.y + threadIdx.y) * (blockDim.x / warpSize) + threadIdx.x / warpSize;
  // row is the same in every lane of a warp, so a warp takes this branch whole.
  if (row < rows) {
    const base = row * cols;
    let m = -Infinity;
    for (let j = laneId; j < cols; j += warpSize) m = Math.max(m, z[base + j]);
    m = warpMax(m);
    let s: f32 = 0;
    for (let j = laneId; j < cols; j += warpSize) s += Math.exp(z[base + j] - m);
    s = warpSum(s);
    for (let j = laneId; j < cols; j += warpSize) y[base + j] = Math.exp(z[base + j] - m) / s;
  }
});

/** Largest difference of the warp-per-row softmax of the model's logits from float64's. */
async function probabilitiesError(gpu: Gpu, data: SoftmaxData, w: ArrayLike<number>, b: ArrayLike<number>): Promise<number> {
  const { x, n, d, k } = data;
  const logits = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) logits[i * k + c] = b[c] as number;
    for (let j = 0; j < d; j++) for (let c = 0; c < k; c++) logits[i * k + c] += (x[i * d + j] as number) * (w[j * k + c] as number);
  }
  const z = gpu.array(Float32Array.from(logits));
  const y = gpu.alloc(Float32Array, n * k);
  try {
    const warpsPerBlock = (32 / (gpu.warpSize ?? 32)) * ROWS_Y;
    gpu.launch(rowSoftmax, { grid: Math.ceil(n / Math.max(1, warpsPerBlock)), block: [32, ROWS_Y] }, z, y, n, k);
    const got = await y.read();
    const zf = Float32Array.from(logits);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const row = Array.from(zf.subarray(i * k, (i + 1) * k));
      const m = Math.max(...row);
      const s = row.reduce((acc, v) => acc + Math.exp(v - m), 0);
      row.forEach((v, c) => (worst = Math.max(worst, Math.abs((got[i * k + c] as number) - Math.exp(v - m) / s))));
    }
    return worst;
  } finally {
    z.dispose();
    y.dispose();
  }
}

/** The tensor-core run beside its float64 references; timed again compiled, except on cpu (an emulation). */
async function tensorRun(gpu: Gpu, data: SoftmaxData, opts: SoftmaxOptions, float64: number[]) {
  let t0 = performance.now();
  let run = await trainSoftmaxTensor(gpu, data, opts);
  if (gpu.backend !== 'cpu') {
    t0 = performance.now();
    run = await trainSoftmaxTensor(gpu, data, opts);
  }
  const msTensor = performance.now() - t0;
  const half = trainSoftmaxHalfReference(data, opts);
  return {
    tensorLosses: run.losses, halfReferenceLosses: half.losses, msTensor,
    errTensor: curveError(run.losses, half.losses), errTensorFloat64: curveError(run.losses, float64),
  };
}

/** Largest relative difference between two loss curves. */
const curveError = (a: number[], b: number[]): number =>
  Math.max(...a.map((v, i) => Math.abs(v - b[i]) / Math.abs(b[i])));

await runSample(
  { n: 10_000, d: 500, k: 5, iterations: 100, rate: 0.1, every: 10, seed: 0 },
  async (gpu, { flags }, out) => {
    const seed = flags.seed || freshSeed();
    const data = makeClusters(flags.n, flags.d, flags.k, seed);
    const opts: SoftmaxOptions = { rate: flags.rate, epochs: flags.iterations, batch: flags.n, seed, shuffle: false, l2: 0 };

    const t0 = performance.now();
    const hand = await trainSoftmaxKernels(gpu, data, opts);
    const t1 = performance.now();
    const mat = await trainSoftmaxMatrix(gpu, data, opts);
    const t2 = performance.now();
    const ref = trainSoftmaxReference(data, opts);
    const t3 = performance.now();
    // Again, now that the kernels are compiled: the steady-state cost of the whole training.
    await trainSoftmaxKernels(gpu, data, opts);
    const msKernelsWarm = performance.now() - t3;
    const tensorSkipped = tensorSoftmaxError(gpu, data, opts);
    const tensor = tensorSkipped === null ? await tensorRun(gpu, data, opts, ref.losses) : null;

    out.log(`softmax regression on ${gpu.backend}: ${flags.n} samples × ${flags.d} features, ${flags.k} classes, ` +
      `full-batch descent, rate ${flags.rate}`);
    out.log('  iteration   kernels     matrix      float64');
    for (let i = 0; i < flags.iterations; i += flags.every) {
      out.log(`  ${String(i).padStart(9)}   ${hand.losses[i].toFixed(6)}   ${mat.losses[i].toFixed(6)}   ${ref.losses[i].toFixed(6)}`);
    }
    const errKernels = curveError(hand.losses, ref.losses);
    const errMatrix = curveError(mat.losses, ref.losses);
    const accuracy = softmaxAccuracy(data, hand.w, hand.b);
    const errProbabilities = await probabilitiesError(gpu, data, hand.w, hand.b);
    out.log(`  loss curve vs float64 (largest relative difference): kernels ${errKernels.toExponential(2)}, ` +
      `matrix ${errMatrix.toExponential(2)} (tolerance ${LOSS_TOLERANCE.toExponential(0)})`);
    out.log(`  training accuracy ${accuracy.toFixed(4)}; time, first-launch compiles included: kernels ${(t1 - t0).toFixed(0)} ms, ` +
      `matrix ${(t2 - t1).toFixed(0)} ms, float64 JS ${(t3 - t2).toFixed(0)} ms; kernels again, compiled: ${msKernelsWarm.toFixed(0)} ms`);
    expectClose('softmax loss curve (kernels vs float64)', errKernels, LOSS_TOLERANCE);
    expectClose('softmax loss curve (matrix vs float64)', errMatrix, LOSS_TOLERANCE);
    if (tensor) {
      out.log(`  tensor cores (f16 X, W and residuals; f32 accumulation): loss curve vs float64 with the same roundings ` +
        `${tensor.errTensor.toExponential(2)}, vs float64 ${tensor.errTensorFloat64.toExponential(2)}; ${tensor.msTensor.toFixed(0)} ms${gpu.backend === 'cpu' ? ', compiles included' : ' compiled'}`);
      expectClose('softmax loss curve (tensor cores vs float64 with f16 roundings)', tensor.errTensor, LOSS_TOLERANCE);
    } else {
      out.log(`  tensor cores: skipped (${tensorSkipped})`);
    }
    out.log(`  class probabilities by a warp-per-row softmax (warps of ${gpu.warpSize}): largest difference from float64 ${errProbabilities.toExponential(2)}`);
    expectClose('warp-per-row softmax (vs float64)', errProbabilities, 1e-6);
    out.done({
      sample: 'softmax-regression', backend: gpu.backend, ...flags, seed,
      losses: hand.losses, matrixLosses: mat.losses, referenceLosses: ref.losses,
      errKernels, errMatrix, tolerance: LOSS_TOLERANCE, tensorSkipped, ...tensor, accuracy, errProbabilities,
      msKernels: t1 - t0, msKernelsWarm, msMatrix: t2 - t1, msReference: t3 - t2, ok: true,
    });
  },
);
