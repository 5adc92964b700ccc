// Naive matmul: one thread per output element, C = A (m×k) · B (k×n), all row-major.
import { kernel, blockDim, blockIdx, threadIdx, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';
import { matmulRef } from './lib/matmul-ref.js';

export const matmulNaive = kernel(function matmulNaive(a: Float32Array, b: Float32Array, c: Float32Array, m: i32, n: i32, k: i32) {
  const row = blockIdx.y * blockDim.y + threadIdx.y;
  const col = blockIdx.x * blockDim.x + threadIdx.x;
  if (row >= m || col >= n) return;
  let sum = 0;
  for (let p = 0; p < k; p++) {
    sum += a[row * k + p] * b[p * n + col];
  }
  c[row * n + col] = sum;
});

export const spec: CaseSpec = {
  kernel: 'matmulNaive',
  make(rng) {
    const m = rng.int(17, 70);
    const n = rng.int(17, 70);
    const k = rng.int(17, 70);
    return {
      args: [rng.f32Array(m * k), rng.f32Array(k * n), new Float32Array(m * n), m, n, k],
      grid: [Math.ceil(n / 16), Math.ceil(m / 16)],
      block: [16, 16],
    };
  },
  reference([a, b, , m, n, k]) {
    return { 2: matmulRef(a as Float32Array, b as Float32Array, m as number, n as number, k as number) };
  },
};
