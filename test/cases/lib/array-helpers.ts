// Helpers taking arrays, imported by test/cases/helper-chain.ts (a module in lib/, so not a case).
import type { f32, i32 } from 'kernelscript';

export function axpyAt(a: f32, x: Float32Array, y: Float32Array, i: i32): void {
  y[i] = a * x[i] + y[i];
}

/** y[off…off+n) += a·x[off…off+n), through axpyAt (arrays passed on). */
export function axpyRange(a: f32, x: Float32Array, y: Float32Array, off: i32, n: i32): void {
  for (let j = 0; j < n; j++) axpyAt(a, x, y, off + j);
}

/** The sum of a[off…off+n), in a helper that calls a local one. */
export function sumRange(a: Float32Array, off: i32, n: i32): f32 {
  let s: f32 = 0;
  for (let j = 0; j < n; j++) s += at(a, off + j);
  return s;
}

function at(a: Float32Array, i: i32): f32 {
  return a[i];
}
