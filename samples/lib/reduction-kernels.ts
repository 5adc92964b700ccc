// The two reductions of samples/reduction.ts, in a module of their own so that the benchmark suite
// (bench/run.ts) can import them without running the sample. Pass 1 runs a fixed number of blocks;
// each thread first adds up a grid-strided slice (two loads per step, so every thread does useful
// work before the tree), then the block folds its 256 sums in shared memory, halving the active
// threads each step. Pass 2 runs the same kernel as one block over the partial sums. reduceWarp is
// the same with warp shuffles (CUDA's reduce5-7 style): the shared-memory tree stops at two warps'
// worth of sums, and the first warp finishes with shflDown, no barrier needed.
import { kernel, blockIdx, gridDim, threadIdx, sharedArray, syncthreads, shflDown, warpSize, type f32, type i32 } from 'kernelscript';

export const BLOCK = 256;
/** Pass-1 blocks: enough to fill any GPU, few enough that pass 2 is one block. */
export const MAX_BLOCKS = 1024;

/** This thread's share of x: a grid-strided slice, two loads per step. */
function threadSum(x: Float32Array, n: i32): f32 {
  const stride = gridDim.x * BLOCK * 2;
  let sum: f32 = 0;
  for (let i = blockIdx.x * BLOCK * 2 + threadIdx.x; i < n; i += stride) {
    sum += x[i];
    if (i + BLOCK < n) {
      sum += x[i + BLOCK];
    }
  }
  return sum;
}

export const reduceSum = kernel(function reduceSum(x: Float32Array, partial: Float32Array, n: i32) {
  const cache = sharedArray(Float32Array, BLOCK);
  const tid = threadIdx.x;
  cache[tid] = threadSum(x, n);
  syncthreads();
  for (let s = BLOCK / 2; s > 0; s >>= 1) {
    if (tid < s) {
      cache[tid] += cache[tid + s];
    }
    syncthreads();
  }
  if (tid == 0) {
    partial[blockIdx.x] = cache[0];
  }
});

export const reduceWarp = kernel(function reduceWarp(x: Float32Array, partial: Float32Array, n: i32) {
  const cache = sharedArray(Float32Array, BLOCK);
  const tid = threadIdx.x;
  cache[tid] = threadSum(x, n);
  syncthreads();
  // warpSize is 32 on cuda and cpu, the subgroup size (8 … 128) on webgpu: BLOCK covers two warps.
  for (let s = BLOCK / 2; s > warpSize; s >>= 1) {
    if (tid < s) {
      cache[tid] += cache[tid + s];
    }
    syncthreads();
  }
  // The first warp: all its lanes take this branch together, as warp operations need.
  if (tid < warpSize) {
    let v = cache[tid] + cache[tid + warpSize];
    for (let o = warpSize / 2; o > 0; o >>= 1) v += shflDown(v, o);
    if (tid == 0) {
      partial[blockIdx.x] = v;
    }
  }
});


/** Pass-1 blocks for n values (pass 2 is one block over them). */
export const reduceBlocks = (n: number): number => Math.min(MAX_BLOCKS, Math.ceil(n / (2 * BLOCK)));
