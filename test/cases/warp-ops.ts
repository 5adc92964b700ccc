// Every warp shuffle and reduction on i32, u32, f32 and f16, with source lanes, deltas and masks
// inside and outside the warp (negative ones too), against a plain reference per warp of the
// device's size (32 on cuda and cpu, the subgroup size on webgpu: 8 on lavapipe).
import { kernel, blockDim, blockIdx, threadIdx, shfl, shflUp, shflDown, shflXor, warpSum, warpMin, warpMax, Float16Array, type i32 } from 'kernelscript';
import type { CaseSpec, HostArg, Rng } from '../helpers/case.js';

export const warpI32 = kernel(function warpI32(x: Int32Array, a: Int32Array, out: Int32Array) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  const v = x[i];
  const k = a[i];
  out[7 * i] = shfl(v, k);
  out[7 * i + 1] = shflUp(v, k);
  out[7 * i + 2] = shflDown(v, k);
  out[7 * i + 3] = shflXor(v, k);
  out[7 * i + 4] = warpSum(v);
  out[7 * i + 5] = warpMin(v);
  out[7 * i + 6] = warpMax(v);
});

export const warpU32 = kernel(function warpU32(x: Uint32Array, a: Uint32Array, out: Uint32Array) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  const v = x[i];
  const k = a[i];
  out[7 * i] = shfl(v, k);
  out[7 * i + 1] = shflUp(v, k);
  out[7 * i + 2] = shflDown(v, k);
  out[7 * i + 3] = shflXor(v, k);
  out[7 * i + 4] = warpSum(v);
  out[7 * i + 5] = warpMin(v);
  out[7 * i + 6] = warpMax(v);
});

export const warpF32 = kernel(function warpF32(x: Float32Array, a: Int32Array, out: Float32Array) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  const v = x[i];
  const k = a[i];
  out[7 * i] = shfl(v, k);
  out[7 * i + 1] = shflUp(v, k);
  out[7 * i + 2] = shflDown(v, k);
  out[7 * i + 3] = shflXor(v, k);
  out[7 * i + 4] = warpSum(v);
  out[7 * i + 5] = warpMin(v);
  out[7 * i + 6] = warpMax(v);
});

export const warpF16 = kernel(function warpF16(x: Float16Array, a: Int32Array, out: Float16Array) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  const v = x[i];
  const k: i32 = a[i];
  out[7 * i] = shfl(v, k);
  out[7 * i + 1] = shflUp(v, k);
  out[7 * i + 2] = shflDown(v, k);
  out[7 * i + 3] = shflXor(v, k);
  out[7 * i + 4] = warpSum(v);
  out[7 * i + 5] = warpMin(v);
  out[7 * i + 6] = warpMax(v);
});

/** Lane operands: mostly inside a warp of 32, some beyond any warp, some negative. */
function lanes(rng: Rng, n: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    a[i] = r < 0.75 ? rng.int(0, 32) : r < 0.9 ? rng.int(32, 200) : rng.int(-40, 0);
  }
  return a;
}

/** The expected outputs, per warp of w lanes; `add` and `round` give the type's sum. */
function expected(x: ArrayLike<number>, a: ArrayLike<number>, w: number, add: (p: number, q: number) => number, butterfly = false): Float64Array {
  const n = x.length;
  const out = new Float64Array(7 * n);
  for (let base = 0; base < n; base += w) {
    const vals = Array.from({ length: w }, (_, l) => x[base + l] as number);
    // Every lane gets one sum: wrapped for integers; for f32 the documented butterfly (steps
    // w/2 … 1, each rounded), which every backend must match bit for bit; in double for f16.
    let sum = 0;
    if (butterfly) {
      const t = [...vals];
      for (let step = w >> 1; step > 0; step >>= 1) {
        const prev = [...t];
        for (let l = 0; l < w; l++) t[l] = Math.fround((prev[l] as number) + (prev[l ^ step] as number));
      }
      sum = t[0] as number;
    } else for (const v of vals) sum = add(sum, v);
    for (let l = 0; l < w; l++) {
      const i = base + l;
      const k = a[i] as number;
      const own = vals[l] as number;
      const u = k >>> 0;
      const pick = (src: number): number => (src >= 0 && src < w ? (vals[src] as number) : own);
      out[7 * i] = vals[u % w] as number;
      out[7 * i + 1] = pick(l - u);
      out[7 * i + 2] = pick(l + u);
      out[7 * i + 3] = pick((l ^ k) >>> 0);
      out[7 * i + 4] = sum;
      out[7 * i + 5] = Math.min(...vals);
      out[7 * i + 6] = Math.max(...vals);
    }
  }
  return out;
}

const shape = (rng: Rng): { blocks: number; block: number; n: number } => {
  const blocks = rng.int(2, 5);
  const block = 64 * rng.int(1, 4);
  return { blocks, block, n: blocks * block };
};
const ws = (d?: { warpSize: number }): number => d?.warpSize ?? 32;

export const specs: CaseSpec[] = [
  {
    kernel: 'warpI32',
    make(rng) {
      const { blocks, block, n } = shape(rng);
      // Large magnitudes, so sums wrap.
      return { args: [rng.i32Array(n, -(2 ** 31), 2 ** 31 - 1), lanes(rng, n), new Int32Array(7 * n)], grid: blocks, block };
    },
    reference([x, a], d) {
      return { 2: expected(x as Int32Array, a as Int32Array, ws(d), (p, q) => (p + q) | 0) };
    },
  },
  {
    kernel: 'warpU32',
    make(rng) {
      const { blocks, block, n } = shape(rng);
      const a = Uint32Array.from(lanes(rng, n));
      return { args: [rng.u32Array(n, 0, 2 ** 32 - 1), a, new Uint32Array(7 * n)], grid: blocks, block };
    },
    reference([x, a], d) {
      return { 2: expected(x as Uint32Array, Int32Array.from(a as Uint32Array), ws(d), (p, q) => (p + q) >>> 0) };
    },
  },
  {
    kernel: 'warpF32',
    make(rng) {
      const { blocks, block, n } = shape(rng);
      return { args: [rng.f32Array(n, -100, 100), lanes(rng, n), new Float32Array(7 * n)], grid: blocks, block };
    },
    reference([x, a], d) {
      return { 2: expected(x as Float32Array, a as Int32Array, ws(d), (p, q) => p + q, true) };
    },
    // Shuffles move values, min and max pick one, and the sum's order is fixed: all exact.
    elementwise: { 2: (got, ref) => Object.is(got, ref) },
  },
  {
    kernel: 'warpF16',
    // f16 outputs: sums rounded once to f16 (11 significant bits).
    tolerance: 1e-3,
    make(rng) {
      const { blocks, block, n } = shape(rng);
      const x = new Float16Array(n);
      for (let i = 0; i < n; i++) x[i] = rng.f32(-4, 4);
      return { args: [x as unknown as HostArg, lanes(rng, n), new Float16Array(7 * n) as unknown as HostArg], grid: blocks, block };
    },
    reference([x, a], d) {
      return { 2: expected(x as unknown as ArrayLike<number>, a as Int32Array, ws(d), (p, q) => p + q) };
    },
  },
];
