// A grid-stride loop: a fixed, small grid covers an array of any length.
import { kernel, blockDim, blockIdx, gridDim, threadIdx, type f32, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

export const scaleShift = kernel(function scaleShift(x: Float32Array, y: Float32Array, n: i32, scale: f32, shift: f32) {
  const stride = blockDim.x * gridDim.x;
  for (let i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
    y[i] = x[i] * scale + shift;
  }
});

export const spec: CaseSpec = {
  kernel: 'scaleShift',
  make(rng) {
    const n = rng.int(10000, 40000);
    return { args: [rng.f32Array(n), new Float32Array(n), n, rng.f32(), rng.f32()], grid: 7, block: 64 };
  },
  reference([x, , , scale, shift]) {
    return { 1: Float64Array.from(x as Float32Array, (v) => v * (scale as number) + (shift as number)) };
  },
};
