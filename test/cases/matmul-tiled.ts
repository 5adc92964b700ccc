// Shared-memory tiled matmul: each block stages TILE×TILE tiles of A and B, with a barrier after
// loading and after using each pair; out-of-range tile elements load as zero.
import { kernel, blockIdx, sharedArray, syncthreads, threadIdx, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';
import { matmulRef } from './lib/matmul-ref.js';

const TILE = 16;

export const matmulTiled = kernel(function matmulTiled(a: Float32Array, b: Float32Array, c: Float32Array, m: i32, n: i32, k: i32) {
  const ta = sharedArray(Float32Array, TILE * TILE);
  const tb = sharedArray(Float32Array, TILE * TILE);
  const tx = threadIdx.x;
  const ty = threadIdx.y;
  const row = blockIdx.y * TILE + ty;
  const col = blockIdx.x * TILE + tx;
  let sum = 0;
  for (let t = 0; t < k; t += TILE) {
    ta[ty * TILE + tx] = row < m && t + tx < k ? a[row * k + t + tx] : 0;
    tb[ty * TILE + tx] = col < n && t + ty < k ? b[(t + ty) * n + col] : 0;
    syncthreads();
    for (let p = 0; p < TILE; p++) {
      sum += ta[ty * TILE + p] * tb[p * TILE + tx];
    }
    syncthreads();
  }
  if (row < m && col < n) {
    c[row * n + col] = sum;
  }
});

// Specialized to other tile sizes (TILE replaced at compile time: the shared arrays, indices and
// loops follow), each launched with TILE×TILE blocks.
export const matmulTiled8 = matmulTiled.specialize({ TILE: 8 });
export const matmulTiled16 = matmulTiled.specialize({ TILE: 16 });
export const matmulTiled32 = matmulTiled.specialize({ TILE: 32 });

function tiled(name: string, tile: number): CaseSpec {
  return {
    kernel: name,
    make(rng) {
      const m = rng.int(20, 80);
      const n = rng.int(20, 80);
      const k = rng.int(20, 80);
      return {
        args: [rng.f32Array(m * k), rng.f32Array(k * n), new Float32Array(m * n), m, n, k],
        grid: [Math.ceil(n / tile), Math.ceil(m / tile)],
        block: [tile, tile],
      };
    },
    reference([a, b, , m, n, k]) {
      return { 2: matmulRef(a as Float32Array, b as Float32Array, m as number, n as number, k as number) };
    },
  };
}

export const specs: CaseSpec[] = [tiled('matmulTiled', TILE), tiled('matmulTiled8', 8), tiled('matmulTiled16', 16), tiled('matmulTiled32', 32)];
