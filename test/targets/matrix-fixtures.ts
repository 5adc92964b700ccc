// Hand-built IR kernels with warp-level matrix operations (core/matrix.ts), each with random inputs
// and a float64 reference: one warp's D = A×B + C in every layout, and a tiled GEMM through shared
// memory (fill, loads from shared arrays, mma in a loop with barriers, a store at an offset).
import type { Expr, FragRole, MatrixLayout, MatrixStmt, Stmt } from '../../core/ir/types.js';
import { add, array, assign, barrier, bdim, bid, forRange, i, idx, kernelIR, let_, load, loop, lt, mul, param, scalar, shared, span, store, tid } from '../../core/ir/build.js';
import { MATRIX_SHAPE, matrixIndex } from '../../core/matrix.js';
import { Float16Array } from '../../core/elements.js';
import type { HostArg, Rng } from '../helpers/case.js';
import type { Fixture } from './fixtures.js';

const { m: M, n: N, k: K } = MATRIX_SHAPE;
const mx = (s: MatrixStmt): Stmt => ({ k: 'matrix', ...s, span } as Stmt);
export const frag = (name: string, role: FragRole, layout: MatrixLayout | null = null): Stmt => mx({ op: 'frag', name, frag: { role, layout } });
export const mload = (name: string, arr: string, offset: Expr, stride: Expr, layout: MatrixLayout): Stmt =>
  mx({ op: 'load', name, array: arr, offset, stride, layout });
export const mstore = (src: string, arr: string, offset: Expr, stride: Expr, layout: MatrixLayout): Stmt =>
  mx({ op: 'store', src, array: arr, offset, stride, layout });
export const mma = (name: string, a: string, b: string, c: string): Stmt => mx({ op: 'mma', name, a, b, c });
export const fill = (name: string, value: Expr): Stmt => mx({ op: 'fill', name, value });

/** f16 values in [-1, 1) on a 1/64 grid: every product is exact, and sums of 16 of them nearly so. */
function halves(rng: Rng, n: number): InstanceType<typeof Float16Array> {
  const a = new Float16Array(n);
  for (let j = 0; j < n; j++) a[j] = rng.int(-64, 64) / 64;
  return a;
}

/** D (m×n at `ld` with `dl`) = A×B + C, each matrix read from its array at offset 0 with its stride and layout. */
function reference(
  a: ArrayLike<number>, la: MatrixLayout, sa: number,
  b: ArrayLike<number>, lb: MatrixLayout, sb: number,
  c: ArrayLike<number> | number, lc: MatrixLayout, sc: number,
  d: Float64Array, ld: MatrixLayout, sd: number,
): void {
  for (let r = 0; r < M; r++) {
    for (let col = 0; col < N; col++) {
      let s = typeof c === 'number' ? c : (c[matrixIndex(lc, 0, sc, r, col)] as number);
      for (let p = 0; p < K; p++) s += (a[matrixIndex(la, 0, sa, r, p)] as number) * (b[matrixIndex(lb, 0, sb, p, col)] as number);
      d[matrixIndex(ld, 0, sd, r, col)] = s;
    }
  }
}

/**
 * One warp: D = A×B + C with A, B, C and D in layouts `la`, `lb`, `lc`, `ld`, and strides wider than
 * the fragment (24 f16, 20 f32), so rows and columns are found by the stride, not by packing.
 */
export function mmaTile(la: MatrixLayout, lb: MatrixLayout, lc: MatrixLayout, ld: MatrixLayout): Fixture {
  const SH = 24;
  const SF = 20;
  const ir = kernelIR(`mma_${la[0]}${lb[0]}${lc[0]}${ld[0]}`, [
    array('a', 'f16', 'read'), array('b', 'f16', 'read'), array('c', 'f32', 'read'), array('d', 'f32', 'write'), scalar('s', 'i32'),
  ], [
    frag('fa', 'a', la),
    frag('fb', 'b', lb),
    frag('fc', 'acc'),
    mload('fa', 'a', i(0), param('s', 'i32'), la),
    mload('fb', 'b', i(0), i(SH), lb),
    mload('fc', 'c', i(0), i(SF), lc),
    mma('fc', 'fa', 'fb', 'fc'),
    mstore('fc', 'd', i(0), i(SF), ld),
  ]);
  const len = (s: number): number => 16 * s;
  return {
    ir,
    make(rng: Rng) {
      const c = rng.f32Array(len(SF));
      return { args: [halves(rng, len(SH)), halves(rng, len(SH)), c, rng.f32Array(len(SF)), SH], grid: [1, 1, 1], block: [32, 1, 1] };
    },
    reference(args: HostArg[]) {
      const [a, b, c, d0] = args as [ArrayLike<number>, ArrayLike<number>, Float32Array, Float32Array];
      // Elements the store does not reach keep their values.
      const d = Float64Array.from(d0);
      reference(a, la, SH, b, lb, SH, c, lc, SF, d, ld, SF);
      return { 3: d };
    },
    tolerance: 1e-6,
  };
}

/** Tiles of the GEMM below: a block of 2×2 warps computes a 32×32 tile of C. */
const WARPS = 2;
/**
 * C (rows×cols, row-major) = A (rows×depth, row-major) × B (depth×cols, column-major) + bias, with
 * rows, cols and depth multiples of 32, 32 and 16: per 16-deep step each block stages its 32×16 slice
 * of A and 16×32 slice of B in shared arrays (one element per thread and pass), then each warp loads
 * its fragments from there (A row-major at stride 16, B column-major at stride 16) and accumulates.
 */
export function gemmShared(): Fixture {
  const T = WARPS * 16;
  const t = tid();
  const warp = load('warp', 'i32');
  const wr = load('wr', 'i32');
  const wc = load('wc', 'i32');
  const k0 = load('k0', 'i32');
  const e = load('e', 'i32');
  const depth = param('depth', 'i32');
  const cols = param('cols', 'i32');
  const row0 = load('row0', 'i32');
  const col0 = load('col0', 'i32');
  // Element e of the 32×16 A slice (row e / 16, column e % 16) and of the 16×32 B slice (column e / 16, row e % 16).
  const div = (x: Expr, y: number): Expr => ({ k: 'binary', op: '/', lhs: x, rhs: i(y), type: 'i32', span });
  const rem = (x: Expr, y: number): Expr => ({ k: 'binary', op: '%', lhs: x, rhs: i(y), type: 'i32', span });
  const ir = kernelIR('gemm_shared', [
    array('a', 'f16', 'read'), array('b', 'f16', 'read'), array('c', 'f32', 'write'),
    scalar('cols', 'i32'), scalar('depth', 'i32'), scalar('bias', 'f32'),
  ], [
    let_('warp', 'i32', div(t, 32), false),
    let_('wr', 'i32', div(warp, WARPS), false),
    let_('wc', 'i32', rem(warp, WARPS), false),
    let_('row0', 'i32', mul(bid('y'), i(T)), false),
    let_('col0', 'i32', mul(bid('x'), i(T)), false),
    frag('acc', 'acc'),
    fill('acc', param('bias', 'f32')),
    let_('k0', 'i32', i(0)),
    loop(lt(k0, depth), [
      // 512 elements of each slice, 128 threads: 4 passes.
      forRange('p', i(0), i(4), [
        let_('e', 'i32', add(mul(load('p', 'i32'), bdim()), t), false),
        store('sa', e, idx('a', add(mul(add(row0, div(e, 16)), depth), add(k0, rem(e, 16))), 'f16')),
        store('sb', e, idx('b', add(mul(add(col0, div(e, 16)), depth), add(k0, rem(e, 16))), 'f16')),
      ]),
      barrier,
      frag('fa', 'a', 'row'),
      frag('fb', 'b', 'col'),
      mload('fa', 'sa', mul(wr, i(16 * 16)), i(16), 'row'),
      mload('fb', 'sb', mul(wc, i(16 * 16)), i(16), 'col'),
      mma('acc', 'fa', 'fb', 'acc'),
      barrier,
    ], [assign('k0', add(k0, i(16)))]),
    mstore('acc', 'c', add(mul(add(row0, mul(wr, i(16))), cols), add(col0, mul(wc, i(16)))), cols, 'row'),
  ], { shared: [shared('sa', 'f16', T * 16), shared('sb', 'f16', T * 16)] });
  return {
    ir,
    make(rng: Rng) {
      const [rows, cols, depth] = [T * rng.int(1, 3), T * rng.int(1, 3), 16 * rng.int(1, 4)];
      return {
        args: [halves(rng, rows * depth), halves(rng, depth * cols), rng.f32Array(rows * cols), cols, depth, rng.f32()],
        grid: [cols / T, rows / T, 1],
        block: [32 * WARPS * WARPS, 1, 1],
      };
    },
    reference(args: HostArg[]) {
      const [a, b, c0, cols, depth, bias] = args as [ArrayLike<number>, ArrayLike<number>, Float32Array, number, number, number];
      const rows = c0.length / cols;
      const c = new Float64Array(rows * cols);
      for (let r = 0; r < rows; r++) {
        for (let col = 0; col < cols; col++) {
          let s = bias;
          for (let p = 0; p < depth; p++) s += (a[r * depth + p] as number) * (b[col * depth + p] as number);
          c[r * cols + col] = s;
        }
      }
      return { 2: c };
    },
    tolerance: 1e-6,
  };
}

export const MATRIX_FIXTURES: Fixture[] = [
  mmaTile('row', 'row', 'row', 'row'),
  mmaTile('row', 'col', 'col', 'row'),
  mmaTile('col', 'row', 'row', 'col'),
  mmaTile('col', 'col', 'col', 'col'),
  gemmShared(),
];
