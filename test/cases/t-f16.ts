// f16: every operation is computed in f32 and rounded once to f16 (exactly the correctly rounded
// f16 result for + - * /), so the references below model one f16 rounding per operation and most
// compare exactly. Also: f16 scalar parameters, shared f16 memory, literals that take the f16
// type, implicit f16 → f32 widening, f16(...) of an f32, comparisons and Math on f16.
import { kernel, blockDim, blockIdx, sharedArray, syncthreads, threadIdx, f16, Float16Array, type f32, type i32 } from 'kernelscript';
import type { CaseSpec, HostArg } from '../helpers/case.js';
import { f16FromBits, f16round as r } from '../../core/f16.js';

export const axpy16 = kernel(function axpy16(a: f16, x: Float16Array, y: Float16Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] = a * x[i] + y[i];
});

const BLOCK = 128;

export const sum16 = kernel(function sum16(x: Float16Array, partial: Float16Array, scaled: Float32Array, n: i32) {
  const s = sharedArray(Float16Array, BLOCK);
  const t = threadIdx.x;
  const i = blockIdx.x * BLOCK + t;
  let v: f16 = 0;
  // 0.5 takes the f16 type of x[i]; 0.1 below is the f16 nearest 0.1.
  if (i < n) v = x[i] * 0.5;
  s[t] = v;
  syncthreads();
  for (let stride = BLOCK / 2; stride > 0; stride >>= 1) {
    if (t < stride) s[t] += s[t + stride];
    syncthreads();
  }
  if (t === 0) {
    partial[blockIdx.x] = s[0];
    scaled[blockIdx.x] = s[0] * 0.1;
  }
});

export const mix16 = kernel(function mix16(x: Float16Array, f: Float32Array, o16: Float16Array, o32: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    const h = x[i];
    const w: f32 = h;
    o32[i] = w + f[i];
    o16[2 * i] = f16(f[i]);
    o16[2 * i + 1] = h > 0.25 ? Math.sqrt(Math.abs(h)) : -h * 3;
  }
});

/** f16(...) of f32 values around the edges: exact ties, the subnormal range, the overflow boundary. */
export const round16 = kernel(function round16(f: Float32Array, o: Float16Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) o[i] = f16(f[i]);
});

const f16Array = (rng: { f32(lo?: number, hi?: number): number }, n: number, lo = -1, hi = 1): Float16Array => {
  const a = new Float16Array(n);
  for (let k = 0; k < n; k++) a[k] = rng.f32(lo, hi);
  return a;
};

export const specs: CaseSpec[] = [
  {
    kernel: 'round16',
    tolerance: 0,
    make(rng) {
      const n = rng.int(2000, 4000);
      const f = new Float32Array(n);
      for (let k = 0; k < n; k++) {
        // Finite f16 bit patterns below 0x7bff, and the midpoint to the next one: a tie.
        const b = rng.int(0, 0x7bff) | (rng.next() < 0.5 ? 0x8000 : 0);
        const lo = f16FromBits(b);
        const hi = f16FromBits(b + 1);
        const pick = rng.int(0, 4);
        f[k] = pick === 0 ? (lo + hi) / 2 : pick === 1 ? lo + (hi - lo) * rng.next() : pick === 2 ? rng.f32(-1, 1) * 2 ** rng.int(-27, -13) : rng.f32(-65530, 65530);
      }
      return { args: [f, new Float16Array(n), n], grid: Math.ceil(n / 128), block: 128 };
    },
    reference([f]: HostArg[]) {
      return { 1: Float64Array.from(f as Float32Array, (v) => r(v)) };
    },
  },
  {
    kernel: 'axpy16',
    // Exact: f16(f16(a * x) + y) on every device.
    tolerance: 0,
    make(rng) {
      const n = rng.int(1000, 3000);
      return { args: [r(rng.f32(-4, 4)), f16Array(rng, n), f16Array(rng, n), n], grid: Math.ceil(n / 128), block: 128 };
    },
    reference([a, x, y, n]: HostArg[]) {
      const xs = x as Float16Array;
      const ys = Float64Array.from(y as Float16Array);
      for (let k = 0; k < (n as number); k++) ys[k] = r(r((a as number) * (xs[k] as number)) + (ys[k] as number));
      return { 2: ys };
    },
  },
  {
    kernel: 'sum16',
    tolerance: 0,
    make(rng) {
      const n = rng.int(2000, 9000);
      const blocks = Math.ceil(n / BLOCK);
      return { args: [f16Array(rng, n, 0, 1), new Float16Array(blocks), new Float32Array(blocks), n], grid: blocks, block: BLOCK };
    },
    reference([x, partial]: HostArg[]) {
      const xs = x as Float16Array;
      const blocks = (partial as Float16Array).length;
      const p = new Float64Array(blocks);
      const scaled = new Float64Array(blocks);
      for (let b = 0; b < blocks; b++) {
        const s = Array.from({ length: BLOCK }, (_, t) => (b * BLOCK + t < xs.length ? r((xs[b * BLOCK + t] as number) * 0.5) : 0));
        for (let stride = BLOCK / 2; stride > 0; stride >>= 1) for (let t = 0; t < stride; t++) s[t] = r((s[t] as number) + (s[t + stride] as number));
        p[b] = s[0] as number;
        scaled[b] = r((s[0] as number) * r(0.1));
      }
      return { 1: p, 2: scaled };
    },
  },
  {
    kernel: 'mix16',
    // sqrt's f32 result may differ by an ulp between devices (WGSL's is not correctly rounded).
    tolerance: 1e-3,
    make(rng) {
      const n = rng.int(500, 1500);
      return { args: [f16Array(rng, n), rng.f32Array(n, -70000, 70000), new Float16Array(2 * n), new Float32Array(n), n], grid: Math.ceil(n / 64), block: 64 };
    },
    reference([x, f, , , n]: HostArg[]) {
      const m = n as number;
      const o16 = new Float64Array(2 * m);
      const o32 = new Float64Array(m);
      for (let k = 0; k < m; k++) {
        const h = (x as Float16Array)[k] as number;
        const v = (f as Float32Array)[k] as number;
        o32[k] = h + v;
        // Beyond ±65504 f16(...) is ±Infinity, which the comparison skips (non-finite references are not compared).
        o16[2 * k] = r(v);
        o16[2 * k + 1] = h > r(0.25) ? r(Math.sqrt(Math.abs(h))) : r(-h * 3);
      }
      return { 2: o16, 3: o32 };
    },
  },
];
