// Block-sized shared memory: sharedArray lengths computed from blockDim, sized at launch. A block
// reduction over a `blockDim.x`-long array at three block sizes (one not a power of two); two
// block-sized arrays of different element types beside a constant one (each starts 16-byte
// aligned: the first holds blockDim.x + 1 i32s, so a wrong offset overlaps the second); and a 2-D
// tile of blockDim.x * blockDim.y elements.
import { kernel, atomicAdd, blockDim, blockIdx, sharedArray, syncthreads, threadIdx, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

const BINS = 8;

export const blockReduce = kernel(function blockReduce(x: Float32Array, partial: Float32Array, n: i32) {
  const s = sharedArray(Float32Array, blockDim.x);
  const t = threadIdx.x;
  const i = blockIdx.x * blockDim.x + t;
  s[t] = i < n ? x[i] : 0;
  syncthreads();
  // Pairs at doubling distances: any block size, not only powers of two.
  for (let d = 1; d < blockDim.x; d *= 2) {
    if (t % (2 * d) === 0 && t + d < blockDim.x) s[t] += s[t + d];
    syncthreads();
  }
  if (t === 0) partial[blockIdx.x] = s[0];
});

export const mixedShared = kernel(function mixedShared(x: Int32Array, y: Float32Array, out: Float32Array, bins: Uint32Array) {
  const a = sharedArray(Int32Array, blockDim.x + 1);
  const b = sharedArray(Float32Array, blockDim.x << 1);
  const c = sharedArray(Uint32Array, BINS);
  const t = threadIdx.x;
  const n = blockDim.x;
  const i = blockIdx.x * n + t;
  a[t] = x[i];
  if (t === 0) a[n] = x[blockIdx.x * n + n - 1] * 3;
  b[2 * t] = y[i];
  b[2 * t + 1] = y[i] * 0.5;
  if (t < BINS) c[t] = 0;
  syncthreads();
  atomicAdd(c, x[i] & (BINS - 1), 1);
  // Each thread reads other threads' elements: the last one of `a` and the start of `b` too.
  out[i] = a[n - t] + b[2 * (n - 1 - t)] + b[2 * t + 1];
  syncthreads();
  if (t < BINS) bins[blockIdx.x * BINS + t] = c[t];
});

export const tile2d = kernel(function tile2d(x: Float32Array, out: Float32Array, width: i32) {
  const tile = sharedArray(Float32Array, blockDim.x * blockDim.y);
  const tx = threadIdx.x;
  const ty = threadIdx.y;
  const gx = blockIdx.x * blockDim.x + tx;
  const gy = blockIdx.y * blockDim.y + ty;
  const local = ty * blockDim.x + tx;
  tile[local] = x[gy * width + gx];
  syncthreads();
  // The block's elements in reverse order: every thread reads another's.
  out[gy * width + gx] = tile[blockDim.x * blockDim.y - 1 - local] * 2;
});

function reduceSpec(block: number): CaseSpec {
  return {
    kernel: 'blockReduce',
    make(rng) {
      const n = rng.int(block * 5, block * 20);
      const blocks = Math.ceil(n / block);
      // Positive inputs keep the sums away from cancellation, so a relative tolerance is meaningful.
      return { args: [rng.f32Array(n, 0, 1), new Float32Array(blocks), n], grid: blocks, block };
    },
    reference([x, partial]) {
      const xs = x as Float32Array;
      const p = new Float64Array((partial as Float32Array).length);
      for (let i = 0; i < xs.length; i++) p[Math.floor(i / block)] += xs[i] as number;
      return { 1: p };
    },
  };
}

const MIXED_BLOCK = 40;

const mixedSpec: CaseSpec = {
  kernel: 'mixedShared',
  make(rng) {
    const blocks = rng.int(3, 9);
    const n = blocks * MIXED_BLOCK;
    return {
      args: [rng.i32Array(n, -1000, 1000), rng.f32Array(n), new Float32Array(n), new Uint32Array(blocks * BINS)],
      grid: blocks,
      block: MIXED_BLOCK,
    };
  },
  reference([x, y, out, bins]) {
    const xs = x as Int32Array;
    const ys = y as Float32Array;
    const o = new Float64Array((out as Float32Array).length);
    const h = new Float64Array((bins as Uint32Array).length);
    const N = MIXED_BLOCK;
    for (let blk = 0; blk < xs.length / N; blk++) {
      const base = blk * N;
      const a = (k: number): number => (k === N ? (xs[base + N - 1] as number) * 3 : (xs[base + k] as number));
      for (let t = 0; t < N; t++) {
        o[base + t] = a(N - t) + (ys[base + N - 1 - t] as number) + (ys[base + t] as number) * 0.5;
        h[blk * BINS + ((xs[base + t] as number) & (BINS - 1))]++;
      }
    }
    return { 2: o, 3: h };
  },
};

const TILE: [number, number] = [12, 6];

const tileSpec: CaseSpec = {
  kernel: 'tile2d',
  make(rng) {
    const gx = rng.int(2, 6);
    const gy = rng.int(2, 5);
    const width = gx * TILE[0];
    return { args: [rng.f32Array(width * gy * TILE[1]), new Float32Array(width * gy * TILE[1]), width], grid: [gx, gy], block: TILE };
  },
  reference([x, out, width]) {
    const xs = x as Float32Array;
    const w = width as number;
    const o = new Float64Array((out as Float32Array).length);
    const [bx, by] = TILE;
    for (let gy = 0; gy < xs.length / w; gy++) {
      for (let gx = 0; gx < w; gx++) {
        const local = (gy % by) * bx + (gx % bx);
        const src = bx * by - 1 - local;
        const sy = gy - (gy % by) + Math.floor(src / bx);
        const sx = gx - (gx % bx) + (src % bx);
        o[gy * w + gx] = (xs[sy * w + sx] as number) * 2;
      }
    }
    return { 1: o };
  },
};

export const specs: CaseSpec[] = [reduceSpec(64), reduceSpec(256), reduceSpec(96), mixedSpec, tileSpec];
