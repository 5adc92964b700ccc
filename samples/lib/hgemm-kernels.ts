// C = A·B on the tensor cores: A (M×K) and B (K×N) f16, row-major; C (M×N) f32, accumulated in f32.
// In a module of its own so that the benchmark suite imports the kernel without running the sample.
//
// A block of 8 warps computes a 128×128 tile of C. Each k-step stages a 128×32 tile of A and a
// 32×128 tile of B in shared memory (8-byte vector loads, rows padded by 8 halves so that the
// fragment loads of neighbouring rows fall in different banks); the next k-step's tiles are loaded
// into registers while the current step multiplies, so global latency overlaps the tensor cores. Warps
// sit 2×4 over the tile and each owns a 64×32 patch of C: 4×2 accumulator fragments, fed per 16-wide
// k-slice by 4 A fragments and 2 B fragments. M and N must be multiples of 128 and K of 32
// (hgemmShapeError says so); launch with `hgemmLaunch`.
import {
  kernel, blockIdx, threadIdx, warpSize, sharedArray, syncthreads, load4, store4,
  matrixLoadA, matrixLoadB, matrixFill, matrixMma, matrixStore, Float16Array, type i32,
} from 'kernelscript';

export const HG_BM = 128;
export const HG_BN = 128;
export const HG_BK = 32;
/** Warps per block: 2 along M × 4 along N. */
export const HG_WARPS = 8;
const AST = 40; // HG_BK + 8: A tile row stride in shared memory (a multiple of 8 halves)
const BST = 136; // HG_BN + 8: B tile row stride

/** Element index / 4 of vector v (0 … 1023) of the A tile at (row0, k0): row v >> 3, halves (v & 7) * 4 …. */
function aVec(v: i32, row0: i32, k0: i32, k: i32): i32 {
  return ((row0 + (v >> 3)) * k + k0 + (v & 7) * 4) >> 2;
}
/** The same for the B tile at (k0, col0): row v >> 5, halves (v & 31) * 4 …. */
function bVec(v: i32, k0: i32, col0: i32, n: i32): i32 {
  return ((k0 + (v >> 5)) * n + col0 + (v & 31) * 4) >> 2;
}

export const hgemm = kernel(function hgemm(a: Float16Array, b: Float16Array, c: Float32Array, m: i32, n: i32, k: i32) {
  const as = sharedArray(Float16Array, HG_BM * AST);
  const bs = sharedArray(Float16Array, HG_BK * BST);
  const t = threadIdx.x;
  const wid = t / warpSize;
  const wm = (wid >> 2) * 64; // this warp's patch: rows wm … wm+63, columns wn … wn+31 of the tile
  const wn = (wid & 3) * 32;
  const row0 = blockIdx.y * 128;
  const col0 = blockIdx.x * 128;
  let c00 = matrixFill(0);
  let c01 = matrixFill(0);
  let c10 = matrixFill(0);
  let c11 = matrixFill(0);
  let c20 = matrixFill(0);
  let c21 = matrixFill(0);
  let c30 = matrixFill(0);
  let c31 = matrixFill(0);
  // 256 threads move the 1024 four-half vectors of each tile: vectors t, t + 256, t + 512, t + 768.
  // The first k-step's are loaded here, each later one's while the previous step multiplies.
  let ra0 = load4(a, aVec(t, row0, 0, k));
  let ra1 = load4(a, aVec(t + 256, row0, 0, k));
  let ra2 = load4(a, aVec(t + 512, row0, 0, k));
  let ra3 = load4(a, aVec(t + 768, row0, 0, k));
  let rb0 = load4(b, bVec(t, 0, col0, n));
  let rb1 = load4(b, bVec(t + 256, 0, col0, n));
  let rb2 = load4(b, bVec(t + 512, 0, col0, n));
  let rb3 = load4(b, bVec(t + 768, 0, col0, n));
  for (let k0 = 0; k0 < k; k0 += 32) {
    syncthreads(); // every warp is done with the previous step's tiles
    store4(as, ((t >> 3) * AST + (t & 7) * 4) >> 2, ra0);
    store4(as, (((t + 256) >> 3) * AST + (t & 7) * 4) >> 2, ra1);
    store4(as, (((t + 512) >> 3) * AST + (t & 7) * 4) >> 2, ra2);
    store4(as, (((t + 768) >> 3) * AST + (t & 7) * 4) >> 2, ra3);
    store4(bs, ((t >> 5) * BST + (t & 31) * 4) >> 2, rb0);
    store4(bs, (((t + 256) >> 5) * BST + (t & 31) * 4) >> 2, rb1);
    store4(bs, (((t + 512) >> 5) * BST + (t & 31) * 4) >> 2, rb2);
    store4(bs, (((t + 768) >> 5) * BST + (t & 31) * 4) >> 2, rb3);
    syncthreads();
    if (k0 + 32 < k) {
      ra0 = load4(a, aVec(t, row0, k0 + 32, k));
      ra1 = load4(a, aVec(t + 256, row0, k0 + 32, k));
      ra2 = load4(a, aVec(t + 512, row0, k0 + 32, k));
      ra3 = load4(a, aVec(t + 768, row0, k0 + 32, k));
      rb0 = load4(b, bVec(t, k0 + 32, col0, n));
      rb1 = load4(b, bVec(t + 256, k0 + 32, col0, n));
      rb2 = load4(b, bVec(t + 512, k0 + 32, col0, n));
      rb3 = load4(b, bVec(t + 768, k0 + 32, col0, n));
    }
    for (let kk = 0; kk < 32; kk += 16) {
      const a0 = matrixLoadA(as, wm * AST + kk, AST, 'row');
      const a1 = matrixLoadA(as, (wm + 16) * AST + kk, AST, 'row');
      const a2 = matrixLoadA(as, (wm + 32) * AST + kk, AST, 'row');
      const a3 = matrixLoadA(as, (wm + 48) * AST + kk, AST, 'row');
      const b0 = matrixLoadB(bs, kk * BST + wn, BST, 'row');
      const b1 = matrixLoadB(bs, kk * BST + wn + 16, BST, 'row');
      c00 = matrixMma(a0, b0, c00);
      c01 = matrixMma(a0, b1, c01);
      c10 = matrixMma(a1, b0, c10);
      c11 = matrixMma(a1, b1, c11);
      c20 = matrixMma(a2, b0, c20);
      c21 = matrixMma(a2, b1, c21);
      c30 = matrixMma(a3, b0, c30);
      c31 = matrixMma(a3, b1, c31);
    }
  }
  const base = (row0 + wm) * n + col0 + wn;
  matrixStore(c, base, n, c00, 'row');
  matrixStore(c, base + 16, n, c01, 'row');
  matrixStore(c, base + 16 * n, n, c10, 'row');
  matrixStore(c, base + 16 * n + 16, n, c11, 'row');
  matrixStore(c, base + 32 * n, n, c20, 'row');
  matrixStore(c, base + 32 * n + 16, n, c21, 'row');
  matrixStore(c, base + 48 * n, n, c30, 'row');
  matrixStore(c, base + 48 * n + 16, n, c31, 'row');
});

/** Why `hgemm` cannot take this shape, or null. */
export function hgemmShapeError(m: number, n: number, k: number): string | null {
  if (m % HG_BM || n % HG_BN || k % HG_BK || m <= 0 || n <= 0 || k <= 0) {
    return `hgemm needs M and N multiples of ${HG_BM} and K a multiple of ${HG_BK} (got ${m}×${n}×${k})`;
  }
  return null;
}

/**
 * The launch shape of `hgemm` for an M×N result: 8 warps of 32 lanes. The warp layout and the
 * 256-thread tile loads assume 32-lane warps (cuda, cpu, and NVIDIA's subgroups on webgpu).
 */
export function hgemmLaunch(m: number, n: number, warpSize: number | null): { grid: [number, number]; block: number } {
  if (warpSize !== 32) throw new Error(`hgemm needs 32-lane warps; this device has ${warpSize === null ? 'no warps' : `${warpSize}-lane warps`}`);
  return { grid: [n / HG_BN, m / HG_BM], block: HG_WARPS * warpSize };
}

/**
 * `count` random f16 values, multiples of 1/1024 in [-1, 1] (exact in f16), as the f16 array a kernel
 * reads and as f32 for the reference. Built from their bits: the Float16Array polyfill of runtimes
 * without one reads and writes elements through a Proxy, far too slowly for 16M-element references.
 */
export function randomHalves(rng: { next(): number }, count: number): { halves: Float16Array; values: Float32Array } {
  const values = new Float32Array(count);
  const bits = new Uint16Array(count);
  const f32 = new Float32Array(1);
  const u32 = new Uint32Array(f32.buffer);
  for (let i = 0; i < count; i++) {
    const v = (Math.floor(rng.next() * 2049) - 1024) / 1024;
    values[i] = v;
    f32[0] = v;
    const x = u32[0] as number;
    // |v| ≥ 2^-10 is a normal f16 with at most 11 significant bits: rebias the exponent, keep 10 mantissa bits.
    bits[i] = v === 0 ? 0 : ((x >>> 16) & 0x8000) | ((((x >>> 23) & 0xff) - 112) << 10) | ((x >>> 13) & 0x3ff);
  }
  return { halves: new Float16Array(bits.buffer), values };
}

/**
 * float64 C = A·B for the given rows of C (A, B as their f16 values), so that large products can be
 * checked on a sample of rows.
 */
export function hgemmReferenceRows(a: ArrayLike<number>, b: ArrayLike<number>, rows: readonly number[], n: number, k: number): Float64Array {
  const out = new Float64Array(rows.length * n);
  rows.forEach((row, r) => {
    for (let p = 0; p < k; p++) {
      const x = a[row * k + p];
      if (x === 0) continue;
      for (let j = 0; j < n; j++) out[r * n + j] += x * b[p * n + j];
    }
  });
  return out;
}
