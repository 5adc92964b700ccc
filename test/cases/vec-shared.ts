import { kernel, blockDim, blockIdx, threadIdx, load4, sharedArray, store4, syncthreads, vadd, vec4f } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

const TILE = 256;

// A block stages TILE elements in a shared array with scalar stores, then each of its first
// TILE / 4 threads reads a quad of it with one load4 (and one of the quad after it, wrapping),
// adds them and writes the quad back with store4; the block's result is copied out element-wise.
export const vecShared = kernel(function vecShared(x: Float32Array, y: Float32Array) {
  const tile = sharedArray(Float32Array, TILE);
  const t = threadIdx.x;
  const base = blockIdx.x * TILE;
  for (let j = t; j < TILE; j += blockDim.x) tile[j] = x[base + j];
  syncthreads();
  let sum = vec4f(0);
  if (t < TILE / 4) {
    sum = vadd(load4(tile, t), load4(tile, (t + 1) % (TILE / 4)));
  }
  syncthreads();
  if (t < TILE / 4) store4(tile, t, sum);
  syncthreads();
  for (let j = t; j < TILE; j += blockDim.x) y[base + j] = tile[j];
});

export const spec: CaseSpec = {
  kernel: 'vecShared',
  make(rng) {
    const blocks = rng.int(3, 9);
    return { args: [rng.f32Array(blocks * TILE), new Float32Array(blocks * TILE)], grid: blocks, block: 128 };
  },
  reference([x0]) {
    const x = x0 as Float32Array;
    const y = new Float64Array(x.length);
    for (let b = 0; b < x.length / TILE; b++) {
      for (let j = 0; j < TILE; j++) {
        const q = Math.floor(j / 4);
        const next = ((q + 1) % (TILE / 4)) * 4 + (j % 4);
        y[b * TILE + j] = x[b * TILE + j]! + x[b * TILE + next]!;
      }
    }
    return { 1: y };
  },
};
