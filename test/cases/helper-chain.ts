// Helpers calling helpers and passing their arrays on, imported from another file
// (lib/array-helpers.ts), and called from a helper of this file.
import { kernel, blockDim, blockIdx, threadIdx, type f32, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';
import { axpyRange, sumRange } from './lib/array-helpers.js';

/** Two axpy passes over one row, then the row's new sum. */
function twice(a: f32, x: Float32Array, y: Float32Array, off: i32, n: i32): f32 {
  axpyRange(a, x, y, off, n);
  axpyRange(-0.5 * a, y, x, off, n);
  return sumRange(y, off, n);
}

export const chain = kernel(function chain(a: f32, x: Float32Array, y: Float32Array, sums: Float32Array, rows: i32, m: i32) {
  const r = blockIdx.x * blockDim.x + threadIdx.x;
  if (r < rows) sums[r] = twice(a, x, y, r * m, m) + sumRange(x, r * m, m);
});

export const spec: CaseSpec = {
  kernel: 'chain',
  make(rng) {
    const rows = rng.int(200, 700);
    const m = rng.int(4, 24);
    return { args: [rng.f32(0.5, 2), rng.f32Array(rows * m), rng.f32Array(rows * m), rng.f32Array(rows), rows, m], grid: Math.ceil(rows / 64), block: 64 };
  },
  reference([a, x, y, , rows, m]) {
    const xs = Float64Array.from(x as Float32Array);
    const ys = Float64Array.from(y as Float32Array);
    const al = a as number;
    const sums = new Float64Array(rows as number);
    for (let r = 0; r < (rows as number); r++) {
      let sy = 0;
      let sx = 0;
      for (let j = r * (m as number); j < (r + 1) * (m as number); j++) {
        ys[j] = al * xs[j] + ys[j];
        xs[j] = -0.5 * al * ys[j] + xs[j];
        sy += ys[j];
        sx += xs[j];
      }
      sums[r] = sy + sx;
    }
    return { 1: xs, 2: ys, 3: sums };
  },
};
