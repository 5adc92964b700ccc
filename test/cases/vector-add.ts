// Blocks × threads: the classic global index, with a bounds check for the ragged last block.
import { kernel, blockDim, blockIdx, threadIdx, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

export const vectorAdd = kernel(function vectorAdd(a: Float32Array, b: Float32Array, c: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    c[i] = a[i] + b[i];
  }
});

export const specs: CaseSpec[] = [256, 100, 1].map((block) => ({
  kernel: 'vectorAdd',
  make(rng) {
    const n = rng.int(1000, 5000);
    return { args: [rng.f32Array(n), rng.f32Array(n), new Float32Array(n), n], grid: Math.ceil(n / block), block };
  },
  reference([a, b]) {
    const x = a as Float32Array;
    const y = b as Float32Array;
    return { 2: Float64Array.from(x, (v, i) => v + y[i]) };
  },
}));
