// Calls of a helper that writes memory, inside larger expressions: whatever JavaScript reads before
// the call sees memory as it was (array elements, an atomic's old value), the right operand of
// && and the arms of ?: run only when chosen, and calls in while, for and do…while conditions run
// once per test. The reference runs the same statements in plain JavaScript (values stay small
// integers and halves, exact in f32 and float64 alike).
import { kernel, atomicAdd, blockDim, blockIdx, threadIdx, f32, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

/** Doubles a[i] and adds d; returns the old value. */
function bump(a: Float32Array, i: i32, d: f32): f32 {
  const old = a[i];
  a[i] = old * 2 + d;
  return old;
}

export const order = kernel(function order(x: Float32Array, out: Float32Array, calls: Int32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    const a = x[i] - bump(x, i, 1) * x[i];
    const b = x[i] > 0 && bump(x, i, 0.5) > 1 ? bump(x, i, -1) : x[i] + bump(x, i, 2);
    let k = 0;
    while (bump(x, i, 0) < 40 && k < 3) k++;
    for (let j = 0; Math.abs(bump(x, i, -0.5)) < 200 && j < 4; j++) k += 10;
    do {
      k += 100;
    } while (bump(x, i, 0.25) < 50 && k < 500);
    const c = f32(atomicAdd(calls, i, 1)) + bump(x, i, 0) + f32(calls[i]);
    out[i] = a + b * 3 + f32(k) + c;
    x[i] = x[i] + bump(x, i, 0.5);
  }
});

/** The kernel's body for thread i, in plain JavaScript on float64 values. */
function orderRef(x: Float64Array, out: Float64Array, calls: Int32Array, i: number): void {
  const bump = (a: Float64Array, j: number, d: number): number => {
    const old = a[j];
    a[j] = old * 2 + d;
    return old;
  };
  const a = x[i] - bump(x, i, 1) * x[i];
  const b = x[i] > 0 && bump(x, i, 0.5) > 1 ? bump(x, i, -1) : x[i] + bump(x, i, 2);
  let k = 0;
  while (bump(x, i, 0) < 40 && k < 3) k++;
  for (let j = 0; Math.abs(bump(x, i, -0.5)) < 200 && j < 4; j++) k += 10;
  do {
    k += 100;
  } while (bump(x, i, 0.25) < 50 && k < 500);
  const c = calls[i]++ + bump(x, i, 0) + calls[i];
  out[i] = a + b * 3 + k + c;
  x[i] = x[i] + bump(x, i, 0.5);
}

export const spec: CaseSpec = {
  kernel: 'order',
  make(rng) {
    const n = rng.int(300, 1200);
    const x = Float32Array.from({ length: n }, () => rng.int(-8, 9) / 2);
    return { args: [x, rng.f32Array(n), rng.i32Array(n, 0, 10), n], grid: Math.ceil(n / 64), block: 64 };
  },
  reference([x, out, calls, n]) {
    const xs = Float64Array.from(x as Float32Array);
    const os = Float64Array.from(out as Float32Array);
    const cs = Int32Array.from(calls as Int32Array);
    for (let i = 0; i < (n as number); i++) orderRef(xs, os, cs, i);
    return { 0: xs, 1: os, 2: cs };
  },
};
