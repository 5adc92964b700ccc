// Softmax regression with its two matrix products on the tensor cores (warp-level matrices, f16
// inputs, f32 accumulation): full-batch descent, as samples/softmax-regression.ts trains it.
//   X' = [X | 1 | 0…] in f16, n' × D (rows padded to 16, the bias as feature d, columns to 16)
//   per iteration:  Wh = f16(W')                                    (the apply kernel, after each update)
//                   Z = X'·Wh                 tensorLogits          (one warp per 16 rows)
//                   R = softmax(Z) − Y, loss  tensorResidual        (one thread per row; R in f16)
//                   Gs = X'ᵀ·R over a slice   tensorGradient        (one warp per 16 features × slice)
//                   W' −= rate · ΣGs / n      tensorApply
// The classes are padded to 16 (k ≤ 16). R is stored unscaled (|R| ≤ 1, where f16 keeps 11 bits)
// and divided by n in f32, since R/n would fall among f16's subnormals. X', R and Wh are the only
// values rounded to f16; trainSoftmaxHalfReference repeats the same roundings in float64.
import {
  kernel, blockIdx, threadIdx, sharedArray, syncthreads, f16,
  matrixLoadA, matrixLoadB, matrixFill, matrixMma, matrixStore, Float16Array, type f32, type i32,
} from 'kernelscript';
import type { Gpu } from './cli.js';
import { trainSoftmaxReference, type SoftmaxData, type SoftmaxOptions, type SoftmaxResult, type SoftmaxRounding } from './softmax-data.js';

/** The fragment edge; also the padded class count. */
const T = 16;
/** Rows per block of tensorResidual, and entries per block of tensorApply. */
const ROW_BLOCK = 128;
/** Row tiles per slice of the gradient's sum over the batch. */
const SLICE_TILES = 16;

export const tensorMaxClasses = T;

const padTo = (v: number, m: number): number => Math.ceil(v / m) * m;

/** xh (rows × cols, f16) = [x | 1 | 0…]: x is n × d (f32), the bias column d, zeros after, zero rows after n. */
export const packHalves = kernel(function packHalves(x: Float32Array, xh: Float16Array, n: i32, d: i32, cols: i32, total: i32) {
  const i = blockIdx.x * 256 + threadIdx.x;
  if (i < total) {
    const row = i / cols;
    const col = i % cols;
    let v = 0.0;
    if (row < n && col < d) v = x[row * d + col];
    if (row < n && col == d) v = 1.0;
    xh[i] = f16(v);
  }
});

/** z (rows × 16, f32) = xh · wh: the block's warp takes the 16 rows of tile blockIdx.x. */
export const tensorLogits = kernel(function tensorLogits(xh: Float16Array, wh: Float16Array, z: Float32Array, cols: i32) {
  const row = blockIdx.x * 16;
  let acc = matrixFill(0);
  for (let p = 0; p < cols; p += 16) {
    const a = matrixLoadA(xh, row * cols + p, cols, 'row');
    const b = matrixLoadB(wh, p * 16, 16, 'row');
    acc = matrixMma(a, b, acc);
  }
  matrixStore(z, row * 16, 16, acc, 'row');
});

/**
 * One thread per row: softmax of the row's k logits, r = p − onehot(label) in f16 (zero in the
 * padding), the row's loss; the block's loss sum and hits go to its two partial slots.
 */
export const tensorResidual = kernel(function tensorResidual(
  z: Float32Array, labels: Int32Array, r: Float16Array, partial: Float32Array, n: i32, k: i32, rows: i32,
) {
  const loss = sharedArray(Float32Array, 128);
  const hit = sharedArray(Float32Array, 128);
  const t = threadIdx.x;
  const row = blockIdx.x * 128 + t;
  loss[t] = 0;
  hit[t] = 0;
  if (row < n) {
    const label = labels[row];
    let m = -Infinity;
    let best = 0;
    for (let c = 0; c < k; c++) {
      const v = z[row * 16 + c];
      if (v > m) {
        m = v;
        best = c;
      }
    }
    let s = 0.0;
    for (let c = 0; c < k; c++) s += Math.exp(z[row * 16 + c] - m);
    for (let c = 0; c < 16; c++) {
      let v = 0.0;
      if (c < k) v = Math.exp(z[row * 16 + c] - m) / s - (c == label ? 1 : 0);
      r[row * 16 + c] = f16(v);
    }
    loss[t] = -Math.log(Math.max(Math.exp(z[row * 16 + label] - m) / s, 1e-30));
    if (best == label) hit[t] = 1;
  } else if (row < rows) {
    for (let c = 0; c < 16; c++) r[row * 16 + c] = f16(0);
  }
  syncthreads();
  for (let h = 64; h > 0; h >>= 1) {
    if (t < h) {
      loss[t] += loss[t + h];
      hit[t] += hit[t + h];
    }
    syncthreads();
  }
  if (t == 0) {
    partial[2 * blockIdx.x] = loss[0];
    partial[2 * blockIdx.x + 1] = hit[0];
  }
});

/**
 * g[slice] (cols × 16, f32) = xhᵀ · r over the slice's row tiles: the block's warp takes features
 * 16·blockIdx.x …, slice blockIdx.y. xhᵀ is xh read column-major.
 */
export const tensorGradient = kernel(function tensorGradient(
  xh: Float16Array, r: Float16Array, g: Float32Array, cols: i32, rows: i32, sliceRows: i32,
) {
  const f = blockIdx.x * 16;
  const first = blockIdx.y * sliceRows;
  const last = Math.min(first + sliceRows, rows);
  let acc = matrixFill(0);
  for (let p = first; p < last; p += 16) {
    const a = matrixLoadA(xh, p * cols + f, cols, 'col');
    const b = matrixLoadB(r, p * 16, 16, 'row');
    acc = matrixMma(a, b, acc);
  }
  matrixStore(g, (blockIdx.y * cols + f) * 16, 16, acc, 'row');
});

/**
 * One thread per entry of W' (cols × 16): adds the slices' gradients, moves W' by rate/n of it and
 * writes its f16 copy; the first thread adds the residual blocks' loss and hits to the epoch's slots.
 */
export const tensorApply = kernel(function tensorApply(
  g: Float32Array, w: Float32Array, wh: Float16Array, partial: Float32Array, stats: Float32Array,
  slices: i32, entries: i32, blocks: i32, scale: f32, slot: i32,
) {
  const i = blockIdx.x * 128 + threadIdx.x;
  if (i < entries) {
    let s = 0.0;
    for (let q = 0; q < slices; q++) s += g[q * entries + i];
    const v = w[i] - scale * s;
    w[i] = v;
    wh[i] = f16(v);
  }
  if (i == 0) {
    let loss = 0.0;
    let hits = 0.0;
    for (let q = 0; q < blocks; q++) {
      loss += partial[2 * q];
      hits += partial[2 * q + 1];
    }
    stats[2 * slot] = loss;
    stats[2 * slot + 1] = hits;
  }
});

/** Why these data cannot train on the tensor cores here, or null. */
export function tensorSoftmaxError(gpu: Gpu, data: SoftmaxData, o: SoftmaxOptions): string | null {
  if (!gpu.matrix.ok) return `${gpu.backend} device ${gpu.name} cannot run matrix operations: ${gpu.matrix.reason}`;
  if (data.k > T) return `the tensor-core variant supports at most ${T} classes, got ${data.k}`;
  if (o.batch < data.n || o.shuffle || o.l2 !== 0) return 'the tensor-core variant trains full batches in order, without L2';
  return null;
}

/** Full-batch descent as trainSoftmaxKernels, the products X'·W' and X'ᵀ·R on the tensor cores. */
export async function trainSoftmaxTensor(gpu: Gpu, data: SoftmaxData, o: SoftmaxOptions): Promise<SoftmaxResult> {
  const why = tensorSoftmaxError(gpu, data, o);
  if (why) throw new Error(why);
  const { n, d, k } = data;
  const rows = padTo(n, T);
  const cols = padTo(d + 1, T);
  const entries = cols * T;
  const sliceRows = SLICE_TILES * T;
  const slices = Math.ceil(rows / sliceRows);
  const residualBlocks = Math.ceil(rows / ROW_BLOCK);
  // One warp per block: the matrix kernels' block is the warp.
  const warp = gpu.warpSize ?? 32;
  const x = gpu.array(data.x);
  const arrays = {
    x,
    labels: gpu.array(data.labels),
    xh: gpu.alloc(Float16Array, rows * cols),
    w: gpu.alloc(Float32Array, entries),
    wh: gpu.alloc(Float16Array, entries),
    z: gpu.alloc(Float32Array, rows * T),
    r: gpu.alloc(Float16Array, rows * T),
    g: gpu.alloc(Float32Array, slices * entries),
    partial: gpu.alloc(Float32Array, 2 * residualBlocks),
    stats: gpu.alloc(Float32Array, 2 * o.epochs),
  };
  const a = arrays;
  try {
    gpu.launch(packHalves, { grid: Math.ceil((rows * cols) / 256), block: 256 }, a.x, a.xh, n, d, cols, rows * cols);
    for (let e = 0; e < o.epochs; e++) {
      gpu.launch(tensorLogits, { grid: rows / T, block: warp }, a.xh, a.wh, a.z, cols);
      gpu.launch(tensorResidual, { grid: residualBlocks, block: ROW_BLOCK }, a.z, a.labels, a.r, a.partial, n, k, rows);
      gpu.launch(tensorGradient, { grid: [cols / T, slices], block: warp }, a.xh, a.r, a.g, cols, rows, sliceRows);
      gpu.launch(tensorApply, { grid: Math.ceil(entries / ROW_BLOCK), block: ROW_BLOCK },
        a.g, a.w, a.wh, a.partial, a.stats, slices, entries, residualBlocks, o.rate / n, e);
    }
    const stats = await a.stats.read();
    const wb = await a.w.read();
    // W' is (d + 1) × 16 in cols × 16: W is its first d rows' first k columns, b row d's.
    const w = new Float32Array(d * k);
    for (let j = 0; j < d; j++) for (let c = 0; c < k; c++) w[j * k + c] = wb[j * T + c] as number;
    return {
      losses: Array.from({ length: o.epochs }, (_, e) => (stats[2 * e] as number) / n),
      w,
      b: wb.slice(d * T, d * T + k),
    };
  } finally {
    for (const arr of Object.values(arrays)) arr.dispose();
  }
}

/** The device's roundings: X, W' (kept in f32) and R stored as f16. */
const HALF: SoftmaxRounding = { input: f16, weight: (v) => f16(Math.fround(v)), residual: f16 };

/**
 * The same descent in float64 with the device's f16 roundings (X, W' before each product, R): the
 * loss curve the tensor-core run must follow to f32 accuracy.
 */
export const trainSoftmaxHalfReference = (data: SoftmaxData, o: SoftmaxOptions): SoftmaxResult =>
  trainSoftmaxReference(data, o, HALF);
