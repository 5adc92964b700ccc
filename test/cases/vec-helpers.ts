import { kernel, blockDim, blockIdx, threadIdx, dot, load4, sharedArray, store4, vec2f, vec4f, type f32, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

// Vectors inside helpers: a helper taking an array loads or stores a quad of whatever array it is
// given (a parameter or a shared array), and a scalar helper computes with vectors of its own.
// (A per-thread array passed to such a helper is KS6014.)
function sum4(a: Float32Array, i: i32): f32 {
  const v = load4(a, i);
  return v.x + v.y + v.z + v.w;
}

function put4(a: Float32Array, i: i32, s: f32): void {
  store4(a, i, vec4f(s, 2 * s, 3 * s, 4 * s));
}

function norm2(x: f32, y: f32): f32 {
  const v = vec2f(x, y);
  return dot(v, v);
}

export const vecHelpers = kernel(function vecHelpers(x: Float32Array, out: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  const t = sharedArray(Float32Array, 4 * 64);
  put4(t, threadIdx.x, x[4 * i]);
  out[2 * i] = sum4(x, i) + norm2(x[4 * i + 1], 1);
  out[2 * i + 1] = sum4(t, threadIdx.x);
});

export const spec: CaseSpec = {
  kernel: 'vecHelpers',
  make(rng) {
    const n = rng.int(300, 700);
    return { args: [rng.f32Array(4 * n), new Float32Array(2 * n), n], grid: Math.ceil(n / 64), block: 64 };
  },
  reference([x0, , n]) {
    const x = x0 as Float32Array;
    const out = new Float64Array(2 * (n as number));
    for (let i = 0; i < (n as number); i++) {
      const q = [0, 1, 2, 3].map((j) => x[4 * i + j]!);
      out[2 * i] = q[0]! + q[1]! + q[2]! + q[3]! + q[1]! * q[1]! + 1;
      out[2 * i + 1] = 10 * q[0]!;
    }
    return { 1: out };
  },
};
