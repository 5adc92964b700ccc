// Warp-level matrix operations (tensor cores): the one definition of their surface names, the shape
// and element types every target shares, and the reference semantics the cpu backend runs and the
// tests compare with. A warp holds three kinds of fragment for D = A×B + C: A (M×K), B (K×N) and
// the accumulator (M×N); how a fragment's elements are spread over the lanes is the target's business
// (CUDA `wmma`, WGSL `subgroup_matrix_*`), so the language offers only whole-fragment operations.
//
// The contract between the compiler and the runtime:
//   - KernelMeta.matrix (core/output.ts) is `true` on every target's output of a kernel that uses a
//     matrix operation (set by targets/analysis.ts warpMeta, next to KernelMeta.warp, which such a
//     kernel also has: matrix operations are warp operations and follow their launch rule).
//   - A device answers whether it runs such kernels with `Device.matrix: MatrixSupport` (below):
//     cpu always (it emulates them, targets/js/matrix.ts), cuda on sm_70 and later, webgpu where the
//     adapter offers subgroup matrices of MATRIX_SHAPE with FRAG_ELEM's types. A launch of a kernel
//     with KernelMeta.matrix on a device whose `matrix.ok` is false throws a LaunchError naming the
//     kernel and `matrix.reason`. Test cases list the requirement as `requires: ['matrix']`
//     (test/helpers/case.ts) and skip with `matrix.reason` where it is not met.
//   - Printers spell the 'matrix' statement by overriding CLikePrinter.matrix (targets/c-like.ts).
import type { FragRole, MatrixLayout, MatrixStmt } from './ir/types.js';

/** Whether a device runs kernels with matrix operations; when not, the one-line reason (`Device.matrix`). */
export type MatrixSupport = { ok: true } | { ok: false; reason: string };

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

/** The functions that read or write memory, by the role of the fragment they take. */
export const MEMORY_FN: Record<FragRole | 'store', string> = { a: MATRIX.loadA.surface, b: MATRIX.loadB.surface, acc: MATRIX.loadAcc.surface, store: MATRIX.store.surface };

/** What the offset or stride of a load or store of `elem` elements must be (KS4060's third part). */
export function matrixRule(which: 'offset' | 'stride', elem: 'f16' | 'f32'): string {
  const align = matrixAlignment(elem);
  const what = elem === 'f16' ? 'Float16Array' : 'Float32Array';
  return which === 'offset'
    ? `a multiple of ${align.offset} (${what} elements: 32 bytes)`
    : `at least 16 and a multiple of ${align.stride} (${what} elements: 16 bytes)`;
}

/** Whether `value` meets matrixRule(which, elem). */
export function matrixRuleHolds(which: 'offset' | 'stride', elem: 'f16' | 'f32', value: number): boolean {
  const align = matrixAlignment(elem);
  if (!Number.isInteger(value)) return false;
  return which === 'offset' ? value >= 0 && value % align.offset === 0 : value >= 16 && value % align.stride === 0;
}

/** The last element a 16×16 fragment at `offset` with `stride` touches (either layout). */
export const matrixLastElement = (offset: number, stride: number): number => offset + 15 * stride + 15;

/**
 * Why `fn` (a load or store) cannot access a fragment of `elem` elements at `offset` with `stride`
 * in `array` of `length` elements (null: unknown), in the words of KS4060 and KS4061 (code first);
 * null when it can. The host functions and the cpu backend report these at run time, the compiler
 * for constant operands.
 */
export function matrixAccessProblem(fn: string, elem: 'f16' | 'f32', offset: number, stride: number, array: string, length: number | null): string | null {
  for (const [which, v] of [['offset', offset], ['stride', stride]] as const) {
    if (!matrixRuleHolds(which, elem, v)) return `KS4060: the ${which} of '${fn}' must be ${matrixRule(which, elem)}, but it is ${v}`;
  }
  const last = matrixLastElement(offset, stride);
  if (length !== null && last >= length) return `KS4061: '${fn}' at offset ${offset} with stride ${stride} reaches element ${last}, but '${array}' has ${length} elements`;
  return null;
}

/** A fragment where kernel code runs as plain TypeScript (core/lang.ts): its elements, row-major. */
export interface HostFragment<R extends FragRole, L extends MatrixLayout | null> {
  readonly role: R;
  readonly layout: L;
  readonly values: Float32Array;
}

function hostFragment<R extends FragRole, L extends MatrixLayout | null>(role: R, layout: L): HostFragment<R, L> {
  const [rows, cols] = FRAG_DIMS[role];
  return { role, layout, values: new Float32Array(rows * cols) };
}

/** Host matrixLoadA/B/Acc: every element read (f16 values are exact in f32), checked as the cpu backend checks. */
export function hostLoad<R extends FragRole, L extends MatrixLayout | null>(
  role: R,
  layout: L,
  src: ArrayLike<number>,
  offset: number,
  stride: number,
  memory: MatrixLayout,
): HostFragment<R, L> {
  const problem = matrixAccessProblem(MEMORY_FN[role], FRAG_ELEM[role], offset, stride, 'src', src.length);
  if (problem) throw new RangeError(problem);
  const f = hostFragment(role, layout);
  const [rows, cols] = FRAG_DIMS[role];
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) f.values[i * cols + j] = src[matrixIndex(memory, offset, stride, i, j)] as number;
  return f;
}

/** Host matrixFill. */
export function hostFill(value: number): HostFragment<'acc', null> {
  const f = hostFragment('acc', null);
  f.values.fill(value);
  return f;
}

/** Host matrixMma: a×b + c, a new accumulator. */
export function hostMma(a: HostFragment<'a', MatrixLayout | null>, b: HostFragment<'b', MatrixLayout | null>, c: HostFragment<'acc', null>): HostFragment<'acc', null> {
  const d = hostFragment('acc', null);
  mmaReference(a.values, b.values, c.values, d.values);
  return d;
}

/** Host matrixStore: every element written. */
export function hostStore(dst: { length: number; [i: number]: number }, offset: number, stride: number, c: HostFragment<'acc', null>, memory: MatrixLayout): void {
  const problem = matrixAccessProblem(MEMORY_FN.store, 'f32', offset, stride, 'dst', dst.length);
  if (problem) throw new RangeError(problem);
  const { m, n } = MATRIX_SHAPE;
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) dst[matrixIndex(memory, offset, stride, i, j)] = c.values[i * n + j] as number;
}
