// The three matrix multiplications of samples/matmul.ts (C = A·B; A: M×K, B: K×N, row-major), in a
// module of their own so that the benchmark suite (bench/run.ts) can import them without running
// the sample:
//   naive    one thread per C element, reading A and B straight from global memory;
//   tiled    16×16 blocks stage 16×16 tiles of A and B in shared memory, so each global value is
//            loaded once per tile instead of once per multiply;
//   register each thread computes a 4×4 patch of a 64×64 block tile, keeping its partial sums and
//            operands in local (register) arrays: 16 multiply-adds per 8 shared-memory reads.
// Launch shapes: naive and tiled take blocks of 16×16 and a grid of ⌈N/16⌉×⌈M/16⌉; register takes
// blocks of 16×16 and a grid of ⌈N/BN⌉×⌈M/BM⌉.
import {
  kernel, blockIdx, threadIdx, sharedArray, localArray, syncthreads, type f32, type i32,
} from 'kernelscript';

export const matmulNaive = kernel(function matmulNaive(
  a: Float32Array, b: Float32Array, c: Float32Array, m: i32, n: i32, k: i32,
) {
  const col = blockIdx.x * 16 + threadIdx.x;
  const row = blockIdx.y * 16 + threadIdx.y;
  if (row < m && col < n) {
    let sum: f32 = 0;
    for (let p = 0; p < k; p++) {
      sum += a[row * k + p] * b[p * n + col];
    }
    c[row * n + col] = sum;
  }
});

export const TILE = 16;

export const matmulTiled = kernel(function matmulTiled(
  a: Float32Array, b: Float32Array, c: Float32Array, m: i32, n: i32, k: i32,
) {
  const as = sharedArray(Float32Array, TILE * TILE);
  const bs = sharedArray(Float32Array, TILE * TILE);
  const tx = threadIdx.x;
  const ty = threadIdx.y;
  const col = blockIdx.x * TILE + tx;
  const row = blockIdx.y * TILE + ty;
  let sum: f32 = 0;
  for (let p0 = 0; p0 < k; p0 += TILE) {
    // Out-of-range elements load as zero, so edge tiles need no special case in the inner loop.
    as[ty * TILE + tx] = row < m && p0 + tx < k ? a[row * k + p0 + tx] : 0;
    bs[ty * TILE + tx] = p0 + ty < k && col < n ? b[(p0 + ty) * n + col] : 0;
    syncthreads();
    for (let p = 0; p < TILE; p++) {
      sum += as[ty * TILE + p] * bs[p * TILE + tx];
    }
    syncthreads();
  }
  if (row < m && col < n) {
    c[row * n + col] = sum;
  }
});

/** Block tile: BM×BN outputs per block of 16×16 threads, each thread TM×TN (strided by 16). */
export const BM = 64;
export const BN = 64;
const BK = 16;
const TM = 4;
const TN = 4;
const THREADS = 256;

export const matmulRegister = kernel(function matmulRegister(
  a: Float32Array, b: Float32Array, c: Float32Array, m: i32, n: i32, k: i32,
) {
  // A's tile is stored k-major (transposed) so the inner loop reads both tiles along rows.
  const as = sharedArray(Float32Array, BK * BM);
  const bs = sharedArray(Float32Array, BK * BN);
  const acc = localArray(Float32Array, TM * TN);
  const av = localArray(Float32Array, TM);
  const bv = localArray(Float32Array, TN);
  const tx = threadIdx.x;
  const ty = threadIdx.y;
  const tid = ty * 16 + tx;
  const row0 = blockIdx.y * BM;
  const col0 = blockIdx.x * BN;
  for (let p0 = 0; p0 < k; p0 += BK) {
    // 256 threads load the 64×16 A tile and the 16×64 B tile, 4 elements each, coalesced.
    for (let l = 0; l < (BM * BK) / THREADS; l++) {
      const idx = l * THREADS + tid;
      const r = idx / BK;
      const q = idx % BK;
      as[q * BM + r] = row0 + r < m && p0 + q < k ? a[(row0 + r) * k + p0 + q] : 0;
    }
    for (let l = 0; l < (BK * BN) / THREADS; l++) {
      const idx = l * THREADS + tid;
      const r = idx / BN;
      const q = idx % BN;
      bs[r * BN + q] = p0 + r < k && col0 + q < n ? b[(p0 + r) * n + col0 + q] : 0;
    }
    syncthreads();
    for (let p = 0; p < BK; p++) {
      for (let i = 0; i < TM; i++) {
        av[i] = as[p * BM + ty + i * 16];
      }
      for (let j = 0; j < TN; j++) {
        bv[j] = bs[p * BN + tx + j * 16];
      }
      for (let i = 0; i < TM; i++) {
        for (let j = 0; j < TN; j++) {
          acc[i * TN + j] += av[i] * bv[j];
        }
      }
    }
    syncthreads();
  }
  for (let i = 0; i < TM; i++) {
    const row = row0 + ty + i * 16;
    for (let j = 0; j < TN; j++) {
      const col = col0 + tx + j * 16;
      if (row < m && col < n) {
        c[row * n + col] = acc[i * TN + j];
      }
    }
  }
});

/** float64 reference for the given rows of C (all of them when the matrix is small). */
export function referenceRows(ha: Float32Array, hb: Float32Array, rows: number[], n: number, k: number): Float64Array {
  const out = new Float64Array(rows.length * n);
  rows.forEach((row, r) => {
    for (let p = 0; p < k; p++) {
      const x = ha[row * k + p];
      for (let col = 0; col < n; col++) out[r * n + col] += x * hb[p * n + col];
    }
  });
  return out;
}
