// Softmax regression with hand-written kernels. One step on a batch (rows picked through the epoch's
// order, so X is never copied) is two launches, with no host synchronization between steps:
//   softmaxStep   ROWS rows per block. Forward: ROW_LANES threads per row form scores = x·W + b
//                 (reduced in shared memory), then one thread per row takes the softmax, the
//                 residual P − Y, the row's loss and whether the row was classified right.
//                 Gradient: one thread per feature forms the block's part of Xᵀ(P − Y) from the
//                 same rows, just read (still in cache), and the residuals in shared memory. The
//                 block writes one row of partials: the gradient of W and b, its loss sum, its hits;
//   softmaxApply  adds the blocks' rows (a group of threads per entry, a tree in shared memory),
//                 moves W and b (with the L2 term) and adds the loss and hits to the epoch's slots.
// W and b live in one array, b as row d, as the gradient treats the bias: a feature that is always 1.
// Partials instead of float atomics: the sums are deterministic, and WGSL has no native f32 atomicAdd.
import {
  kernel, blockIdx, threadIdx, sharedArray, localArray, syncthreads,
  f32, type i32, type DeviceArray,
} from 'kernelscript';
import type { Gpu } from './cli.js';
import { batches } from './logistic-data.js';
import { identity } from './rng.js';
import { epochRate, softmaxOrder, type SoftmaxData, type SoftmaxOptions, type SoftmaxResult } from './softmax-data.js';

/** Batch rows per block of softmaxStep, threads cooperating on each row's scores, threads per block. */
const ROWS = 32;
const ROW_LANES = 8;
const STEP_THREADS = 256; // ROWS × ROW_LANES
/** Classes the kernels support (the shared scratch holds one partial score per class per thread). */
export const MAX_CLASSES = 12;
/**
 * softmaxApply: entries per block × slices of the partial rows per entry. Eight consecutive entries
 * are one 32-byte sector of a partial row, so the reads stay whole sectors while the blocks are many.
 */
const APPLY_ENTRIES = 8;
const APPLY_SLICES = 32;
const APPLY_THREADS = 256; // APPLY_ENTRIES × APPLY_SLICES
const LOWEST = -3.0e38;

/**
 * Partial row of block b (at b·stride, stride = (d + 1)·k + 2): entry j·k + c = Σ over the block's
 * rows of x[row][j]·(P − Y)[row][c], j = d being the bias; then the rows' loss sum and hit count.
 * `w` is W (d × k) followed by b (k).
 */
export const softmaxStep = kernel(function softmaxStep(
  x: Float32Array, labels: Int32Array, order: Int32Array, w: Float32Array, partial: Float32Array,
  start: i32, batch: i32, d: i32, k: i32,
) {
  const part = sharedArray(Float32Array, STEP_THREADS * MAX_CLASSES);
  const res = sharedArray(Float32Array, ROWS * MAX_CLASSES);
  const rows = sharedArray(Int32Array, ROWS);
  const rowLoss = sharedArray(Float32Array, ROWS);
  const rowHit = sharedArray(Float32Array, ROWS);
  const acc = localArray(Float32Array, MAX_CLASSES);
  const tid = threadIdx.x;
  const lane = tid % ROW_LANES;
  const r = tid / ROW_LANES;
  const first = blockIdx.x * ROWS;
  const count = Math.min(batch - first, ROWS);
  if (lane == 0 && r < count) {
    rows[r] = order[start + first + r];
  }
  syncthreads();
  if (r < count) {
    const base = rows[r] * d;
    // The row's lanes read consecutive features: each group of lanes reads whole 32-byte sectors.
    for (let j = lane; j < d; j += ROW_LANES) {
      const xv = x[base + j];
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
      part[c * STEP_THREADS + tid] = acc[c];
    }
  }
  syncthreads();
  for (let h = ROW_LANES / 2; h > 0; h >>= 1) {
    if (lane < h) {
      for (let c = 0; c < k; c++) {
        part[c * STEP_THREADS + tid] += part[c * STEP_THREADS + tid + h];
      }
    }
    syncthreads();
  }
  if (lane == 0 && r < count) {
    let zmax: f32 = LOWEST;
    let best = 0;
    for (let c = 0; c < k; c++) {
      const z = part[c * STEP_THREADS + tid] + w[d * k + c];
      part[c * STEP_THREADS + tid] = z;
      if (z > zmax) {
        zmax = z;
        best = c;
      }
    }
    let s: f32 = 0;
    for (let c = 0; c < k; c++) {
      s += Math.exp(part[c * STEP_THREADS + tid] - zmax);
    }
    const label = labels[rows[r]];
    for (let c = 0; c < k; c++) {
      const p = Math.exp(part[c * STEP_THREADS + tid] - zmax) / s;
      res[r * MAX_CLASSES + c] = c == label ? p - 1 : p;
    }
    rowLoss[r] = zmax + Math.log(s) - part[label * STEP_THREADS + tid];
    rowHit[r] = best == label ? 1 : 0;
  }
  syncthreads();
  const out = blockIdx.x * ((d + 1) * k + 2);
  // Consecutive threads take consecutive features of each row: coalesced, and mostly cache hits.
  for (let j = tid; j < d; j += STEP_THREADS) {
    for (let c = 0; c < MAX_CLASSES; c++) {
      acc[c] = 0;
    }
    for (let i = 0; i < count; i++) {
      const xv = x[rows[i] * d + j];
      for (let c = 0; c < MAX_CLASSES; c++) {
        if (c < k) {
          acc[c] += xv * res[i * MAX_CLASSES + c];
        }
      }
    }
    for (let c = 0; c < MAX_CLASSES; c++) {
      if (c < k) {
        partial[out + j * k + c] = acc[c];
      }
    }
  }
  // The bias's entries (its feature is 1), then the loss and the hits.
  if (tid < k) {
    let g: f32 = 0;
    for (let i = 0; i < count; i++) {
      g += res[i * MAX_CLASSES + tid];
    }
    partial[out + d * k + tid] = g;
  }
  if (tid == STEP_THREADS - 1) {
    let loss: f32 = 0;
    let hits: f32 = 0;
    for (let i = 0; i < count; i++) {
      loss += rowLoss[i];
      hits += rowHit[i];
    }
    partial[out + (d + 1) * k] = loss;
    partial[out + (d + 1) * k + 1] = hits;
  }
});

/**
 * Adds the `blocks` partial rows. W −= rate·(Σ / B + l2·W); b −= rate·Σ / B; stats[2·slot] += the
 * loss sum, stats[2·slot + 1] += the hits (whole numbers, exact in f32 below 2^24).
 */
export const softmaxApply = kernel(function softmaxApply(
  partial: Float32Array, w: Float32Array, stats: Float32Array,
  blocks: i32, batch: i32, d: i32, k: i32, rate: f32, l2: f32, slot: i32,
) {
  const part = sharedArray(Float32Array, APPLY_THREADS);
  const tid = threadIdx.x;
  const e = tid % APPLY_ENTRIES;
  const slice = tid / APPLY_ENTRIES;
  const i = blockIdx.x * APPLY_ENTRIES + e;
  const stride = (d + 1) * k + 2;
  let g: f32 = 0;
  if (i < stride) {
    for (let b = slice; b < blocks; b += APPLY_SLICES) {
      g += partial[b * stride + i];
    }
  }
  part[tid] = g;
  syncthreads();
  for (let h = APPLY_SLICES / 2; h > 0; h >>= 1) {
    if (slice < h) {
      part[tid] += part[tid + h * APPLY_ENTRIES];
    }
    syncthreads();
  }
  if (slice == 0 && i < stride) {
    g = part[tid];
    if (i < d * k) {
      w[i] -= rate * (g / f32(batch) + l2 * w[i]);
    } else if (i < (d + 1) * k) {
      w[i] -= rate * (g / f32(batch));
    } else {
      stats[2 * slot + i - (d + 1) * k] += g;
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

/** What one step's two launches use. */
export interface StepArrays extends SoftmaxInputs {
  order: DeviceArray<Int32Array>;
  /** W (d × k), then b (k). */
  w: DeviceArray<Float32Array>;
  partial: DeviceArray<Float32Array>;
  /** Per epoch: the loss sum, then the rows classified right. */
  stats: DeviceArray<Float32Array>;
}

/** Partial-row length: the gradient of W and b, then the loss and the hits. */
const partialStride = (d: number, k: number): number => (d + 1) * k + 2;

/** The device arrays of a run; X and the labels uploaded unless given. */
export function stepArrays(gpu: Gpu, data: SoftmaxData, maxBatch: number, epochs: number, inputs?: SoftmaxInputs): StepArrays {
  const { n, d, k } = data;
  return {
    x: inputs?.x ?? gpu.array(data.x),
    labels: inputs?.labels ?? gpu.array(data.labels),
    order: gpu.alloc(Int32Array, n),
    w: gpu.alloc(Float32Array, (d + 1) * k),
    partial: gpu.alloc(Float32Array, Math.ceil(maxBatch / ROWS) * partialStride(d, k)),
    stats: gpu.alloc(Float32Array, 2 * epochs),
  };
}

/** softmaxStep's launch on rows order[start … start + size). */
export function launchStep(gpu: Gpu, a: StepArrays, d: number, k: number, start: number, size: number): void {
  gpu.launch(softmaxStep, { grid: Math.ceil(size / ROWS), block: STEP_THREADS }, a.x, a.labels, a.order, a.w, a.partial, start, size, d, k);
}

/** softmaxApply's launch after a step on `size` rows: its loss and hits go to `slot` of the stats. */
export function launchApply(gpu: Gpu, a: StepArrays, d: number, k: number, size: number, rate: number, l2: number, slot: number): void {
  const blocks = Math.ceil(size / ROWS);
  gpu.launch(softmaxApply, { grid: Math.ceil(partialStride(d, k) / APPLY_ENTRIES), block: APPLY_THREADS },
    a.partial, a.w, a.stats, blocks, size, d, k, rate, l2, slot);
}

/** One step on rows order[start … start + size): its loss and hits go to `slot` of the stats. */
function step(gpu: Gpu, a: StepArrays, d: number, k: number, start: number, size: number, rate: number, l2: number, slot: number): void {
  launchStep(gpu, a, d, k, start, size);
  launchApply(gpu, a, d, k, size, rate, l2, slot);
}

export async function trainSoftmaxKernels(
  gpu: Gpu, data: SoftmaxData, o: SoftmaxOptions, hooks: SoftmaxHooks = {}, inputs?: SoftmaxInputs,
): Promise<SoftmaxRun> {
  checkShape(data);
  const { n, d, k } = data;
  const a = stepArrays(gpu, data, Math.min(o.batch, n), o.epochs, inputs);
  const arrays = [...(inputs ? [] : [a.x, a.labels]), a.order, a.w, a.partial, a.stats];
  try {
    for (let e = 0; e < o.epochs; e++) {
      // The order only changes when shuffling; a fixed order is uploaded once.
      if (e === 0 || o.shuffle) a.order.write(softmaxOrder(o, e, n));
      const rate = epochRate(o, e);
      for (const [start, size] of batches(n, o.batch)) step(gpu, a, d, k, start, size, rate, o.l2, e);
      if (hooks.onEpoch) hooks.onEpoch(e, (await a.stats.read())[2 * e] / n);
    }
    const stats = await a.stats.read();
    const losses = Array.from({ length: o.epochs }, (_, e) => stats[2 * e] / n);
    const wb = await a.w.read();
    return { losses, w: wb.subarray(0, d * k), b: wb.subarray(d * k), trainAccuracy: stats[2 * o.epochs - 1] / n };
  } finally {
    for (const arr of arrays) arr.dispose();
  }
}

/** Mean loss and accuracy of (W, b) on `data`: one step with rate 0, which leaves W and b as they are. */
export async function evaluateSoftmax(
  gpu: Gpu, data: SoftmaxData, weights: Float32Array, biases: Float32Array,
): Promise<{ loss: number; accuracy: number }> {
  checkShape(data);
  const { n, d, k } = data;
  const a = stepArrays(gpu, data, n, 1);
  const wb = new Float32Array((d + 1) * k);
  wb.set(weights.subarray(0, d * k));
  wb.set(biases.subarray(0, k), d * k);
  try {
    a.order.write(identity(n));
    a.w.write(wb);
    step(gpu, a, d, k, 0, n, 0, 0, 0);
    const [loss, hits] = await a.stats.read();
    return { loss: loss / n, accuracy: hits / n };
  } finally {
    for (const arr of [a.x, a.labels, a.order, a.w, a.partial, a.stats]) arr.dispose();
  }
}
