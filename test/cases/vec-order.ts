// Vector code in statements that also write memory keeps JavaScript's left-to-right order: a
// helper that writes through store4 runs after the element read before it, and vector operands
// whose components run atomics run all of the first operand before the second. The reference runs
// the same statements in plain JavaScript (small integers, exact in f32 and float64 alike).
import { kernel, atomicAdd, blockDim, blockIdx, threadIdx, f32, load4, store4, vadd, vec4f, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

/** Writes v to elements 4i … 4i+3 of a; returns 1. */
function put4(a: Float32Array, i: i32, v: f32): f32 {
  store4(a, i, vec4f(v));
  return 1;
}

/** Adds 10 to a[j]; returns 0. */
function bump(a: Float32Array, j: i32): f32 {
  a[j] += 10;
  return 0;
}

export const vecOrder = kernel(function vecOrder(w: Float32Array, cnt: Int32Array, out: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    out[4 * i] = w[4 * i] + put4(w, i, out[4 * i + 1]);
    const v = vadd(vec4f(f32(atomicAdd(cnt, i, 1)), f32(atomicAdd(cnt, i, 1)), 0, 0), vec4f(f32(atomicAdd(cnt, i, 1)) * 10, f32(atomicAdd(cnt, i, 1)) * 10, 0, 0));
    out[4 * i + 1] = v.x;
    out[4 * i + 2] = v.y;
    const b = bump(w, 4 * i);
    out[4 * i + 3] = b + load4(w, i).x;
  }
});

export const spec: CaseSpec = {
  kernel: 'vecOrder',
  make(rng) {
    const n = rng.int(100, 600);
    const w = Float32Array.from({ length: 4 * n }, () => rng.int(-50, 50));
    const out = Float32Array.from({ length: 4 * n }, () => rng.int(-50, 50));
    return { args: [w, rng.i32Array(n, 0, 20), out, n], grid: Math.ceil(n / 64), block: 64 };
  },
  reference([w, cnt, out, n]) {
    const ws = Float64Array.from(w as Float32Array);
    const cs = Int32Array.from(cnt as Int32Array);
    const os = Float64Array.from(out as Float32Array);
    for (let i = 0; i < (n as number); i++) {
      const old = ws[4 * i]!;
      ws.fill(os[4 * i + 1]!, 4 * i, 4 * i + 4);
      os[4 * i] = old + 1;
      const a0 = cs[i]++;
      const a1 = cs[i]++;
      const b0 = cs[i]++ * 10;
      const b1 = cs[i]++ * 10;
      os[4 * i + 1] = a0 + b0;
      os[4 * i + 2] = a1 + b1;
      ws[4 * i] += 10;
      os[4 * i + 3] = ws[4 * i]!;
    }
    return { 0: ws, 1: cs, 2: os };
  },
};
