// Warp-level matrix operations (tensor cores): the one definition of their surface names, the shape
// and element types every target shares, and the reference semantics the cpu backend runs and the
// tests compare with. A warp holds three kinds of fragment for D = A×B + C: A (M×K), B (K×N) and
// the accumulator (M×N); how a fragment's elements are spread over the lanes is the target's business
// (CUDA `wmma`, WGSL `subgroup_matrix_*`), so the language offers only whole-fragment operations.
import type { FragRole, MatrixLayout, MatrixStmt } from './ir/types.js';

/**
 * The shape both targets share: 16×16×16 with f16 A and B and an f32 accumulator (CUDA `wmma`
 * m16n16k16 on sm_70 and later; WGSL subgroup matrices where the adapter lists this configuration).
 */
export const MATRIX_SHAPE = { m: 16, n: 16, k: 16 } as const;

/** The element type a fragment of each role holds, and the array element type its loads and stores take. */
export const FRAG_ELEM: Record<FragRole, 'f16' | 'f32'> = { a: 'f16', b: 'f16', acc: 'f32' };

/** Rows × columns of a fragment of each role. */
export const FRAG_DIMS: Record<FragRole, readonly [number, number]> = {
  a: [MATRIX_SHAPE.m, MATRIX_SHAPE.k],
  b: [MATRIX_SHAPE.k, MATRIX_SHAPE.n],
  acc: [MATRIX_SHAPE.m, MATRIX_SHAPE.n],
};

export interface MatrixRecord {
  /** The language's name. */
  surface: string;
  op: MatrixStmt['op'];
  /** The role of the fragment it makes or takes. */
  role: FragRole;
}

/** Every matrix function of the language (core/lang.ts declares them for the host). */
export const MATRIX = {
  loadA: { surface: 'matrixLoadA', op: 'load', role: 'a' },
  loadB: { surface: 'matrixLoadB', op: 'load', role: 'b' },
  loadAcc: { surface: 'matrixLoadAcc', op: 'load', role: 'acc' },
  fill: { surface: 'matrixFill', op: 'fill', role: 'acc' },
  mma: { surface: 'matrixMma', op: 'mma', role: 'acc' },
  store: { surface: 'matrixStore', op: 'store', role: 'acc' },
} as const satisfies Record<string, MatrixRecord>;

export type MatrixFn = keyof typeof MATRIX;

/** The matrix function a language name denotes (`matrixMma` → 'mma'), or null. */
export function matrixOfSurface(name: string): MatrixFn | null {
  for (const [fn, r] of Object.entries(MATRIX)) if (r.surface === name) return fn as MatrixFn;
  return null;
}

/**
 * Alignment both targets need (CUDA: a 32-byte aligned address and a stride of a multiple of 16
 * bytes; WGSL follows Vulkan's cooperative-matrix rules, which are no stricter), in elements of an
 * array of `elem`: the offset a multiple of `offset`, the stride a multiple of `stride`. The stride
 * must also be at least the fragment's row (or column) length, 16.
 */
export function matrixAlignment(elem: 'f16' | 'f32'): { offset: number; stride: number } {
  return elem === 'f16' ? { offset: 16, stride: 8 } : { offset: 8, stride: 4 };
}

/** The element index of (i, j) in memory of `layout` at `offset` with `stride`. */
export const matrixIndex = (layout: MatrixLayout, offset: number, stride: number, i: number, j: number): number =>
  layout === 'row' ? offset + i * stride + j : offset + j * stride + i;

/**
 * The reference D = A×B + C on row-major fragments (A m×k, B k×n, C and D m×n). Products of f16
 * values are exact in f32; each dot product is summed exactly enough (f64) and added to C with one
 * rounding to f32, which every target's result is within the tensor cores' accumulation error of.
 */
export function mmaReference(a: ArrayLike<number>, b: ArrayLike<number>, c: ArrayLike<number>, d: Float32Array): void {
  const { m, n, k } = MATRIX_SHAPE;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += (a[i * k + p] as number) * (b[p * n + j] as number);
      d[i * n + j] = Math.fround((c[i * n + j] as number) + s);
    }
  }
}
