// Warp-level matrices (tensor cores): each warp computes one 16×16 tile of C = A·B + C0 over K = 64
// (four matrixMma steps), from global f16 arrays (A row-major, B column- or row-major, chosen by a
// uniform branch); from A and B tiles staged in shared Float16Arrays with syncthreads; and with C0
// loaded by matrixLoadAcc (column-major, u32 operands) and the result stored column-major. The
// references sum the f16 products in float64; the accumulation is f32, hence the tolerance.
import { kernel, blockDim, blockIdx, threadIdx, sharedArray, syncthreads, u32, matrixFill, matrixLoadA, matrixLoadB, matrixLoadAcc, matrixMma, matrixStore, Float16Array, type f32, type i32, type MatrixAcc } from 'kernelscript';
import type { CaseSpec, HostArg, Rng } from '../helpers/case.js';

// One warp per tile: blocks of 32 × 2 threads, threadIdx.y picks the warp's tile.
export const mmaGlobal = kernel(function mmaGlobal(a: Float16Array, b: Float16Array, c: Float32Array, bias: f32, bRowMajor: boolean, M: i32, N: i32, K: i32) {
  const tilesN = N / 16;
  const tile = blockIdx.x * blockDim.y + threadIdx.y;
  const row = (tile / tilesN) * 16;
  const col = (tile % tilesN) * 16;
  if (row < M) {
    let acc: MatrixAcc = matrixFill(bias);
    for (let k = 0; k < K; k += 16) {
      const fa = matrixLoadA(a, row * K + k, K, 'row');
      if (bRowMajor) {
        // B is K×N row-major: (k, n) at k*N + n.
        const fb = matrixLoadB(b, k * N + col, N, 'row');
        acc = matrixMma(fa, fb, acc);
      } else {
        // B is stored column-major: (k, n) at n*K + k.
        const fb = matrixLoadB(b, col * K + k, K, 'col');
        acc = matrixMma(fa, fb, acc);
      }
    }
    matrixStore(c, row * N + col, N, acc, 'row');
  }
});

const TM = 32;
const TN = 32;
const TK = 16;

// Blocks of 32 × 4 threads (four warps) compute a 32×32 tile of C; each k step stages A's 32×16 and
// B's 16×32 slices in shared memory, then each warp multiplies its 16×16 quarter.
export const mmaShared = kernel(function mmaShared(a: Float16Array, b: Float16Array, c: Float32Array, M: i32, N: i32, K: i32) {
  const as = sharedArray(Float16Array, TM * TK);
  const bs = sharedArray(Float16Array, TK * TN);
  const t = threadIdx.y * blockDim.x + threadIdx.x;
  const threads = blockDim.x * blockDim.y;
  const wr = (threadIdx.y / 2) * 16;
  const wc = (threadIdx.y % 2) * 16;
  const row0 = blockIdx.y * TM;
  const col0 = blockIdx.x * TN;
  let acc = matrixFill(0);
  for (let k = 0; k < K; k += TK) {
    for (let i = t; i < TM * TK; i += threads) as[i] = a[(row0 + i / TK) * K + k + (i % TK)];
    for (let i = t; i < TK * TN; i += threads) bs[i] = b[(k + i / TN) * N + col0 + (i % TN)];
    syncthreads();
    const fa = matrixLoadA(as, wr * TK, TK, 'row');
    const fb = matrixLoadB(bs, wc, TN, 'row');
    acc = matrixMma(fa, fb, acc);
    syncthreads();
  }
  if (row0 < M) matrixStore(c, (row0 + wr) * N + col0 + wc, N, acc, 'row');
});

// One warp per block and tile; C0 and the result are column-major M×N ((i, j) at j*M + i).
export const mmaAccCol = kernel(function mmaAccCol(a: Float16Array, b: Float16Array, c0: Float32Array, out: Float32Array, M: i32, N: i32, K: i32) {
  const tilesN = N / 16;
  const row = (blockIdx.x / tilesN) * 16;
  const col = (blockIdx.x % tilesN) * 16;
  let acc = matrixFill(1);
  acc = matrixLoadAcc(c0, u32(col * M + row), u32(M), 'col');
  for (let k = 0; k < K; k += 16) {
    const fa = matrixLoadA(a, row * K + k, K, 'row');
    const fb = matrixLoadB(b, col * K + k, K, 'col');
    acc = matrixMma(fa, fb, acc);
  }
  matrixStore(out, col * M + row, M, acc, 'col');
});

const K = 64;

/** Random f16 values in [-1, 1) (never all zero). */
function f16Array(rng: Rng, n: number): Float16Array {
  const x = new Float16Array(n);
  for (let i = 0; i < n; i++) x[i] = rng.f32(-1, 1);
  return x;
}

/** A·B as float64, M×N row-major; B(k, n) read by `bAt`. */
function product(a: ArrayLike<number>, bAt: (k: number, n: number) => number, M: number, N: number): Float64Array {
  const r = new Float64Array(M * N);
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let p = 0; p < K; p++) s += (a[i * K + p] as number) * bAt(p, j);
      r[i * N + j] = s;
    }
  }
  return r;
}

const TOLERANCE = 1e-4;
const dims = (rng: Rng, unit: number): [number, number] => [unit * rng.int(1, 4), unit * rng.int(1, 4)];

function globalSpec(bRowMajor: boolean): CaseSpec {
  return {
    kernel: 'mmaGlobal',
    requires: ['matrix'],
    tolerance: TOLERANCE,
    make(rng) {
      const [M, N] = dims(rng, 16);
      const tiles = (M / 16) * (N / 16);
      const args: HostArg[] = [f16Array(rng, M * K), f16Array(rng, K * N), new Float32Array(M * N), rng.f32(-1, 1), bRowMajor, M, N, K];
      return { args, grid: Math.ceil(tiles / 2), block: [32, 2] };
    },
    reference([a, b, , bias, rowB, M, N]) {
      const bs = b as Float16Array;
      const n = N as number;
      const at = rowB ? (k: number, j: number): number => bs[k * n + j] as number : (k: number, j: number): number => bs[j * K + k] as number;
      const r = product(a as Float16Array, at, M as number, n);
      return { 2: r.map((v) => v + (bias as number)) };
    },
  };
}

export const specs: CaseSpec[] = [
  globalSpec(false),
  globalSpec(true),
  {
    kernel: 'mmaShared',
    requires: ['matrix'],
    tolerance: TOLERANCE,
    make(rng) {
      const [M, N] = dims(rng, 32);
      return { args: [f16Array(rng, M * K), f16Array(rng, K * N), new Float32Array(M * N), M, N, K], grid: [N / TN, M / TM], block: [32, 4] };
    },
    reference([a, b, , M, N]) {
      const bs = b as Float16Array;
      const n = N as number;
      return { 2: product(a as Float16Array, (k, j) => bs[k * n + j] as number, M as number, n) };
    },
  },
  {
    kernel: 'mmaAccCol',
    requires: ['matrix'],
    tolerance: TOLERANCE,
    make(rng) {
      const [M, N] = dims(rng, 16);
      const args: HostArg[] = [f16Array(rng, M * K), f16Array(rng, K * N), rng.f32Array(M * N), new Float32Array(M * N), M, N, K];
      return { args, grid: (M / 16) * (N / 16), block: 32 };
    },
    reference([a, b, c0, , M, N]) {
      const bs = b as Float16Array;
      const m = M as number;
      const n = N as number;
      const ab = product(a as Float16Array, (k, j) => bs[j * K + k] as number, m, n);
      const out = new Float64Array(m * n);
      // Column-major: (i, j) at j*M + i, in C0 and in the result.
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j * m + i] = (ab[i * n + j] as number) + ((c0 as Float32Array)[j * m + i] as number);
      return { 3: out };
    },
  },
];
