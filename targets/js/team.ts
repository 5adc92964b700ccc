// Team builds of barrier kernels (regions.ts): one block run by several cpu threads at once, so a
// launch of fewer blocks than cores still uses every core (runtime/cpu/pool.ts). Each region's
// threads are cut into units of up to RUN x-consecutive threads, and team member ks_p of ks_P takes
// every ks_P-th unit; a barrier is a rendezvous of the members (ks_team.sync()). Threads within a
// region are independent by the kernel's own rules (a barrier separates a write from another
// thread's read), so the split gives the bits one thread gives. Every member runs the block-level
// code itself: a kernel qualifies only where that code computes the same values in every member
// without reading memory, so no member can take a different path to the next barrier.
import type { Expr, KernelIR, Stmt } from '../../core/ir/types.js';
import { someExpr, someExprIn, someStmt } from '../../core/ir/walk.js';

/** Threads per unit a team member takes: enough that the turn test costs nothing per thread. */
export const RUN = 32;

/** A unit's length in this call: a whole row alone, so a call without a team tests no turns. */
export const UNIT_LENGTH = `const ks_run = ks_P === 1 ? Math.max(ks_block[0], 1) : ${RUN};`;

/** A loop header, with statements printed first inside it. */
export type Header = string | readonly [string, ...string[]];

/** Counts the units of a region (ks_u runs 0 … ks_P − 1, round) and skips the ones another member takes. */
const TAKE = 'const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;';

/** The z and y loops over a block's threads, `init` declaring more counters beside ks_tz (`, ks_i = 0`). */
export const zyHeaders = (init = ''): Header[] => [`for (let ks_tz = 0${init}; ks_tz < ks_bdz; ks_tz++) {`, 'for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {'];

/** z and y of a team's thread loop (ks_u counts the units). */
export const TEAM_ZY: readonly Header[] = zyHeaders(', ks_u = 0');

/** The x units of a block row a member takes in turn, each from ks_xs to ks_xe (exclusive). */
export const TEAM_X: Header = [`for (let ks_xs = 0; ks_xs < ks_bdx; ks_xs += ks_run) {`, TAKE, `const ks_xe = Math.min(ks_bdx, ks_xs + ks_run);`];

/** A team's loop over the block's threads (ks_i: the thread's index in the block, where `indexed`). */
export function teamHeaders(indexed: boolean): Header[] {
  const i = indexed ? ', ks_i = (ks_tz * ks_bdy + ks_ty) * ks_bdx + ks_xs' : '';
  return [...TEAM_ZY, TEAM_X, `ks_thread: for (let ks_tx = ks_xs${i}; ks_tx < ks_xe; ks_tx++${indexed ? ', ks_i++' : ''}) {`];
}

/** The x loop of a guarded region's range [start, end) (narrow.ts), in units a team member takes in turn. */
export function guardedUnits(start: string, end: string): Header[] {
  return [
    [`for (let ks_xs = ${start}, ks_xend = ${end}; ks_xs < ks_xend; ks_xs += ks_run) {`, TAKE],
    `ks_thread: for (let ks_tx = ks_xs, ks_xe = Math.min(ks_xend, ks_xs + ks_run); ks_tx < ks_xe; ks_tx++) {`,
  ];
}

/**
 * Helpers of team builds: a call without a team keeps its arrays between calls at their allocation
 * sites as other code does (scratch.ts), and a member zeroes its part of a shared array.
 */
export const TEAM_HELPERS = [
  'function ks_keepNew(site, C, n) { return ks_kept(site, n) ?? ks_keep(site, ks_alloc(C, n)); }',
  'function ks_zero(a, p, P) { a.fill(0, Math.floor((a.length * p) / P), Math.floor((a.length * (p + 1)) / P)); }',
];

/** Reads memory or another thread's values, or has an effect: its value may differ between members. */
const memberDependent = (e: Expr, uniform: ReadonlySet<string>, params: ReadonlySet<string>): boolean =>
  someExpr(e, (x) => x.k === 'index' || x.k === 'atomic' || x.k === 'call' || x.k === 'warp' || (x.k === 'load' && !uniform.has(x.name) && !params.has(x.name)));

/**
 * Whether a kernel planned as regions may run as a team: no atomics (their order between threads
 * would then depend on timing), no barrier-containing `if`/loop whose condition depends on memory
 * or on one thread's values (uniform locals qualify by construction, uniform.ts), and no local
 * arrays kept per thread across barriers.
 */
export function teamSafe(ir: KernelIR, uniform: ReadonlySet<string>, localArrays: number): boolean {
  // Per-thread local arrays across barriers stay with the calling thread's code (scratch.ts caps them).
  if (localArrays > 0) return false;
  if ([ir.body, ...ir.helpers.map((h) => h.body)].some((b) => someExprIn(b, (x) => x.k === 'atomic'))) return false;
  const params = new Set(ir.params.filter((p) => p.kind === 'scalar').map((p) => p.name));
  const hasBarrier = (s: Stmt): boolean => someStmt([s], (x) => x.k === 'barrier');
  return !someStmt(ir.body, (s) => (s.k === 'if' || s.k === 'loop') && s.cond !== null && hasBarrier(s) && memberDependent(s.cond, uniform, params));
}
