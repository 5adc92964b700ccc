// Helpers that take vectors: each vector parameter travels as its components, so a scalar-only
// helper with vector parameters stays a function on every target. The reference computes the same
// f32 operations in the same order.
import { kernel, blockDim, blockIdx, threadIdx, load4, vec4f, vadd, vscale, dot, f32, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

/** The sum of the components of (1 - t)·a + t·b. */
function lerpSum(a: vec4f, b: vec4f, t: f32): f32 {
  return dot(vadd(vscale(a, 1 - t), vscale(b, t)), vec4f(1));
}

export const vecParams = kernel(function vecParams(x: Float32Array, y: Float32Array, t: f32, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    const b = vec4f(1, 2, 3, f32(i));
    y[i] = lerpSum(load4(x, i), b, t) + lerpSum(b, b, t);
  }
});

export const spec: CaseSpec = {
  kernel: 'vecParams',
  make(rng) {
    const n = rng.int(200, 900);
    return { args: [rng.f32Array(4 * n), rng.f32Array(n), rng.f32(0, 1), n], grid: Math.ceil(n / 64), block: 64 };
  },
  reference([x, y, t, n]) {
    const xs = x as Float32Array;
    const out = Float64Array.from(y as Float32Array);
    const T = t as number;
    const lerpSum = (a: number[], b: number[]): number => {
      const s = 1 - T;
      return a.map((ai, k) => ai * s + (b[k] ?? 0) * T).reduce((p, q) => p + q);
    };
    for (let i = 0; i < (n as number); i++) {
      const a = [xs[4 * i] ?? 0, xs[4 * i + 1] ?? 0, xs[4 * i + 2] ?? 0, xs[4 * i + 3] ?? 0];
      const b = [1, 2, 3, i];
      out[i] = lerpSum(a, b) + lerpSum(b, b);
    }
    return { 1: out };
  },
};
