// One block per element: grid = n, block = 1, so blockIdx.x alone indexes.
import { kernel, blockIdx, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

export const vectorAddBlocks = kernel(function vectorAddBlocks(a: Float32Array, b: Float32Array, c: Float32Array, n: i32) {
  const i = blockIdx.x;
  if (i < n) {
    c[i] = a[i] + b[i];
  }
});

export const spec: CaseSpec = {
  kernel: 'vectorAddBlocks',
  make(rng) {
    const n = rng.int(500, 2000);
    return { args: [rng.f32Array(n), rng.f32Array(n), new Float32Array(n), n], grid: n, block: 1 };
  },
  reference([a, b]) {
    const x = a as Float32Array;
    const y = b as Float32Array;
    return { 2: Float64Array.from(x, (v, i) => v + y[i]) };
  },
};
