// Math.cbrt on f32: negative and positive values over many magnitudes, exact cubes, and zeros.
// WGSL has no cbrt (targets/wgsl/ops.ts spells it with pow on |x|); CUDA has cbrtf.
import { kernel, blockDim, blockIdx, threadIdx, type i32 } from 'kernelscript';
import type { CaseSpec, HostArg } from '../helpers/case.js';

export const cubeRoots = kernel(function cubeRoots(xs: Float32Array, out: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    out[2 * i] = Math.cbrt(xs[i]);
    out[2 * i + 1] = Math.cbrt(xs[i] * xs[i] * xs[i]);
  }
});

export const spec: CaseSpec = {
  kernel: 'cubeRoots',
  make(rng) {
    const n = rng.int(200, 600);
    const xs = new Float32Array(n);
    for (let i = 0; i < n; i++) xs[i] = rng.f32(-1, 1) * 10 ** rng.int(-6, 7);
    xs[0] = 0;
    xs[1] = -0;
    xs[2] = 27;
    xs[3] = -8;
    return { args: [xs, new Float32Array(2 * n), n], grid: Math.ceil(n / 64), block: 64 };
  },
  reference([xs, , n]: HostArg[]) {
    const out = new Float64Array(2 * (n as number));
    for (let i = 0; i < (n as number); i++) {
      const x = (xs as Float32Array)[i];
      out[2 * i] = Math.cbrt(x);
      out[2 * i + 1] = Math.cbrt(Math.fround(Math.fround(x * x) * x));
    }
    return { 1: out };
  },
};
