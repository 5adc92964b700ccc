// console.log in kernels, as compiled for every target (goldens; nvcc with warnings as errors). The
// prints run only when `verbose` is true, which the execution test leaves false: there the case
// checks that printing code leaves the kernel's results alone. test/exec/print.test.ts checks the
// printed lines themselves.
import { kernel, blockDim, blockIdx, threadIdx, f32, u32, type bool, type f64, type i32 } from 'kernelscript';
import type { CaseSpec, HostArg } from '../helpers/case.js';

export const printEach = kernel(function printEach(verbose: bool, x: Float32Array, y: Int32Array, out: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    const v = x[i] * 2 + f32(y[i]);
    if (verbose) {
      console.log('i=%d %i u=%u x=%x X=%X', i, y[i], u32(y[i]), y[i], u32(i) * 7919);
      console.log('%f|%.3e|%g|%s|%5d|%-8.2f|%+d|%05x|100%%', x[i], v, v, i > 3, i, x[i], y[i], i);
      console.log(`v = ${v}, odd ${(i & 1) === 1}`, 'y', y[i], u32(i));
      note(i, v);
    }
    out[i] = v;
  }
});

/** A helper that prints: inlined (a print is an effect), its line is its own. */
function note(i: i32, v: f32): void {
  if (v > 0) console.log('note %d: %.2f "positive"?', i, v);
}

export const print64 = kernel(function print64(verbose: bool, x: Float64Array, out: Float64Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    const d: f64 = x[i] * 3;
    if (verbose) console.log('%.17g %e', d, x[i]);
    out[i] = d;
  }
});

export const specs: CaseSpec[] = [
  {
    kernel: 'printEach',
    make(rng) {
      const n = rng.int(100, 400);
      return { args: [false, rng.f32Array(n, -4, 4), Int32Array.from({ length: n }, () => rng.int(-1000, 1000)), new Float32Array(n), n], grid: Math.ceil(n / 64), block: 64 };
    },
    reference([, x, y, , n]: HostArg[]) {
      const xs = x as Float32Array;
      const ys = y as Int32Array;
      return { 3: Float64Array.from({ length: n as number }, (_, i) => Math.fround(Math.fround((xs[i] ?? 0) * 2) + (ys[i] ?? 0))) };
    },
  },
  {
    kernel: 'print64',
    only: { backends: ['cpu', 'cuda'], reason: 'WGSL has no f64 (the compiler refuses it for webgpu, KS8015)' },
    make(rng) {
      const n = rng.int(100, 400);
      return { args: [false, Float64Array.from({ length: n }, () => rng.next() * 10 - 5), new Float64Array(n), n], grid: Math.ceil(n / 64), block: 64 };
    },
    reference([, x, , n]: HostArg[]) {
      const xs = x as Float64Array;
      return { 2: Float64Array.from({ length: n as number }, (_, i) => (xs[i] ?? 0) * 3) };
    },
  },
];
