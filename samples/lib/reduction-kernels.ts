// The two reductions of samples/reduction.ts, in a module of their own so that the benchmark suite
// (bench/run.ts) can import them without running the sample. Pass 1 runs a fixed number of blocks;
// each thread first adds up a grid-strided slice (two loads per step, so every thread does useful
// work before the tree), then the block folds its 256 sums in shared memory, halving the active
// threads each step. Pass 2 runs the same kernel as one block over the partial sums. reduceWarp is
// the same with warp shuffles (CUDA's reduce5-7 style): the shared-memory tree stops at two warps'
// worth of sums, and the first warp finishes with shflDown, no barrier needed. reduceVec4 is the
// bandwidth-bound one: 16-byte loads, four in flight per thread, warpSum, one barrier (see there).
import { kernel, blockIdx, gridDim, threadIdx, sharedArray, syncthreads, shflDown, warpSize, laneId, warpSum, load4, type f32, type i32 } from 'kernelscript';

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

/** reduceVec4's block: threads. */
export const VEC_BLOCK = 256;
/**
 * reduceVec4's pass-1 blocks, at most: about one wave of 256-thread blocks on a large GPU (8 per SM
 * on 128 SMs), so every block is resident and the grid-stride loop gives each the same share; and
 * 1024 partial sums are 256 vectors, one load4 per thread of pass 2's single block.
 */
export const VEC_BLOCKS = 1024;

/**
 * Sum of x[0 … n) into partial[blockIdx.x], bandwidth-bound: each thread reads its grid-strided
 * vectors (load4: 16 bytes per access), four independent loads per step into four accumulators so
 * that many loads are in flight, then the block combines its threads' sums with warpSum in each
 * warp and once more in the first warp over the warps' sums (one barrier). The same kernel is pass 2,
 * as one block over the pass-1 partials. Every thread's share, and the order of every addition, is
 * fixed by n and the launch shape, so the result is the same bits on every run.
 */
export const reduceVec4 = kernel(function reduceVec4(x: Float32Array, partial: Float32Array, n: i32) {
  // One sum per warp; subgroups have at least 4 lanes.
  const warpSums = sharedArray(Float32Array, VEC_BLOCK / 4);
  const tid = threadIdx.x;
  const first = blockIdx.x * VEC_BLOCK + tid;
  const stride = gridDim.x * VEC_BLOCK;
  const quads = n >> 2;
  // Four accumulators, one per load of a step: the loads do not wait on each other's additions.
  let a: f32 = 0;
  let b: f32 = 0;
  let c: f32 = 0;
  let d: f32 = 0;
  let i = first;
  for (; i + 3 * stride < quads; i += 4 * stride) {
    const v0 = load4(x, i);
    const v1 = load4(x, i + stride);
    const v2 = load4(x, i + 2 * stride);
    const v3 = load4(x, i + 3 * stride);
    a += (v0.x + v0.y) + (v0.z + v0.w);
    b += (v1.x + v1.y) + (v1.z + v1.w);
    c += (v2.x + v2.y) + (v2.z + v2.w);
    d += (v3.x + v3.y) + (v3.z + v3.w);
  }
  for (; i < quads; i += stride) {
    const v = load4(x, i);
    a += (v.x + v.y) + (v.z + v.w);
  }
  // The last n % 4 elements, one each for the grid's first threads.
  if (first < (n & 3)) {
    b += x[quads * 4 + first];
  }
  const warp = warpSum((a + b) + (c + d));
  if (laneId == 0) {
    warpSums[tid / warpSize] = warp;
  }
  syncthreads();
  // The first warp, whole: its lanes take the warps' sums (a loop, for subgroups narrower than
  // VEC_BLOCK / warpSize), then one more warpSum.
  if (tid < warpSize) {
    let t: f32 = 0;
    for (let w = tid; w < VEC_BLOCK / warpSize; w += warpSize) {
      t += warpSums[w];
    }
    const total = warpSum(t);
    if (tid == 0) {
      partial[blockIdx.x] = total;
    }
  }
});

/**
 * reduceVec4's pass-1 blocks for n values: enough that each thread has four vectors or more, at most
 * `most` (VEC_BLOCKS by default; pass 2, one block, reads up to 1024 partials with one load4 per
 * thread, and loops over more).
 */
export const vec4Blocks = (n: number, most: number = VEC_BLOCKS): number =>
  Math.max(1, Math.min(most, Math.ceil(n / (16 * VEC_BLOCK))));
