// 2-D grid of 2-D blocks: x walks columns, y walks rows; both edges are ragged.
import { kernel, blockDim, blockIdx, threadIdx, type f32, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

export const matrixAdd = kernel(function matrixAdd(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  rows: i32,
  cols: i32,
  alpha: f32,
) {
  const col = blockIdx.x * blockDim.x + threadIdx.x;
  const row = blockIdx.y * blockDim.y + threadIdx.y;
  if (row < rows && col < cols) {
    const k = row * cols + col;
    c[k] = a[k] + alpha * b[k];
  }
});

export const spec: CaseSpec = {
  kernel: 'matrixAdd',
  make(rng) {
    const rows = rng.int(20, 90);
    const cols = rng.int(20, 90);
    const n = rows * cols;
    return {
      args: [rng.f32Array(n), rng.f32Array(n), new Float32Array(n), rows, cols, rng.f32(0.5, 2)],
      grid: [Math.ceil(cols / 16), Math.ceil(rows / 8)],
      block: [16, 8],
    };
  },
  reference([a, b, , , , alpha]) {
    const x = a as Float32Array;
    const y = b as Float32Array;
    return { 2: Float64Array.from(x, (v, i) => v + (alpha as number) * y[i]) };
  },
};
