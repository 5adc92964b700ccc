// Less common shapes of helpers that take arrays: one reading threadIdx (a hidden parameter), one
// returning from both branches of an if, one called in a for loop's update, the same helper twice
// in one expression, and one next to a helper with scalar parameters only (which stays a function).
import { kernel, blockDim, blockIdx, threadIdx, f32, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

/** The element of a at this thread's lane within its block, offset by `off`. */
function lane(a: Float32Array, off: i32): f32 {
  return a[off + threadIdx.x];
}

function pick(a: Float32Array, i: i32, j: i32): f32 {
  if (a[i] > a[j]) return a[i] - a[j];
  else return a[j] + 1;
}

/** The next index to visit: i + 1 + (a[i] > 0 ? 1 : 0), and counts the visit in a[i]. */
function step(a: Float32Array, i: i32): i32 {
  const up = a[i] > 0;
  a[i] += 10;
  if (up) return i + 2;
  return i + 1;
}

function poly(v: f32): f32 {
  return v + 2 * v * 3 * v;
}

export const edges = kernel(function edges(x: Float32Array, w: Float32Array, out: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    let s = lane(x, blockIdx.x * blockDim.x) + pick(x, i, (i + 1) % n) * pick(x, (i + 2) % n, i);
    let visits = 0;
    for (let j = 8 * i; j < 8 * i + 8; j = step(w, j)) visits++;
    s += poly(x[i]) + f32(visits);
    out[i] = s;
  }
});

export const spec: CaseSpec = {
  kernel: 'edges',
  make(rng) {
    const n = rng.int(300, 1000);
    return { args: [rng.f32Array(n), rng.f32Array(8 * n + 8), rng.f32Array(n), n], grid: Math.ceil(n / 64), block: 64 };
  },
  reference([x, w, , n]) {
    const xs = x as Float32Array;
    const ws = Float64Array.from(w as Float32Array);
    const out = new Float64Array(n as number);
    const pick = (i: number, j: number): number => (xs[i] > xs[j] ? xs[i] - xs[j] : xs[j] + 1);
    for (let i = 0; i < (n as number); i++) {
      let s = xs[i] + pick(i, (i + 1) % (n as number)) * pick((i + 2) % (n as number), i);
      let visits = 0;
      for (let j = 8 * i; j < 8 * i + 8; ) {
        visits++;
        const up = ws[j] > 0;
        ws[j] += 10;
        j += up ? 2 : 1;
      }
      const v = xs[i];
      s += v + 2 * v * 3 * v + visits;
      out[i] = s;
    }
    return { 1: ws, 2: out };
  },
};
