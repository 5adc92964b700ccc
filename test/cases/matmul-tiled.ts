// Shared-memory tiled matmul: each block stages TILE×TILE tiles of A and B, with a barrier after
// loading and after using each pair; out-of-range tile elements load as zero.
import { kernel, blockIdx, sharedArray, syncthreads, threadIdx, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';
import { matmulRef } from './lib/matmul-ref.js';

const TILE = 16;

export const matmulTiled = kernel(function matmulTiled(a: Float32Array, b: Float32Array, c: Float32Array, m: i32, n: i32, k: i32) {
  const ta = sharedArray(Float32Array, TILE * TILE);
  const tb = sharedArray(Float32Array, TILE * TILE);
  const tx = threadIdx.x;
  const ty = threadIdx.y;
  const row = blockIdx.y * TILE + ty;
  const col = blockIdx.x * TILE + tx;
  let sum = 0;
  for (let t = 0; t < k; t += TILE) {
    ta[ty * TILE + tx] = row < m && t + tx < k ? a[row * k + t + tx] : 0;
    tb[ty * TILE + tx] = col < n && t + ty < k ? b[(t + ty) * n + col] : 0;
    syncthreads();
    for (let p = 0; p < TILE; p++) {
      sum += ta[ty * TILE + p] * tb[p * TILE + tx];
    }
    syncthreads();
  }
  if (row < m && col < n) {
    c[row * n + col] = sum;
  }
});

export const spec: CaseSpec = {
  kernel: 'matmulTiled',
  make(rng) {
    const m = rng.int(20, 80);
    const n = rng.int(20, 80);
    const k = rng.int(20, 80);
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
