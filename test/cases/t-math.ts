// Every Math builtin on f32, Math.PI and Math.E. Math.round rounds halves up (JS semantics, not
// WGSL's half-to-even or CUDA's half-away) and is fed exact halves; pow takes negative bases with
// integer exponents.
import { kernel, blockDim, blockIdx, threadIdx, type i32 } from 'kernelscript';
import type { CaseSpec, HostArg } from '../helpers/case.js';

const K = 20;

export const mathFns = kernel(function mathFns(xs: Float32Array, ys: Float32Array, out: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    const x = xs[i];
    const y = ys[i];
    const o = i * 20;
    out[o] = Math.exp(x);
    out[o + 1] = Math.log(y);
    out[o + 2] = Math.sqrt(y);
    out[o + 3] = Math.abs(x);
    out[o + 4] = Math.min(x, y);
    out[o + 5] = Math.max(x, y);
    out[o + 6] = Math.pow(y, x);
    out[o + 7] = Math.pow(x, 3);
    out[o + 8] = Math.floor(x * 3);
    out[o + 9] = Math.ceil(x * 3);
    out[o + 10] = Math.round(Math.floor(x * 8) * 0.5);
    out[o + 11] = Math.sin(x);
    out[o + 12] = Math.cos(x);
    out[o + 13] = Math.tan(x);
    out[o + 14] = Math.tanh(x * 2);
    out[o + 15] = Math.atan2(x, y);
    out[o + 16] = Math.sign(x);
    out[o + 17] = Math.PI * x + Math.E;
    out[o + 18] = Math.round(x * 100);
    out[o + 19] = Math.pow(x, 2);
  }
});

export const spec: CaseSpec = {
  kernel: 'mathFns',
  make(rng) {
    const n = rng.int(200, 700);
    const xs = rng.f32Array(n, -1.3, 1.3);
    xs[0] = 0;
    xs[1] = -0.5;
    return { args: [xs, rng.f32Array(n, 0.1, 3), new Float32Array(n * K), n], grid: Math.ceil(n / 64), block: 64 };
  },
  reference([xs, ys, , n]: HostArg[]) {
    const out = new Float64Array((n as number) * K);
    for (let i = 0; i < (n as number); i++) {
      const x = (xs as Float32Array)[i];
      const y = (ys as Float32Array)[i];
      out.set(
        [
          Math.exp(x), Math.log(y), Math.sqrt(y), Math.abs(x), Math.min(x, y), Math.max(x, y), Math.pow(y, x), x ** 3,
          Math.floor(Math.fround(x * 3)), Math.ceil(Math.fround(x * 3)), Math.round(Math.floor(Math.fround(x * 8)) * 0.5),
          Math.sin(x), Math.cos(x), Math.tan(x), Math.tanh(x * 2), Math.atan2(x, y), Math.sign(x), Math.PI * x + Math.E,
          Math.round(Math.fround(x * 100)), x * x,
        ],
        i * K,
      );
    }
    return { 2: out };
  },
};
