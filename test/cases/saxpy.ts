import { kernel, blockDim, blockIdx, threadIdx, type f32, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

export const saxpy = kernel(function saxpy(a: f32, x: Float32Array, y: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    y[i] = a * x[i] + y[i];
  }
});

export const spec: CaseSpec = {
  kernel: 'saxpy',
  make(rng) {
    const n = rng.int(1000, 3000);
    return { args: [rng.f32(), rng.f32Array(n), rng.f32Array(n), n], grid: Math.ceil(n / 128), block: 128 };
  },
  reference([a, x, y, n]) {
    const xs = x as Float32Array;
    const ys = Float64Array.from(y as Float32Array);
    for (let i = 0; i < (n as number); i++) ys[i] = (a as number) * xs[i] + ys[i];
    return { 2: ys };
  },
};
