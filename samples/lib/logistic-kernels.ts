// Binary logistic regression with hand-written kernels (docs/logistic-regression.md walks through
// them). One SGD step on a minibatch Xb (B rows of X, picked through the epoch's permutation):
//   p = σ(Xb·w),  grad = Xbᵀ(y − p) / B,  w += rate·grad
// takes two launches. logisticGrad fuses the forward pass, the loss and the per-block part of the
// gradient (the block's rows are still in cache when their gradient terms are formed);
// logisticUpdate adds the blocks' parts and moves w. X is never copied: kernels read rows through
// the permutation.
import {
  kernel, blockIdx, blockDim, threadIdx, sharedArray, syncthreads, atomicAdd, f32, type i32,
} from 'kernelscript';
import type { Gpu } from './cli.js';
import { batches, epochOrder, type LogisticData, type LogisticResult, type SgdOptions } from './logistic-data.js';

/** Batch rows per block of logisticGrad, and threads cooperating on each row's dot product. */
const ROWS = 32;
const LANES = 8;
const THREADS = 256; // ROWS × LANES

export const logisticGrad = kernel(function logisticGrad(
  x: Float32Array, y: Float32Array, perm: Int32Array, w: Float32Array,
  partGrad: Float32Array, partLoss: Float32Array, start: i32, batch: i32, d: i32,
) {
  const dots = sharedArray(Float32Array, THREADS);
  const err = sharedArray(Float32Array, ROWS);
  const tid = threadIdx.x;
  const r = tid / LANES;
  const lane = tid % LANES;
  const first = blockIdx.x * ROWS;
  // z = x_row · w, LANES threads per row, then summed across the lanes in shared memory.
  let s: f32 = 0;
  if (first + r < batch) {
    const row = perm[start + first + r];
    for (let j = lane; j < d; j += LANES) {
      s += x[row * d + j] * w[j];
    }
  }
  dots[tid] = s;
  syncthreads();
  for (let h = LANES / 2; h > 0; h >>= 1) {
    if (lane < h) {
      dots[tid] += dots[tid + h];
    }
    syncthreads();
  }
  if (lane == 0) {
    let e: f32 = 0;
    let l: f32 = 0;
    if (first + r < batch) {
      const z = dots[tid];
      const t = y[perm[start + first + r]];
      e = t - 1 / (1 + Math.exp(-z));
      // −log-likelihood in the form that cannot overflow: max(z,0) − z·t + log(1 + e^−|z|)
      l = Math.max(z, 0) - z * t + Math.log(1 + Math.exp(-Math.abs(z)));
    }
    err[r] = e;
    dots[tid] = l;
  }
  syncthreads();
  // This block's share of Xbᵀ(y − p): one thread per feature, over the block's rows.
  const rows = Math.min(ROWS, batch - first);
  for (let j = tid; j < d; j += THREADS) {
    let g: f32 = 0;
    for (let q = 0; q < rows; q++) {
      g += x[perm[start + first + q] * d + j] * err[q];
    }
    partGrad[blockIdx.x * d + j] = g;
  }
  if (tid == 0) {
    let l: f32 = 0;
    for (let q = 0; q < ROWS; q++) {
      l += dots[q * LANES];
    }
    partLoss[blockIdx.x] = l;
  }
});

/** w += rate · (Σ block parts) / B; block 0's thread 0 also adds the batch loss to lossSum[0]. */
export const logisticUpdate = kernel(function logisticUpdate(
  partGrad: Float32Array, partLoss: Float32Array, w: Float32Array, lossSum: Float32Array,
  parts: i32, batch: i32, d: i32, rate: f32,
) {
  const j = blockIdx.x * blockDim.x + threadIdx.x;
  if (j < d) {
    let g: f32 = 0;
    for (let b = 0; b < parts; b++) {
      g += partGrad[b * d + j];
    }
    w[j] += (rate * g) / f32(batch);
  }
  if (j == 0) {
    let l: f32 = 0;
    for (let b = 0; b < parts; b++) {
      l += partLoss[b];
    }
    lossSum[0] += l;
  }
});

/** Counts the rows whose prediction σ(x·w) > 0.5 matches the label, one thread per row. */
export const logisticCorrect = kernel(function logisticCorrect(
  x: Float32Array, y: Float32Array, w: Float32Array, correct: Int32Array, n: i32, d: i32,
) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    let z: f32 = 0;
    for (let j = 0; j < d; j++) {
      z += x[i * d + j] * w[j];
    }
    const predicted: f32 = z > 0 ? 1 : 0;
    if (predicted == y[i]) {
      atomicAdd(correct, 0, 1);
    }
  }
});

export async function trainLogisticKernels(gpu: Gpu, data: LogisticData, o: SgdOptions): Promise<LogisticResult> {
  const { n, d } = data;
  const maxParts = Math.ceil(Math.min(o.batch, n) / ROWS);
  const x = gpu.array(data.x);
  const y = gpu.array(data.y);
  const perm = gpu.alloc(Int32Array, n);
  const w = gpu.alloc(Float32Array, d);
  const partGrad = gpu.alloc(Float32Array, maxParts * d);
  const partLoss = gpu.alloc(Float32Array, maxParts);
  const lossSum = gpu.alloc(Float32Array, 1);
  try {
    const losses: number[] = [];
    for (let e = 0; e < o.epochs; e++) {
      perm.write(epochOrder(o.seed, e, n));
      lossSum.write(new Float32Array(1));
      for (const [start, size] of batches(n, o.batch)) {
        const parts = Math.ceil(size / ROWS);
        gpu.launch(logisticGrad, { grid: parts, block: THREADS }, x, y, perm, w, partGrad, partLoss, start, size, d);
        gpu.launch(logisticUpdate, { grid: Math.ceil(d / 256), block: 256 }, partGrad, partLoss, w, lossSum, parts, size, d, o.rate);
      }
      losses.push((await lossSum.read())[0] / n);
    }
    return { losses, w: await w.read() };
  } finally {
    for (const a of [x, y, perm, w, partGrad, partLoss, lossSum]) a.dispose();
  }
}

/** Accuracy of weights `w` on `data`, counted on the device. */
export async function logisticAccuracyOnDevice(gpu: Gpu, data: LogisticData, weights: Float32Array): Promise<number> {
  const x = gpu.array(data.x);
  const y = gpu.array(data.y);
  const w = gpu.array(weights);
  const correct = gpu.alloc(Int32Array, 1);
  try {
    gpu.launch(logisticCorrect, { grid: Math.ceil(data.n / 256), block: 256 }, x, y, w, correct, data.n, data.d);
    return (await correct.read())[0] / data.n;
  } finally {
    for (const a of [x, y, w, correct]) a.dispose();
  }
}
