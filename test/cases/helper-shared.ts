// Helpers that take a shared array: a block reduction written as helpers (the barriers stay in the
// kernel), and a histogram whose atomic counting helper is passed a shared array and then a global
// one (both are then atomic arrays).
import { kernel, atomicAdd, blockIdx, sharedArray, syncthreads, threadIdx, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

const BLOCK = 128;
const BINS = 16;

function loadTile(x: Float32Array, s: Float32Array, base: i32, t: i32, n: i32): void {
  s[t] = 0;
  if (base + t < n) s[t] = x[base + t];
}

function treeStep(s: Float32Array, t: i32, stride: i32): void {
  if (t < stride) s[t] += s[t + stride];
}

export const blockSums = kernel(function blockSums(x: Float32Array, partial: Float32Array, n: i32) {
  const s = sharedArray(Float32Array, BLOCK);
  const t = threadIdx.x;
  loadTile(x, s, blockIdx.x * BLOCK, t, n);
  syncthreads();
  for (let stride = BLOCK / 2; stride > 0; stride >>= 1) {
    treeStep(s, t, stride);
    syncthreads();
  }
  if (t === 0) partial[blockIdx.x] = s[0];
});

function count(bins: Int32Array, key: i32, by: i32): void {
  atomicAdd(bins, key, by);
}

export const histogram = kernel(function histogram(keys: Int32Array, hist: Int32Array, n: i32) {
  const local = sharedArray(Int32Array, BINS);
  const t = threadIdx.x;
  if (t < BINS) local[t] = 0;
  syncthreads();
  const i = blockIdx.x * BLOCK + t;
  if (i < n) count(local, keys[i], 1);
  syncthreads();
  if (t < BINS) count(hist, t, local[t]);
});

export const specs: CaseSpec[] = [
  {
    kernel: 'blockSums',
    make(rng) {
      const n = rng.int(2000, 9000);
      const blocks = Math.ceil(n / BLOCK);
      return { args: [rng.f32Array(n, 0, 1), rng.f32Array(blocks), n], grid: blocks, block: BLOCK };
    },
    reference([x, partial]) {
      const xs = x as Float32Array;
      const p = new Float64Array((partial as Float32Array).length);
      for (let i = 0; i < xs.length; i++) p[Math.floor(i / BLOCK)] += xs[i];
      return { 1: p };
    },
  },
  {
    kernel: 'histogram',
    repeat: 2,
    make(rng) {
      const n = rng.int(2000, 9000);
      return { args: [rng.i32Array(n, 0, BINS), rng.i32Array(BINS, 0, 50), n], grid: Math.ceil(n / BLOCK), block: BLOCK };
    },
    reference([keys, hist]) {
      const h = Int32Array.from(hist as Int32Array);
      for (const k of keys as Int32Array) h[k] += 2;
      return { 1: h };
    },
  },
];
