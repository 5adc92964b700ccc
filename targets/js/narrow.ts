// Thread loops that visit only the threads a region's guard lets through (regions.ts). A region
// that is one `if` on threadIdx.x (or threadIdx.x % C, either divided by a constant D) compared
// with a block-uniform value, such as a tree reduction's `if (tid < h)`, `if (lane < h)` or
// `if (tid / D < h)`, does nothing in the other threads, so
// its loop runs x over the guard's range only (per period C). The `if` stays inside, so the range
// only has to contain every thread that passes. Exact: the skipped threads would have evaluated a
// guard without side effects and done nothing else.
import type { Expr, Stmt } from '../../core/ir/types.js';
import { someExpr } from '../../core/ir/walk.js';

type Let = Extract<Stmt, { k: 'let' }>;

/** Threads with lo <= x mod period < hi pass (period null: the whole block row). */
export interface GuardRange {
  period: number | null;
  /** Bounds are scale · (U + plusOne): the guard compared (x mod period) / scale with U. */
  scale: number;
  lo: Expr | 'zero';
  /** Exclusive; `hiPlusOne` adds one (`x <= U`, `x == U`). */
  hi: Expr | 'none';
  loPlusOne: boolean;
  hiPlusOne: boolean;
}

/** `e` is floor((threadIdx.x mod period) / div) (period null: no mod). */
interface ThreadX {
  period: number | null;
  div: number;
}

const positiveConst = (e: Expr): number | undefined =>
  e.k === 'const' && typeof e.value === 'number' && Number.isInteger(e.value) && e.value > 0 ? e.value : undefined;

/** What `e` computes from threadIdx.x, or undefined for anything else. */
function threadX(e: Expr, remat: ReadonlyMap<string, Let>): ThreadX | undefined {
  if (e.k === 'builtin') return e.name === 'threadIdx' && e.axis === 'x' ? { period: null, div: 1 } : undefined;
  if (e.k === 'load') {
    const init = remat.get(e.name)?.init;
    return init ? threadX(init, remat) : undefined;
  }
  if (e.k !== 'binary' || e.type !== 'i32') return undefined;
  const c = positiveConst(e.rhs);
  const inner = c === undefined ? undefined : threadX(e.lhs, remat);
  if (c === undefined || !inner) return undefined;
  // x >= 0, so x % C is x mod C and (truncating) x / C is floor(x / C); floor(floor(y / a) / b) = floor(y / ab).
  if (e.op === '%') return inner.period === null && inner.div === 1 ? { period: c, div: 1 } : undefined;
  if (e.op === '/') return { period: inner.period, div: inner.div * c };
  return undefined;
}

const FLIP: Partial<Record<string, string>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==' };

function range(cond: Expr, remat: ReadonlyMap<string, Let>, uniform: ReadonlySet<string>): GuardRange | null {
  if (cond.k !== 'binary') return null;
  if (cond.op === '&&') return range(cond.lhs, remat, uniform) ?? range(cond.rhs, remat, uniform);
  const fixed = (u: Expr): boolean =>
    u.type === 'i32' &&
    !someExpr(u, (x) => x.k === 'index' || x.k === 'atomic' || x.k === 'call' || (x.k === 'builtin' && x.name === 'threadIdx') || (x.k === 'load' && !uniform.has(x.name)));
  let op: string | undefined = cond.op;
  let x = cond.lhs;
  let u = cond.rhs;
  if (threadX(x, remat) === undefined) {
    [x, u, op] = [cond.rhs, cond.lhs, FLIP[cond.op]];
  }
  const t = threadX(x, remat);
  if (t === undefined || op === undefined || !fixed(u)) return null;
  // floor(y / D) < U iff y < D·U, floor(y / D) <= U iff y < D·(U + 1), and so on.
  const [period, scale] = [t.period, t.div];
  switch (op) {
    case '<':
      return { period, scale, lo: 'zero', hi: u, loPlusOne: false, hiPlusOne: false };
    case '<=':
      return { period, scale, lo: 'zero', hi: u, loPlusOne: false, hiPlusOne: true };
    case '==':
      return { period, scale, lo: u, hi: u, loPlusOne: false, hiPlusOne: true };
    case '>':
      return { period, scale, lo: u, hi: 'none', loPlusOne: true, hiPlusOne: false };
    case '>=':
      return { period, scale, lo: u, hi: 'none', loPlusOne: false, hiPlusOne: false };
    default:
      return null;
  }
}

/**
 * The guard range of a region: one `if` without `else` (after lets that are recomputed anyway),
 * whose condition has no side effects and compares x with a block-uniform i32 value.
 */
export function guardRange(region: readonly Stmt[], remat: ReadonlyMap<string, Let>, uniform: ReadonlySet<string>): GuardRange | null {
  const last = region[region.length - 1];
  if (!last || last.k !== 'if' || last.else.length > 0) return null;
  if (!region.slice(0, -1).every((s) => s.k === 'let' && remat.get(s.name) === s)) return null;
  if (someExpr(last.cond, (x) => x.k === 'atomic' || x.k === 'call')) return null;
  return range(last.cond, remat, uniform);
}
