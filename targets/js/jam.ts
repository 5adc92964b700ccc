// Regions whose threads only read memory and spend their time in one counted loop with a
// block-uniform trip count (a tiled matmul's `for (p < TILE) sum += ta[..] * tb[..]`) run JAM
// threads at once, their loop bodies interleaved in one loop (regions.ts). Each thread's f32
// chain `sum = fround(sum + …)` waits on its own rounding; interleaved, the chains overlap.
// Exact: a region that writes no memory cannot observe the order its threads read in, and each
// thread still runs its own statements in its own order, on its own (renamed) locals.
import type { Expr, Stmt } from '../../core/ir/types.js';
import { someExpr, someExprIn, someStmt, visitStmts } from '../../core/ir/walk.js';

/** Threads interleaved per jammed iteration. */
export const JAM = 4;

type Let = Extract<Stmt, { k: 'let' }>;
type Loop = Extract<Stmt, { k: 'loop' }>;

export interface JamPlan {
  /** Lets before the loop (run per thread). */
  pre: Let[];
  /** The loop counter, shared by the jammed threads: its values are block-uniform. */
  counter: Let;
  loop: Loop;
  /** The loop's condition (tested first). */
  cond: Expr;
}

/** Statement kinds a jammed thread may run: no memory writes, no exits, no calls. */
const PLAIN = new Set<Stmt['k']>(['let', 'assign', 'if', 'block', 'loop']);
const EFFECTS = new Set<Expr['k']>(['atomic', 'call', 'warp']);

/** `e` reads only constants, parameters, launch builtins other than threadIdx, `counter` and uniform locals. */
function sameForAll(e: Expr, counter: string, uniform: ReadonlySet<string>): boolean {
  return !someExpr(
    e,
    (x) =>
      x.k === 'index' ||
      EFFECTS.has(x.k) ||
      x.k === 'length' ||
      (x.k === 'builtin' && x.name === 'threadIdx') ||
      (x.k === 'load' && x.name !== counter && !uniform.has(x.name)),
  );
}

/**
 * The jam plan of a region (its uniform definitions already taken out, so the uniform locals hold
 * still while it runs): lets, then one block of `let counter` and a `for` loop on it; or null.
 * `localArrays` are the per-thread local arrays (not handled).
 */
export function jamPlan(region: readonly Stmt[], uniform: ReadonlySet<string>, localArrays: ReadonlySet<string>): JamPlan | null {
  const last = region[region.length - 1];
  const pre = region.slice(0, -1);
  if (!last || last.k !== 'block' || last.body.length !== 2) return null;
  const [counter, loop] = last.body;
  if (counter?.k !== 'let' || !counter.init || loop?.k !== 'loop' || !loop.testFirst || !loop.cond) return null;
  if (!pre.every((s): s is Let => s.k === 'let')) return null;
  const stmts = [...pre, loop];
  if (someStmt(stmts, (s) => !PLAIN.has(s.k))) return null;
  if (someExprIn(stmts, (x) => EFFECTS.has(x.k) || (x.k === 'index' && localArrays.has(x.array)))) return null;
  const c = counter.name;
  if (!sameForAll(counter.init, c, uniform) || !sameForAll(loop.cond, c, uniform)) return null;
  const [update, ...more] = loop.update;
  if (more.length > 0 || update?.k !== 'assign' || update.name !== c || !sameForAll(update.value, c, uniform)) return null;
  // Only the update moves the counter, so every thread sees the same counter values.
  let moved = false;
  visitStmts([...pre, ...loop.body], (s) => {
    if ((s.k === 'assign' || s.k === 'let') && s.name === c) moved = true;
  });
  return moved ? null : { pre, counter, loop, cond: loop.cond };
}
