// Sum of a large array: a shared-memory tree reduction in two passes. Pass 1 runs a fixed number
// of blocks; each thread first adds up a grid-strided slice (two loads per step, so every thread
// does useful work before the tree), then the block folds its 256 sums in shared memory, halving
// the active threads each step. Pass 2 runs the same kernel as one block over the partial sums.
// reduceWarp is the same with warp shuffles (CUDA's reduce5-7 style): the shared-memory tree stops
// at two warps' worth of sums, and the first warp finishes with shflDown, no barrier needed.
import { kernel, blockIdx, gridDim, threadIdx, sharedArray, syncthreads, shflDown, warpSize, type f32, type i32 } from 'kernelscript';
import { runSample } from './lib/cli.js';
import { Random, freshSeed } from './lib/rng.js';
import { expectClose, fmtMs } from './lib/check.js';
import { timeLaunches } from './lib/bench.js';

const BLOCK = 256;
/** Pass-1 blocks: enough to fill any GPU, few enough that pass 2 is one block. */
const MAX_BLOCKS = 1024;

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

await runSample({ n: 0, seed: 0, reps: 20 }, async (gpu, { flags }, out) => {
  const n = flags.n || (gpu.backend === 'cpu' ? 1 << 20 : 1 << 24);
  const rng = new Random(flags.seed || freshSeed());
  // Positive values, so the sum is far from zero and its relative error is meaningful.
  const hx = rng.uniformArray(n, 0, 1);
  let want = 0;
  for (let i = 0; i < n; i++) want += hx[i];

  const blocks = Math.min(MAX_BLOCKS, Math.ceil(n / (2 * BLOCK)));
  const x = gpu.array(hx);
  const partial = gpu.alloc(Float32Array, blocks);
  const total = gpu.alloc(Float32Array, 1);
  try {
    const run = (): void => {
      gpu.launch(reduceSum, { grid: blocks, block: BLOCK }, x, partial, n);
      gpu.launch(reduceSum, { grid: 1, block: BLOCK }, partial, total, blocks);
    };
    const runWarp = (): void => {
      gpu.launch(reduceWarp, { grid: blocks, block: BLOCK }, x, partial, n);
      gpu.launch(reduceWarp, { grid: 1, block: BLOCK }, partial, total, blocks);
    };
    runWarp();
    const gotWarp = (await total.read())[0];
    const errWarp = Math.abs(gotWarp - want) / Math.abs(want);
    expectClose('reduction (warp shuffles)', errWarp, 1e-5);
    run();
    const got = (await total.read())[0];
    const err = Math.abs(got - want) / Math.abs(want);
    expectClose('reduction', err, 1e-5);
    const ms = await timeLaunches(gpu, run, flags.reps);
    const gbps = (4 * n) / (ms * 1e6);
    out.log(`reduction on ${gpu.backend}, n = ${n}: sum ${got} (float64 ${want.toFixed(3)}, relative error ${err.toExponential(2)})`);
    out.log(`  ${blocks} + 1 blocks of ${BLOCK}: ${fmtMs(ms)} per sum, ${gbps.toPrecision(3)} GB/s`);
    const msWarp = await timeLaunches(gpu, runWarp, flags.reps);
    out.log(`  with warp shuffles (warps of ${gpu.warpSize}): sum ${gotWarp}, relative error ${errWarp.toExponential(2)}, ${fmtMs(msWarp)} per sum`);
    out.done({ sample: 'reduction', backend: gpu.backend, n, sum: got, want, err, ms, gbps, sumWarp: gotWarp, errWarp, msWarp, ok: true });
  } finally {
    x.dispose();
    partial.dispose();
    total.dispose();
  }
});
