// A 1-D launch of more than 65535 blocks (the WebGPU per-dimension limit), which the webgpu device
// folds into two dimensions: every block must still see its own blockIdx.x and the full gridDim.x.
import { kernel, blockDim, blockIdx, gridDim, threadIdx, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

export const wideGrid = kernel(function wideGrid(x: Float32Array, y: Float32Array, left: Int32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    y[i] = x[i] * 2 + 1;
    left[i] = gridDim.x - blockIdx.x;
  }
});

export const spec: CaseSpec = {
  kernel: 'wideGrid',
  make(rng) {
    const blocks = 70000 + rng.int(0, 100);
    const n = blocks * 32 - rng.int(0, 32);
    return { args: [rng.f32Array(n), new Float32Array(n), new Int32Array(n), n], grid: blocks, block: 32 };
  },
  reference([x, , , n]) {
    const blocks = Math.ceil((n as number) / 32);
    return {
      1: Float64Array.from(x as Float32Array, (v) => v * 2 + 1),
      2: Int32Array.from({ length: n as number }, (_, i) => blocks - Math.floor(i / 32)),
    };
  },
};
