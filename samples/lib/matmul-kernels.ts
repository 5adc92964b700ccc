// The matrix multiplications of samples/matmul.ts (C = A·B; A: M×K, B: K×N, row-major), in a
// module of their own so that the benchmark suite (bench/run.ts) can import them without running
// the sample:
//   naive     one thread per C element, reading A and B straight from global memory;
//   tiled     16×16 blocks stage 16×16 tiles of A and B in shared memory, so each global value is
//             loaded once per tile instead of once per multiply;
//   register  each thread computes a 4×4 patch of a 64×64 block tile, keeping its partial sums and
//             operands in local (register) arrays: 16 multiply-adds per 8 shared-memory reads;
//   pipelined the fast SGEMM: 128×128 block tiles stepped through K by 8 (tile shape set with
//             `specialize`), 256 threads each computing an 8×8 patch (four 4×4 sub-patches, so
//             every shared read is a float4), A's tile stored transposed, float4 global loads held
//             in registers for the next tile while the current one is multiplied, two shared
//             buffers (one barrier per tile): 64 multiply-adds per 4 float4 shared reads. It has
//             no edge handling: M and N must be multiples of the block tile and K of the k-step
//             (`pipelinedFits`); other sizes take the register kernel.
// Launch shapes: naive and tiled take blocks of 16×16 and a grid of ⌈N/16⌉×⌈M/16⌉; register takes
// blocks of 16×16 and a grid of ⌈N/BN⌉×⌈M/BM⌉; pipelined takes 1-D blocks of
// `pipelinedThreads()` threads and a grid of (N/PBN)×(M/PBM).
import {
  kernel, blockIdx, threadIdx, sharedArray, localArray, syncthreads, load4, store4, vec4f, type f32, type i32,
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

/**
 * The pipelined kernel's tile shape (set with `specialize`): a PBM×PBN block tile of C per block of
 * (PBM/8)·(PBN/8) threads, stepping through K by PBK. PBM and PBN must be multiples of 64 (each
 * thread's 8×8 patch is four 4×4 sub-patches, half a block tile apart, and a warp covers 8×4
 * threads), and PBK a multiple of PBM/16 and of PBN/16, so that each thread loads whole float4s
 * of both tiles (8 for 128×128 tiles).
 */
export const PBM = 128;
export const PBN = 128;
export const PBK = 8;
const PTX = PBN / 8; // threads per block row
const PTHREADS = (PBM / 8) * (PBN / 8);
/** A's tile rows are padded by 4 floats so that the transposing stores do not conflict in banks. */
const PAS = PBM + 4;
const A_LOADS = (PBM * PBK) / 4 / PTHREADS; // float4s of A per thread per tile
const B_LOADS = (PBK * PBN) / 4 / PTHREADS;

/** The threads a launch of a pipelined kernel takes (its block shape is [pipelinedThreads(...)]). */
export function pipelinedThreads(bm = PBM, bn = PBN): number {
  return (bm / 8) * (bn / 8);
}

export const matmulPipelined = kernel(function matmulPipelined(
  a: Float32Array, b: Float32Array, c: Float32Array, m: i32, n: i32, k: i32,
) {
  // Two buffers of each tile: the block computes on one while the next tile goes into the other.
  // A is stored k-major (transposed, rows padded), so both tiles are read along rows with load4.
  const as = sharedArray(Float32Array, 2 * PBK * PAS);
  const bs = sharedArray(Float32Array, 2 * PBK * PBN);
  const acc = localArray(Float32Array, 64);
  const af = localArray(Float32Array, 8);
  const bf = localArray(Float32Array, 8);
  const pa = localArray(Float32Array, 4 * A_LOADS);
  const pb = localArray(Float32Array, 4 * B_LOADS);
  const tid = threadIdx.x;
  // Lanes of a warp cover an 8×4 patch of threads, so a warp's shared reads touch 128 B of B's
  // tile and 64 B of A's per step (one access each, broadcast within the warp).
  const lane = tid & 31;
  const warp = tid >> 5;
  const tx = ((warp % (PTX / 8)) << 3) + (lane & 7);
  const ty = ((warp / (PTX / 8)) << 2) + (lane >> 3);
  const row0 = blockIdx.y * PBM;
  const col0 = blockIdx.x * PBN;
  const k4 = k >> 2;
  const n4 = n >> 2;
  const tiles = k / PBK;

  // Global float4 loads of one tile into registers: A's row r, columns 4q…4q+3 of the tile; B's
  // row r, columns 4q…4q+3. Consecutive threads read consecutive float4s.
  for (let l = 0; l < A_LOADS; l++) {
    const idx = l * PTHREADS + tid;
    const v = load4(a, (row0 + (idx / (PBK / 4))) * k4 + (idx % (PBK / 4)));
    pa[l * 4] = v.x;
    pa[l * 4 + 1] = v.y;
    pa[l * 4 + 2] = v.z;
    pa[l * 4 + 3] = v.w;
  }
  for (let l = 0; l < B_LOADS; l++) {
    const idx = l * PTHREADS + tid;
    const v = load4(b, (idx / (PBN / 4)) * n4 + (col0 >> 2) + (idx % (PBN / 4)));
    pb[l * 4] = v.x;
    pb[l * 4 + 1] = v.y;
    pb[l * 4 + 2] = v.z;
    pb[l * 4 + 3] = v.w;
  }
  for (let t = 0; t < tiles; t++) {
    const buf = t & 1;
    // Registers → shared buffer `buf` (A transposed); the barrier publishes it. Tile t − 2 last read
    // this buffer, before the previous tile's barrier, so one barrier per tile suffices.
    for (let l = 0; l < A_LOADS; l++) {
      const idx = l * PTHREADS + tid;
      const r = idx / (PBK / 4);
      const q = (idx % (PBK / 4)) * 4;
      for (let e = 0; e < 4; e++) {
        as[(buf * PBK + q + e) * PAS + r] = pa[l * 4 + e];
      }
    }
    for (let l = 0; l < B_LOADS; l++) {
      const idx = l * PTHREADS + tid;
      store4(bs, buf * (PBK * PBN / 4) + idx, vec4f(pb[l * 4], pb[l * 4 + 1], pb[l * 4 + 2], pb[l * 4 + 3]));
    }
    syncthreads();
    // The next tile's global loads are issued before the arithmetic on this one, so their latency
    // hides behind it.
    if (t + 1 < tiles) {
      const p0 = (t + 1) * PBK;
      for (let l = 0; l < A_LOADS; l++) {
        const idx = l * PTHREADS + tid;
        const v = load4(a, (row0 + (idx / (PBK / 4))) * k4 + (p0 >> 2) + (idx % (PBK / 4)));
        pa[l * 4] = v.x;
        pa[l * 4 + 1] = v.y;
        pa[l * 4 + 2] = v.z;
        pa[l * 4 + 3] = v.w;
      }
      for (let l = 0; l < B_LOADS; l++) {
        const idx = l * PTHREADS + tid;
        const v = load4(b, (p0 + (idx / (PBN / 4))) * n4 + (col0 >> 2) + (idx % (PBN / 4)));
        pb[l * 4] = v.x;
        pb[l * 4 + 1] = v.y;
        pb[l * 4 + 2] = v.z;
        pb[l * 4 + 3] = v.w;
      }
    }
    for (let p = 0; p < PBK; p++) {
      // Rows ty*4…+3 and PBM/2 + ty*4…+3 of A's tile, columns tx*4…+3 and PBN/2 + tx*4…+3 of B's.
      const aRow = (buf * PBK + p) * (PAS / 4);
      const bRow = (buf * PBK + p) * (PBN / 4);
      const a0 = load4(as, aRow + ty);
      const a1 = load4(as, aRow + PBM / 8 + ty);
      const b0 = load4(bs, bRow + tx);
      const b1 = load4(bs, bRow + PBN / 8 + tx);
      af[0] = a0.x;
      af[1] = a0.y;
      af[2] = a0.z;
      af[3] = a0.w;
      af[4] = a1.x;
      af[5] = a1.y;
      af[6] = a1.z;
      af[7] = a1.w;
      bf[0] = b0.x;
      bf[1] = b0.y;
      bf[2] = b0.z;
      bf[3] = b0.w;
      bf[4] = b1.x;
      bf[5] = b1.y;
      bf[6] = b1.z;
      bf[7] = b1.w;
      for (let i = 0; i < 8; i++) {
        for (let j = 0; j < 8; j++) {
          acc[i * 8 + j] += af[i] * bf[j];
        }
      }
    }
  }
  // C's patch: four 4×4 sub-patches, each row of one written as a float4.
  for (let i = 0; i < 8; i++) {
    const row = row0 + (i >> 2) * (PBM / 2) + ty * 4 + (i & 3);
    for (let h = 0; h < 2; h++) {
      const o = i * 8 + h * 4;
      store4(c, row * n4 + (col0 >> 2) + h * (PBN / 8) + tx, vec4f(acc[o], acc[o + 1], acc[o + 2], acc[o + 3]));
    }
  }
});

/** Whether the pipelined kernel with this tile shape covers M×N×K exactly (it has no edge cases). */
export function pipelinedFits(m: number, n: number, k: number, bm = PBM, bn = PBN, bk = PBK): boolean {
  return m > 0 && n > 0 && k > 0 && m % bm === 0 && n % bn === 0 && k % bk === 0;
}

/** A launch of C = A·B for M×N×K: the pipelined kernel where the sizes fit it, else the register kernel. */
export interface SgemmPlan {
  kernel: typeof matmulPipelined | typeof matmulRegister;
  name: 'pipelined' | 'register';
  grid: [number, number];
  block: number | [number, number];
}

export function sgemmPlan(m: number, n: number, k: number): SgemmPlan {
  if (pipelinedFits(m, n, k)) {
    return { kernel: matmulPipelined, name: 'pipelined', grid: [n / PBN, m / PBM], block: pipelinedThreads() };
  }
  return { kernel: matmulRegister, name: 'register', grid: [Math.ceil(n / BN), Math.ceil(m / BM)], block: [16, 16] };
}

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
