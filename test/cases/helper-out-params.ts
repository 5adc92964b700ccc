// Void helpers writing through array parameters (out-parameters): into a global array, into a
// per-thread array, and from one per-thread array into another; an early `return` from inside
// nested loops of a void helper.
import { kernel, blockDim, blockIdx, localArray, threadIdx, type f32, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

function minMax(a: Float32Array, off: i32, n: i32, out: Float32Array, o: i32): void {
  let lo = a[off];
  let hi = a[off];
  for (let j = 1; j < n; j++) {
    lo = Math.min(lo, a[off + j]);
    hi = Math.max(hi, a[off + j]);
  }
  out[o] = lo;
  out[o + 1] = hi;
}

function scaleInto(src: Float32Array, dst: Float32Array, n: i32, s: f32): void {
  for (let j = 0; j < n; j++) dst[j] = src[j] * s;
}

/** Adds 1 to the flag of the first element of a w×h tile at `off` above v (row by row); negates flags[off] if none. */
function markFirst(a: Float32Array, flags: Int32Array, off: i32, w: i32, h: i32, v: f32): void {
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (a[off + y * w + x] > v) {
        flags[off + y * w + x] += 1;
        return;
      }
    }
  }
  flags[off] = -flags[off];
}

export const outParams = kernel(function outParams(a: Float32Array, mm: Float32Array, spread: Float32Array, flags: Int32Array, rows: i32, w: i32, h: i32, v: f32) {
  const r = blockIdx.x * blockDim.x + threadIdx.x;
  if (r < rows) {
    const m = w * h;
    minMax(a, r * m, m, mm, 2 * r);
    const t = localArray(Float32Array, 2);
    minMax(a, r * m, m, t, 0);
    const u = localArray(Float32Array, 2);
    scaleInto(t, u, 2, 3);
    spread[r] = u[1] - u[0];
    markFirst(a, flags, r * m, w, h, v);
  }
});

export const spec: CaseSpec = {
  kernel: 'outParams',
  make(rng) {
    const rows = rng.int(200, 700);
    const w = rng.int(2, 6);
    const h = rng.int(2, 6);
    const m = w * h;
    const v = Math.fround(2 * 0.3 ** (1 / m) - 1);
    return {
      args: [rng.f32Array(rows * m), rng.f32Array(2 * rows), rng.f32Array(rows), rng.i32Array(rows * m, 2, 100), rows, w, h, v],
      grid: Math.ceil(rows / 64),
      block: 64,
    };
  },
  reference([a, , , f, rows, w, h, v]) {
    const as = a as Float32Array;
    const m = (w as number) * (h as number);
    const mm = new Float64Array(2 * (rows as number));
    const spread = new Float64Array(rows as number);
    const flags = Int32Array.from(f as Int32Array);
    for (let r = 0; r < (rows as number); r++) {
      const row = Array.from(as.subarray(r * m, (r + 1) * m));
      mm[2 * r] = Math.min(...row);
      mm[2 * r + 1] = Math.max(...row);
      spread[r] = 3 * mm[2 * r + 1] - 3 * mm[2 * r];
      const j = row.findIndex((x) => x > (v as number));
      if (j < 0) flags[r * m] = -flags[r * m];
      else flags[r * m + j] += 1;
    }
    return { 1: mm, 2: spread, 3: flags };
  },
};
