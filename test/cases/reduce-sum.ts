// Block reduction: each thread loads two elements, a shared-memory tree halves the active threads
// with a barrier per level; thread 0 writes the block's partial sum and atomically adds it to the
// total (so repeating the launch accumulates).
import { kernel, atomicAdd, blockIdx, sharedArray, syncthreads, threadIdx, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

const BLOCK = 256;

export const blockSum = kernel(function blockSum(x: Float32Array, partial: Float32Array, total: Float32Array, n: i32) {
  const s = sharedArray(Float32Array, BLOCK);
  const t = threadIdx.x;
  const i = blockIdx.x * BLOCK * 2 + t;
  let v = 0;
  if (i < n) v = x[i];
  if (i + BLOCK < n) v += x[i + BLOCK];
  s[t] = v;
  syncthreads();
  for (let stride = BLOCK / 2; stride > 0; stride >>= 1) {
    if (t < stride) {
      s[t] += s[t + stride];
    }
    syncthreads();
  }
  if (t === 0) {
    partial[blockIdx.x] = s[0];
    atomicAdd(total, 0, s[0]);
  }
});

export const spec: CaseSpec = {
  kernel: 'blockSum',
  repeat: 2,
  make(rng) {
    const n = rng.int(3000, 20000);
    const blocks = Math.ceil(n / (2 * BLOCK));
    // Positive inputs keep the sum away from cancellation, so a relative tolerance is meaningful.
    return { args: [rng.f32Array(n, 0, 1), new Float32Array(blocks), Float32Array.of(rng.f32(0, 10)), n], grid: blocks, block: BLOCK };
  },
  reference([x, partial, total]) {
    const xs = x as Float32Array;
    const p = new Float64Array((partial as Float32Array).length);
    for (let i = 0; i < xs.length; i++) p[Math.floor(i / (2 * BLOCK))] += xs[i];
    const sum = p.reduce((a, b) => a + b, 0);
    return { 1: p, 2: [(total as Float32Array)[0] + 2 * sum] };
  },
};
