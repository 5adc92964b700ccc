// Row softmax, one block per row: a shared-memory max reduction, then a sum of exponentials, then
// the normalised outputs. Threads stride over columns, so rows may be wider than the block.
import { kernel, blockIdx, sharedArray, syncthreads, threadIdx, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

const SM_BLOCK = 128;

export const softmaxRows = kernel(function softmaxRows(x: Float32Array, y: Float32Array, cols: i32) {
  const red = sharedArray(Float32Array, SM_BLOCK);
  const t = threadIdx.x;
  const base = blockIdx.x * cols;
  let m = x[base];
  for (let c = t; c < cols; c += SM_BLOCK) {
    m = Math.max(m, x[base + c]);
  }
  red[t] = m;
  syncthreads();
  for (let s = SM_BLOCK / 2; s > 0; s >>= 1) {
    if (t < s) {
      red[t] = Math.max(red[t], red[t + s]);
    }
    syncthreads();
  }
  const rowMax = red[0];
  syncthreads();
  let sum = 0;
  for (let c = t; c < cols; c += SM_BLOCK) {
    sum += Math.exp(x[base + c] - rowMax);
  }
  red[t] = sum;
  syncthreads();
  for (let s = SM_BLOCK / 2; s > 0; s >>= 1) {
    if (t < s) {
      red[t] += red[t + s];
    }
    syncthreads();
  }
  const total = red[0];
  for (let c = t; c < cols; c += SM_BLOCK) {
    y[base + c] = Math.exp(x[base + c] - rowMax) / total;
  }
});

export const spec: CaseSpec = {
  kernel: 'softmaxRows',
  make(rng) {
    const rows = rng.int(10, 60);
    const cols = rng.int(50, 400);
    return { args: [rng.f32Array(rows * cols, -8, 8), new Float32Array(rows * cols), cols], grid: rows, block: SM_BLOCK };
  },
  reference([x, , cols]) {
    const xs = x as Float32Array;
    const n = cols as number;
    const y = new Float64Array(xs.length);
    for (let r = 0; r < xs.length / n; r++) {
      const row = xs.subarray(r * n, (r + 1) * n);
      const m = Math.max(...row);
      const e = Array.from(row, (v) => Math.exp(v - m));
      const s = e.reduce((a, b) => a + b, 0);
      e.forEach((v, c) => (y[r * n + c] = v / s));
    }
    return { 1: y };
  },
};
