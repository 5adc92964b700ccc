// Helpers that take global arrays and return a value: a dot product over one row of two matrices
// (the same helper called with different arrays, and with one array twice), and a search that
// returns from inside its loop.
import { kernel, blockDim, blockIdx, threadIdx, type f32, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

function dot(a: Float32Array, b: Float32Array, off: i32, n: i32): f32 {
  let s: f32 = 0;
  for (let j = 0; j < n; j++) s += a[off + j] * b[off + j];
  return s;
}

/** The index in [0, n) of the first element of a[off…] above v, or -1. */
function firstAbove(a: Float32Array, off: i32, n: i32, v: f32): i32 {
  for (let j = 0; j < n; j++) {
    if (a[off + j] > v) return j;
  }
  return -1;
}

export const rowDots = kernel(function rowDots(a: Float32Array, b: Float32Array, out: Float32Array, first: Int32Array, rows: i32, m: i32, v: f32) {
  const r = blockIdx.x * blockDim.x + threadIdx.x;
  if (r < rows) {
    out[r] = dot(a, b, r * m, m) * 0.5 + dot(a, a, r * m, m);
    first[r] = firstAbove(b, r * m, m, v);
  }
});

export const spec: CaseSpec = {
  kernel: 'rowDots',
  make(rng) {
    const rows = rng.int(300, 900);
    const m = rng.int(8, 40);
    const a = rng.f32Array(rows * m);
    const b = rng.f32Array(rows * m);
    // About one row in four has no element above v.
    return { args: [a, b, rng.f32Array(rows), rng.i32Array(rows), rows, m, Math.fround(2 * 0.25 ** (1 / m) - 1)], grid: Math.ceil(rows / 64), block: 64 };
  },
  reference([a, b, , , rows, m, v]) {
    const as = a as Float32Array;
    const bs = b as Float32Array;
    const out = new Float64Array(rows as number);
    const first = new Int32Array(rows as number);
    for (let r = 0; r < (rows as number); r++) {
      let ab = 0;
      let aa = 0;
      first[r] = -1;
      for (let j = 0; j < (m as number); j++) {
        const k = r * (m as number) + j;
        ab += as[k] * bs[k];
        aa += as[k] * as[k];
        if (first[r] === -1 && bs[k] > (v as number)) first[r] = j;
      }
      out[r] = ab * 0.5 + aa;
    }
    return { 2: out, 3: first };
  },
};
