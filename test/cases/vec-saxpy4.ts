import { kernel, blockDim, blockIdx, threadIdx, load4, store4, vadd, vscale, type f32, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

// Thread i handles elements 4i … 4i+3 with one 16-byte load of x, one of y and one store; the
// thread after the last full quad handles the tail with scalar accesses of the same arrays.
export const saxpy4 = kernel(function saxpy4(a: f32, x: Float32Array, y: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  const quads = n >> 2;
  if (i < quads) {
    store4(y, i, vadd(vscale(load4(x, i), a), load4(y, i)));
  } else if (i === quads) {
    for (let j = quads * 4; j < n; j++) y[j] = a * x[j] + y[j];
  }
});

export const spec: CaseSpec = {
  kernel: 'saxpy4',
  make(rng) {
    // Not a multiple of 4: the tail is 1–3 elements (or none).
    const n = rng.int(1000, 3000);
    return { args: [rng.f32(), rng.f32Array(n), rng.f32Array(n), n], grid: Math.ceil((n / 4 + 1) / 64), block: 64 };
  },
  reference([a, x, y, n]) {
    const xs = x as Float32Array;
    const ys = Float64Array.from(y as Float32Array);
    for (let i = 0; i < (n as number); i++) ys[i] = (a as number) * xs[i]! + ys[i]!;
    return { 2: ys };
  },
};
