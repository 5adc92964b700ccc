// Warps inside blocks: a block sum (warpSum, partials in shared memory, then the warps of the first
// 32 threads under `threadIdx.x < 32`), an inclusive scan by shflUp, and votes (warpAny, warpAll,
// warpBallot), each against a plain reference per warp of the device's warp size.
import { kernel, blockDim, blockIdx, threadIdx, laneId, warpSize, sharedArray, syncthreads, atomicAdd, warpSum, warpMax, warpAny, warpAll, warpBallot, shflUp, u32, type f32, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

export const blockSum = kernel(function blockSum(x: Float32Array, out: Float32Array, n: i32) {
  // One partial per warp: 256 threads have at most 32 warps (of 8 lanes or more).
  const part = sharedArray(Float32Array, 32);
  let v: f32 = 0;
  for (let i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * 4) v += x[i];
  v = warpSum(v);
  if (laneId === 0) part[threadIdx.x / warpSize] = v;
  syncthreads();
  if (threadIdx.x < 32) {
    const warps = blockDim.x / warpSize;
    const p = threadIdx.x < warps ? part[threadIdx.x] : 0;
    const s = warpSum(p);
    if (laneId === 0) atomicAdd(out, blockIdx.x, s);
  }
});

export const warpScan = kernel(function warpScan(x: Int32Array, out: Int32Array) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  let v = x[i];
  for (let d = 1; d < warpSize; d <<= 1) {
    const t = shflUp(v, d);
    if (laneId >= d) v += t;
  }
  out[i] = v;
});

export const votes = kernel(function votes(x: Float32Array, t: Float32Array, out: Uint32Array) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  const p = x[i] > t[i / warpSize];
  out[3 * i] = u32(warpAny(p));
  out[3 * i + 1] = u32(warpAll(p));
  out[3 * i + 2] = warpBallot(p);
});

// Softmax of each row of x (rows × cols), one warp per row: blocks of blockDim.y rows of warps.
export const rowSoftmax = kernel(function rowSoftmax(x: Float32Array, y: Float32Array, rows: i32, cols: i32) {
  const warpsPerRow = blockDim.x / warpSize;
  const row = (blockIdx.x * blockDim.y + threadIdx.y) * warpsPerRow + threadIdx.x / warpSize;
  // The row is uniform across each warp, so every lane of a warp takes the same branch.
  if (row < rows) {
    let m = -Infinity;
    for (let j = laneId; j < cols; j += warpSize) m = Math.max(m, x[row * cols + j]);
    m = warpMax(m);
    let s: f32 = 0;
    for (let j = laneId; j < cols; j += warpSize) s += Math.exp(x[row * cols + j] - m);
    s = warpSum(s);
    for (let j = laneId; j < cols; j += warpSize) y[row * cols + j] = Math.exp(x[row * cols + j] - m) / s;
  }
});

const ws = (d?: { warpSize: number }): number => d?.warpSize ?? 32;

export const specs: CaseSpec[] = [
  {
    kernel: 'rowSoftmax',
    tolerance: 1e-5,
    make(rng) {
      const rows = rng.int(10, 40);
      const cols = rng.int(1, 100);
      // Blocks of 32 × 4 threads: 4 × (32 / warpSize) rows each, at least 4.
      return { args: [rng.f32Array(rows * cols, -5, 5), new Float32Array(rows * cols), rows, cols], grid: Math.ceil(rows / 4), block: [32, 4] };
    },
    reference([x, , rows, cols]) {
      const xs = x as Float32Array;
      const r = new Float64Array(xs.length);
      for (let i = 0; i < (rows as number); i++) {
        const row = Array.from(xs.subarray(i * (cols as number), (i + 1) * (cols as number)));
        const m = Math.max(...row);
        const s = row.reduce((a, v) => a + Math.exp(v - m), 0);
        row.forEach((v, j) => (r[i * (cols as number) + j] = Math.exp(v - m) / s));
      }
      return { 1: r };
    },
  },
  {
    kernel: 'blockSum',
    tolerance: 1e-5,
    make(rng) {
      const n = rng.int(3000, 9000);
      // Four blocks stride over x; out starts with values of its own, added to.
      return { args: [rng.f32Array(n), rng.f32Array(4), n], grid: 4, block: 256 };
    },
    reference([x, out, n]) {
      const xs = x as Float32Array;
      const r = Float64Array.from(out as Float32Array);
      for (let i = 0; i < (n as number); i++) r[Math.floor(i / 256) % 4] += xs[i] as number;
      return { 1: r };
    },
  },
  {
    kernel: 'warpScan',
    make(rng) {
      const n = 128 * rng.int(2, 6);
      return { args: [rng.i32Array(n), new Int32Array(n)], grid: n / 128, block: 128 };
    },
    reference([x], d) {
      const xs = x as Int32Array;
      const w = ws(d);
      const r = new Int32Array(xs.length);
      for (let i = 0; i < xs.length; i++) r[i] = (i % w === 0 ? 0 : (r[i - 1] as number)) + (xs[i] as number);
      return { 1: r };
    },
  },
  {
    kernel: 'votes',
    make(rng) {
      const n = 64 * rng.int(2, 8);
      // Per warp a threshold: below all values (all true), above all (none), or in between (some).
      const t = new Float32Array(n);
      for (let j = 0; j < n; j++) t[j] = [-2, 2, rng.f32(-0.5, 0.5)][rng.int(0, 3)] as number;
      return { args: [rng.f32Array(n), t, new Uint32Array(3 * n)], grid: n / 64, block: 64 };
    },
    reference([x, t], d) {
      const xs = x as Float32Array;
      const ts = t as Float32Array;
      const w = ws(d);
      const r = new Uint32Array(3 * xs.length);
      for (let base = 0; base < xs.length; base += w) {
        const ps = Array.from({ length: w }, (_, l) => (xs[base + l] as number) > (ts[Math.floor((base + l) / w)] as number));
        const mask = ps.reduce((m, p, l) => (p && l < 32 ? (m | (1 << l)) >>> 0 : m), 0);
        for (let l = 0; l < w; l++) {
          r[3 * (base + l)] = ps.some((p) => p) ? 1 : 0;
          r[3 * (base + l) + 1] = ps.every((p) => p) ? 1 : 0;
          r[3 * (base + l) + 2] = mask;
        }
      }
      return { 2: r };
    },
  },
];
