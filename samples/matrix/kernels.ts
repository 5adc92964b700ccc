// The kernels behind the Matrix layer (matrix.ts). Every Matrix operation is one of these launches.
// Matrices are dense row-major Float32Arrays; shapes travel as scalar parameters.
import {
  kernel, blockIdx, blockDim, gridDim, threadIdx, sharedArray, syncthreads, type f32, type i32,
} from 'kernelscript';

export const TILE = 16;
/** Threads per block for elementwise and per-row kernels. */
export const BLOCK = 256;

/**
 * C (m×n) = op(A) · op(B) with op(X) = X or Xᵀ (transA / transB = 1), in 16×16 shared-memory tiles.
 * A is stored m×k (or k×m when transposed), B k×n (or n×k). Each tile is loaded with consecutive
 * threads reading consecutive addresses in either layout: the thread roles swap with the layout.
 */
export const matmul = kernel(function matmul(
  a: Float32Array, b: Float32Array, c: Float32Array, m: i32, n: i32, k: i32, transA: i32, transB: i32,
) {
  const as = sharedArray(Float32Array, TILE * TILE);
  const bs = sharedArray(Float32Array, TILE * TILE);
  const tx = threadIdx.x;
  const ty = threadIdx.y;
  const row0 = blockIdx.y * TILE;
  const col0 = blockIdx.x * TILE;
  let sum: f32 = 0;
  for (let p0 = 0; p0 < k; p0 += TILE) {
    // as[r][q] = op(A)[row0 + r][p0 + q]
    const ar = transA == 1 ? tx : ty;
    const aq = transA == 1 ? ty : tx;
    let av: f32 = 0;
    if (row0 + ar < m && p0 + aq < k) {
      av = transA == 1 ? a[(p0 + aq) * m + row0 + ar] : a[(row0 + ar) * k + p0 + aq];
    }
    as[ar * TILE + aq] = av;
    // bs[q][s] = op(B)[p0 + q][col0 + s]
    const bq = transB == 1 ? tx : ty;
    const bc = transB == 1 ? ty : tx;
    let bv: f32 = 0;
    if (p0 + bq < k && col0 + bc < n) {
      bv = transB == 1 ? b[(col0 + bc) * k + p0 + bq] : b[(p0 + bq) * n + col0 + bc];
    }
    bs[bq * TILE + bc] = bv;
    syncthreads();
    for (let p = 0; p < TILE; p++) {
      sum += as[ty * TILE + p] * bs[p * TILE + tx];
    }
    syncthreads();
  }
  const row = row0 + ty;
  const col = col0 + tx;
  if (row < m && col < n) {
    c[row * n + col] = sum;
  }
});

/** The four arithmetic operations by code: 0 add, 1 sub, 2 mul, 3 div. */
function arith(op: i32, x: f32, y: f32): f32 {
  if (op == 0) return x + y;
  if (op == 1) return x - y;
  if (op == 2) return x * y;
  return x / y;
}

/**
 * out = a ∘ b elementwise, with b broadcast by `mode`: 0 same shape, 1 a row vector (1×cols),
 * 2 a column vector (rows×1), 3 a 1×1 matrix. Grid-strided, so any grid size covers any n.
 */
export const binary = kernel(function binary(
  a: Float32Array, b: Float32Array, out: Float32Array, n: i32, cols: i32, op: i32, mode: i32,
) {
  for (let i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += gridDim.x * blockDim.x) {
    let j = i;
    if (mode == 1) {
      j = i % cols;
    } else if (mode == 2) {
      j = i / cols;
    } else if (mode == 3) {
      j = 0;
    }
    out[i] = arith(op, a[i], b[j]);
  }
});

/** out = a ∘ s (op 0–3 as arith), or s ∘ a for op 4 (s − a) and 5 (s / a). */
export const scalar = kernel(function scalar(a: Float32Array, s: f32, out: Float32Array, n: i32, op: i32) {
  for (let i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += gridDim.x * blockDim.x) {
    out[i] = op == 4 ? arith(1, s, a[i]) : op == 5 ? arith(3, s, a[i]) : arith(op, a[i], s);
  }
});

/** Unary functions by code: 0 exp, 1 log, 2 reciprocal, 3 sigmoid, 4 negate, 5 clamp to [lo, hi]. */
function apply(op: i32, x: f32, lo: f32, hi: f32): f32 {
  if (op == 0) return Math.exp(x);
  if (op == 1) return Math.log(x);
  if (op == 2) return 1 / x;
  if (op == 3) return 1 / (1 + Math.exp(-x));
  if (op == 4) return -x;
  return Math.min(Math.max(x, lo), hi);
}

export const unary = kernel(function unary(a: Float32Array, out: Float32Array, n: i32, op: i32, lo: f32, hi: f32) {
  for (let i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += gridDim.x * blockDim.x) {
    out[i] = apply(op, a[i], lo, hi);
  }
});

/** Per-row kernels give each row LANES threads (a warp), ROW_BLOCK rows to a block of BLOCK. */
export const LANES = 32;
export const ROW_BLOCK = 8;

/** Row sums: each lane adds a strided slice of its row, then the lanes fold in shared memory. */
export const rowSums = kernel(function rowSums(a: Float32Array, out: Float32Array, rows: i32, cols: i32) {
  const part = sharedArray(Float32Array, BLOCK);
  const tid = threadIdx.x;
  const lane = tid % LANES;
  const row = blockIdx.x * ROW_BLOCK + tid / LANES;
  let s: f32 = 0;
  if (row < rows) {
    for (let c = lane; c < cols; c += LANES) {
      s += a[row * cols + c];
    }
  }
  part[tid] = s;
  syncthreads();
  for (let h = LANES / 2; h > 0; h >>= 1) {
    if (lane < h) {
      part[tid] += part[tid + h];
    }
    syncthreads();
  }
  if (lane == 0 && row < rows) {
    out[row] = part[tid];
  }
});

/**
 * Column sums with 16×16 blocks: threadIdx.x picks the column (so a warp reads along a row), and
 * the 16 thread rows stride down the matrix; the 16 partial sums then meet in shared memory.
 */
export const colSums = kernel(function colSums(a: Float32Array, out: Float32Array, rows: i32, cols: i32) {
  const part = sharedArray(Float32Array, TILE * TILE);
  const tx = threadIdx.x;
  const ty = threadIdx.y;
  const col = blockIdx.x * TILE + tx;
  let s: f32 = 0;
  if (col < cols) {
    for (let r = ty; r < rows; r += TILE) {
      s += a[r * cols + col];
    }
  }
  part[ty * TILE + tx] = s;
  syncthreads();
  for (let h = TILE / 2; h > 0; h >>= 1) {
    if (ty < h) {
      part[ty * TILE + tx] += part[(ty + h) * TILE + tx];
    }
    syncthreads();
  }
  if (ty == 0 && col < cols) {
    out[col] = part[tx];
  }
});

/** Below every finite f32 a softmax can meet (the max reduction's starting value). */
const LOWEST = -3.0e38;

/** Row softmax, LANES threads per row: a max reduction (for stability), then a sum reduction. */
export const softmaxRows = kernel(function softmaxRows(a: Float32Array, out: Float32Array, rows: i32, cols: i32) {
  const part = sharedArray(Float32Array, BLOCK);
  const tid = threadIdx.x;
  const lane = tid % LANES;
  const first = tid - lane; // this row's first slot in part
  const row = blockIdx.x * ROW_BLOCK + tid / LANES;
  const base = row * cols;
  const live = row < rows;
  let mx: f32 = LOWEST;
  if (live) {
    for (let c = lane; c < cols; c += LANES) {
      mx = Math.max(mx, a[base + c]);
    }
  }
  part[tid] = mx;
  syncthreads();
  for (let h = LANES / 2; h > 0; h >>= 1) {
    if (lane < h) {
      part[tid] = Math.max(part[tid], part[tid + h]);
    }
    syncthreads();
  }
  const rowMax = part[first];
  syncthreads();
  let s: f32 = 0;
  if (live) {
    for (let c = lane; c < cols; c += LANES) {
      s += Math.exp(a[base + c] - rowMax);
    }
  }
  part[tid] = s;
  syncthreads();
  for (let h = LANES / 2; h > 0; h >>= 1) {
    if (lane < h) {
      part[tid] += part[tid + h];
    }
    syncthreads();
  }
  if (live) {
    const inv = 1 / part[first];
    for (let c = lane; c < cols; c += LANES) {
      out[base + c] = Math.exp(a[base + c] - rowMax) * inv;
    }
  }
});

/** Index of each row's largest value (the first, on ties); one thread per row. */
export const argmaxRows = kernel(function argmaxRows(a: Float32Array, out: Int32Array, rows: i32, cols: i32) {
  const row = blockIdx.x * blockDim.x + threadIdx.x;
  if (row < rows) {
    let best = 0;
    let bestValue = a[row * cols];
    for (let c = 1; c < cols; c++) {
      const v = a[row * cols + c];
      if (v > bestValue) {
        bestValue = v;
        best = c;
      }
    }
    out[row] = best;
  }
});

/** out = the rows idx[start], …, idx[start + count − 1] of a (numpy's a[idx[start:start+count]]). */
export const takeRows = kernel(function takeRows(
  a: Float32Array, idx: Int32Array, out: Float32Array, start: i32, count: i32, cols: i32,
) {
  const n = count * cols;
  for (let i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += gridDim.x * blockDim.x) {
    const r = i / cols;
    out[i] = a[idx[start + r] * cols + (i - r * cols)];
  }
});

/** out = aᵀ (a is rows×cols), one thread per element. */
export const transpose = kernel(function transpose(a: Float32Array, out: Float32Array, rows: i32, cols: i32) {
  const c = blockIdx.x * TILE + threadIdx.x;
  const r = blockIdx.y * TILE + threadIdx.y;
  if (r < rows && c < cols) {
    out[c * rows + r] = a[r * cols + c];
  }
});
