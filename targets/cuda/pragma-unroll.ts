// Which counted loops the CUDA target marks `#pragma unroll`. nvcc unrolls short loops by itself
// but stops at a size budget: a register-tiled matmul's k-step loop (8 or 16 trips over 64
// multiply-adds) stays a loop, paying address arithmetic and a branch per step that full unrolling
// folds into the loads' immediate offsets. Hand-written CUDA marks such loops; the target does the
// same for every loop with a constant trip count (as targets/unroll.ts finds it) whose unrolled size,
// inner marked loops included, stays within a budget.
import type { Stmt } from '../../core/ir/types.js';
import { exprChildren, someStmt, stmtChildren, stmtExprs } from '../../core/ir/walk.js';
import { tripValues } from '../unroll.js';

/** At most this many iterations: longer constant loops keep nvcc's own choice. */
export const PRAGMA_MAX_TRIPS = 64;
/**
 * IR nodes after unrolling (statements plus expression nodes), inner marked loops expanded: an 8×8
 * register tile's k-step loop of 16 trips (1024 multiply-adds, about 18 nodes each) is about 22000.
 */
export const PRAGMA_MAX_NODES = 32768;

type Let = Extract<Stmt, { k: 'let' }>;
type Loop = Extract<Stmt, { k: 'loop' }>;

function exprSize(e: Parameters<typeof exprChildren>[0]): number {
  return 1 + exprChildren(e).reduce((n, c) => n + exprSize(c), 0);
}

/** Remembers each loop's verdict, so nests are measured once per loop. */
export class UnrollPragmas {
  private readonly trips = new WeakMap<Loop, number | null>();

  /** Whether `loop`, whose counter `decl` declares just before it, is printed with `#pragma unroll`. */
  marks(decl: Stmt | undefined, loop: Stmt): boolean {
    return decl?.k === 'let' && loop.k === 'loop' && this.tripsOf(decl, loop) !== null;
  }

  private tripsOf(decl: Let, loop: Loop): number | null {
    const known = this.trips.get(loop);
    if (known !== undefined) return known;
    let verdict: number | null = null;
    const values = tripValues(decl, loop, PRAGMA_MAX_TRIPS + 1);
    // A body that assigns the counter or leaves early has no fixed trip count for nvcc either.
    const leaves = someStmt(loop.body, (s) => s.k === 'break' || s.k === 'return', (s) => s.k !== 'loop')
      || someStmt(loop.body, (s) => s.k === 'assign' && s.name === decl.name);
    if (values && values.length > 1 && values.length <= PRAGMA_MAX_TRIPS && !leaves) {
      verdict = values.length * this.size(loop.body) <= PRAGMA_MAX_NODES ? values.length : null;
    }
    this.trips.set(loop, verdict);
    return verdict;
  }

  /** The statements' size with every marked loop in them expanded. */
  private size(list: readonly Stmt[]): number {
    let n = 0;
    list.forEach((s, k) => {
      const prev = list[k - 1];
      const times = s.k === 'loop' && prev?.k === 'let' ? (this.tripsOf(prev, s) ?? 1) : 1;
      n += 1 + stmtExprs(s).reduce((m, e) => m + exprSize(e), 0);
      n += times * stmtChildren(s).reduce((m, body) => m + this.size(body), 0);
    });
    return n;
  }
}
