// Softmax regression with hand-written kernels. One step on a batch (rows picked through the epoch's
// order, so X is never copied) is four launches:
//   softmaxForward      32 threads per row: scores = x·W + b, softmax, the residual P − Y, the
//                       row's loss and whether it was classified right — one pass over the row;
//   addSum              the batch's losses, summed into the epoch's slot (a tree in shared memory);
//   softmaxGradPartial  XᵀG for a chunk of CHUNK rows: one thread per feature (plus one for the
//                       bias), consecutive threads reading consecutive features of a row; the
//                       chunk's row numbers and residuals are staged in shared memory once per
//                       block. Small chunks give thousands of blocks, so the GPU is kept busy;
//   softmaxUpdate       adds the chunks (a group of threads per entry, a tree in shared memory)
//                       and moves W and b, with the L2 term.
import {
  kernel, blockIdx, threadIdx, sharedArray, localArray, syncthreads, atomicAdd,
  f32, type i32, type DeviceArray,
} from 'kernelscript';
import type { Gpu } from './cli.js';
import { batches } from './logistic-data.js';
import { epochRate, softmaxOrder, type SoftmaxData, type SoftmaxOptions, type SoftmaxResult } from './softmax-data.js';

/** Forward pass: a warp-sized group of LANES threads per row, ROWS_PER_BLOCK rows per block. */
const LANES = 32;
const ROWS_PER_BLOCK = 8;
const FWD_THREADS = 256; // LANES × ROWS_PER_BLOCK
/** Classes the kernels support (the shared scratch holds one partial score per class per thread). */
export const MAX_CLASSES = 12;
/** Rows per block of the gradient, and threads (features) per block. */
const CHUNK = 32;
const GRAD_THREADS = 128;
/** Threads adding one entry's chunks in the update, and threads per update block. */
const SUM_LANES = 32;
const UPDATE_THREADS = 256;
const SUM_THREADS = 256;
const LOWEST = -3.0e38;

export const softmaxForward = kernel(function softmaxForward(
  x: Float32Array, labels: Int32Array, order: Int32Array, w: Float32Array, bias: Float32Array,
  resid: Float32Array, rowLoss: Float32Array, correct: Int32Array, start: i32, batch: i32, d: i32, k: i32,
) {
  const part = sharedArray(Float32Array, FWD_THREADS * MAX_CLASSES);
  const acc = localArray(Float32Array, MAX_CLASSES);
  const tid = threadIdx.x;
  const lane = tid % LANES;
  const r = blockIdx.x * ROWS_PER_BLOCK + tid / LANES;
  let row = 0;
  if (r < batch) {
    row = order[start + r];
    // Consecutive lanes read consecutive features of the row: coalesced.
    for (let j = lane; j < d; j += LANES) {
      const xv = x[row * d + j];
      // A constant bound with a guard: the loop unrolls and acc stays in registers on every GPU.
      for (let c = 0; c < MAX_CLASSES; c++) {
        if (c < k) {
          acc[c] += xv * w[j * k + c];
        }
      }
    }
  }
  for (let c = 0; c < MAX_CLASSES; c++) {
    if (c < k) {
      part[c * FWD_THREADS + tid] = acc[c];
    }
  }
  syncthreads();
  for (let h = LANES / 2; h > 0; h >>= 1) {
    if (lane < h) {
      for (let c = 0; c < k; c++) {
        part[c * FWD_THREADS + tid] += part[c * FWD_THREADS + tid + h];
      }
    }
    syncthreads();
  }
  if (lane == 0 && r < batch) {
    let zmax: f32 = LOWEST;
    let best = 0;
    for (let c = 0; c < k; c++) {
      const z = part[c * FWD_THREADS + tid] + bias[c];
      part[c * FWD_THREADS + tid] = z;
      if (z > zmax) {
        zmax = z;
        best = c;
      }
    }
    let s: f32 = 0;
    for (let c = 0; c < k; c++) {
      s += Math.exp(part[c * FWD_THREADS + tid] - zmax);
    }
    const label = labels[row];
    for (let c = 0; c < k; c++) {
      const p = Math.exp(part[c * FWD_THREADS + tid] - zmax) / s;
      resid[r * k + c] = c == label ? p - 1 : p;
    }
    rowLoss[r] = zmax + Math.log(s) - part[label * FWD_THREADS + tid];
    if (best == label) {
      atomicAdd(correct, 0, 1);
    }
  }
});

/** out[slot] += Σ values[0…n), in one block. */
export const addSum = kernel(function addSum(values: Float32Array, out: Float32Array, n: i32, slot: i32) {
  const part = sharedArray(Float32Array, SUM_THREADS);
  const tid = threadIdx.x;
  let s: f32 = 0;
  for (let i = tid; i < n; i += SUM_THREADS) {
    s += values[i];
  }
  part[tid] = s;
  syncthreads();
  for (let h = SUM_THREADS / 2; h > 0; h >>= 1) {
    if (tid < h) {
      part[tid] += part[tid + h];
    }
    syncthreads();
  }
  if (tid == 0) {
    out[slot] += part[0];
  }
});

/** partGrad[(j·k + c)·chunks + chunk] = Σ over the chunk's rows of x[row][j]·resid[row][c]; j = d is the bias. */
export const softmaxGradPartial = kernel(function softmaxGradPartial(
  x: Float32Array, order: Int32Array, resid: Float32Array, partGrad: Float32Array,
  start: i32, batch: i32, d: i32, k: i32, chunks: i32,
) {
  const rows = sharedArray(Int32Array, CHUNK);
  const res = sharedArray(Float32Array, CHUNK * MAX_CLASSES);
  const acc = localArray(Float32Array, MAX_CLASSES);
  const tid = threadIdx.x;
  const j = blockIdx.x * GRAD_THREADS + tid;
  const r0 = blockIdx.y * CHUNK;
  const count = Math.min(batch - r0, CHUNK);
  // Every feature of the block needs the same rows and residuals: read them once, into shared memory.
  if (tid < count) {
    rows[tid] = order[start + r0 + tid];
  }
  for (let i = tid; i < count * k; i += GRAD_THREADS) {
    res[i] = resid[r0 * k + i];
  }
  syncthreads();
  if (j <= d) {
    for (let r = 0; r < count; r++) {
      let xv: f32 = 1;
      if (j < d) {
        xv = x[rows[r] * d + j];
      }
      for (let c = 0; c < MAX_CLASSES; c++) {
        if (c < k) {
          acc[c] += xv * res[r * k + c];
        }
      }
    }
    // Chunks of one entry are adjacent, so the update reads them coalesced.
    for (let c = 0; c < MAX_CLASSES; c++) {
      if (c < k) {
        partGrad[(j * k + c) * chunks + blockIdx.y] = acc[c];
      }
    }
  }
});

/** W −= rate·(Σ chunks / B + l2·W); b −= rate·Σ chunks / B. SUM_LANES threads per entry of W and b. */
export const softmaxUpdate = kernel(function softmaxUpdate(
  partGrad: Float32Array, w: Float32Array, bias: Float32Array,
  chunks: i32, batch: i32, d: i32, k: i32, rate: f32, l2: f32,
) {
  const part = sharedArray(Float32Array, UPDATE_THREADS);
  const tid = threadIdx.x;
  const lane = tid % SUM_LANES;
  const i = blockIdx.x * (UPDATE_THREADS / SUM_LANES) + tid / SUM_LANES;
  const entries = (d + 1) * k;
  let g: f32 = 0;
  if (i < entries) {
    for (let ch = lane; ch < chunks; ch += SUM_LANES) {
      g += partGrad[i * chunks + ch];
    }
  }
  part[tid] = g;
  syncthreads();
  for (let h = SUM_LANES / 2; h > 0; h >>= 1) {
    if (lane < h) {
      part[tid] += part[tid + h];
    }
    syncthreads();
  }
  if (lane == 0 && i < entries) {
    g = part[tid] / f32(batch);
    if (i < d * k) {
      w[i] -= rate * (g + l2 * w[i]);
    } else {
      bias[i - d * k] -= rate * g;
    }
  }
});

export interface SoftmaxRun extends SoftmaxResult {
  /** Fraction of training rows classified right during the last epoch (before each update). */
  trainAccuracy: number;
}

export interface SoftmaxHooks {
  /** Called after each epoch with its mean loss (reading it waits for the device). */
  onEpoch?: ((epoch: number, loss: number) => void) | undefined;
}

function checkShape(data: SoftmaxData): void {
  if (data.k > MAX_CLASSES) {
    throw new Error(`softmax kernels support at most ${MAX_CLASSES} classes, got ${data.k}`);
  }
}

/** X and the labels already on the device, kept by the caller: a benchmark times training without their upload. */
export interface SoftmaxInputs {
  x: DeviceArray<Float32Array>;
  labels: DeviceArray<Int32Array>;
}

export async function trainSoftmaxKernels(
  gpu: Gpu, data: SoftmaxData, o: SoftmaxOptions, hooks: SoftmaxHooks = {}, inputs?: SoftmaxInputs,
): Promise<SoftmaxRun> {
  checkShape(data);
  const { n, d, k } = data;
  const maxBatch = Math.min(o.batch, n);
  const maxChunks = Math.ceil(maxBatch / CHUNK);
  const x = inputs?.x ?? gpu.array(data.x);
  const labels = inputs?.labels ?? gpu.array(data.labels);
  const order = gpu.alloc(Int32Array, n);
  const w = gpu.alloc(Float32Array, d * k);
  const bias = gpu.alloc(Float32Array, k);
  const resid = gpu.alloc(Float32Array, maxBatch * k);
  const rowLoss = gpu.alloc(Float32Array, maxBatch);
  const partGrad = gpu.alloc(Float32Array, maxChunks * (d + 1) * k);
  const lossSums = gpu.alloc(Float32Array, o.epochs);
  const correct = gpu.alloc(Int32Array, 1);
  const arrays = [...(inputs ? [] : [x, labels]), order, w, bias, resid, rowLoss, partGrad, lossSums, correct];
  try {
    const losses: number[] = [];
    for (let e = 0; e < o.epochs; e++) {
      // The order only changes when shuffling; a fixed order is uploaded once.
      if (e === 0 || o.shuffle) order.write(softmaxOrder(o, e, n));
      correct.write(new Int32Array(1));
      const rate = epochRate(o, e);
      for (const [start, size] of batches(n, o.batch)) {
        const chunks = Math.ceil(size / CHUNK);
        gpu.launch(softmaxForward, { grid: Math.ceil(size / ROWS_PER_BLOCK), block: FWD_THREADS },
          x, labels, order, w, bias, resid, rowLoss, correct, start, size, d, k);
        gpu.launch(addSum, { grid: 1, block: SUM_THREADS }, rowLoss, lossSums, size, e);
        gpu.launch(softmaxGradPartial, { grid: [Math.ceil((d + 1) / GRAD_THREADS), chunks], block: GRAD_THREADS },
          x, order, resid, partGrad, start, size, d, k, chunks);
        gpu.launch(softmaxUpdate, { grid: Math.ceil(((d + 1) * k) / (UPDATE_THREADS / SUM_LANES)), block: UPDATE_THREADS },
          partGrad, w, bias, chunks, size, d, k, rate, o.l2);
      }
      if (hooks.onEpoch) {
        const loss = (await lossSums.read())[e] / n;
        hooks.onEpoch(e, loss);
      }
    }
    const sums = await lossSums.read();
    for (let e = 0; e < o.epochs; e++) losses.push(sums[e] / n);
    const trainAccuracy = (await correct.read())[0] / n;
    return { losses, w: await w.read(), b: await bias.read(), trainAccuracy };
  } finally {
    for (const a of arrays) a.dispose();
  }
}

/** Mean loss and accuracy of (W, b) on `data`, computed with the forward kernel. */
export async function evaluateSoftmax(
  gpu: Gpu, data: SoftmaxData, weights: Float32Array, biases: Float32Array,
): Promise<{ loss: number; accuracy: number }> {
  checkShape(data);
  const { n, d, k } = data;
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[i] = i;
  const x = gpu.array(data.x);
  const labels = gpu.array(data.labels);
  const order = gpu.array(ids);
  const w = gpu.array(weights);
  const bias = gpu.array(biases);
  const resid = gpu.alloc(Float32Array, n * k);
  const rowLoss = gpu.alloc(Float32Array, n);
  const total = gpu.alloc(Float32Array, 1);
  const correct = gpu.alloc(Int32Array, 1);
  try {
    gpu.launch(softmaxForward, { grid: Math.ceil(n / ROWS_PER_BLOCK), block: FWD_THREADS },
      x, labels, order, w, bias, resid, rowLoss, correct, 0, n, d, k);
    gpu.launch(addSum, { grid: 1, block: SUM_THREADS }, rowLoss, total, n, 0);
    return { loss: (await total.read())[0] / n, accuracy: (await correct.read())[0] / n };
  } finally {
    for (const a of [x, labels, order, w, bias, resid, rowLoss, total, correct]) a.dispose();
  }
}
