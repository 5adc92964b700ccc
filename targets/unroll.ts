// Fully unrolls short counted loops that index per-thread (local) arrays with their counter, so
// every index into the array becomes a constant after folding. Drivers keep a constant-indexed
// local array in registers; indexed by a loop counter it lives in (slow) local memory, and the
// SPIR-V path, unlike nvcc, does not unroll such loops itself. WGSL and JS (the cpu backend) use this.
//
// A loop is unrolled when it is the for-shape the front end produces, `let i = C0` immediately
// followed by the loop in one statement list with no later use of i there (so i dies with the loop):
// cond `i < C` / `i <= C` / `i != C` (C constant), update exactly `i = i + c` (c > 0), a body that
// never assigns i, has no break/continue of its own, no return and no barrier, at most MAX_TRIPS
// iterations, at most MAX_NODES nodes in all, and some local-array index that uses i.
// Inner loops are unrolled first, so nests of such loops become straight-line code.
import type { Expr, KernelIR, ScalarType, Stmt } from '../core/ir/types.js';
import {
  declaredNames, exprChildren, mapExpr, mapStmt, mapStmts, someExpr, someExprIn, someStmt, stmtExprs, visitStmts,
} from '../core/ir/walk.js';
import { foldExpr } from './fold.js';

export const MAX_TRIPS = 16;
/** Enough for an 8×8 register tile's multiply-adds (`acc[i * 8 + j] += a[i] * b[j]`), about 1200. */
export const MAX_NODES = 2048;

type Let = Extract<Stmt, { k: 'let' }>;
type Loop = Extract<Stmt, { k: 'loop' }>;

function constInt(e: Expr | null, type: ScalarType): number | null {
  if (!e) return null;
  const f = foldExpr(e);
  return f.k === 'const' && f.type === type && typeof f.value === 'number' ? f.value : null;
}

const wrap = (v: number, t: ScalarType): number => (t === 'u32' ? v >>> 0 : v | 0);

/**
 * The counter values of each iteration, or null when the loop is not a counted one of at most
 * `maxTrips` iterations.
 */
export function tripValues(decl: Let, loop: Loop, maxTrips = MAX_TRIPS): number[] | null {
  const { name, type } = decl;
  if ((type !== 'i32' && type !== 'u32') || !loop.testFirst || !loop.cond) return null;
  const start = constInt(decl.init, type);
  const cond = foldExpr(loop.cond);
  if (start === null || cond.k !== 'binary' || !isLoad(cond.lhs, name)) return null;
  const limit = constInt(cond.rhs, type);
  const [upd] = loop.update;
  if (limit === null || loop.update.length !== 1 || upd?.k !== 'assign' || upd.name !== name) return null;
  const v = upd.value;
  const step = v.k === 'binary' && v.op === '+' && isLoad(v.lhs, name) ? constInt(v.rhs, type) : null;
  if (step === null || step <= 0) return null;
  const test: Partial<Record<string, (x: number) => boolean>> = {
    '<': (x) => x < limit,
    '<=': (x) => x <= limit,
    '!=': (x) => x !== limit,
  };
  const holds = test[cond.op];
  if (!holds) return null;
  const values: number[] = [];
  // Simulated with the target's wrapping arithmetic, so overflowing counters are handled exactly.
  for (let x = start; holds(x); x = wrap(x + step, type)) {
    if (values.length === maxTrips) return null;
    values.push(x);
  }
  return values;
}

function isLoad(e: Expr, name: string): boolean {
  return e.k === 'load' && e.name === name;
}

function usesInStmts(body: readonly Stmt[], name: string): boolean {
  return someExprIn(body, (x) => isLoad(x, name)) || someStmt(body, (s) => s.k === 'assign' && s.name === name);
}

/** Whether the body may be copied once per iteration with i replaced by a constant. */
function bodyAllows(body: readonly Stmt[], name: string, localArrays: ReadonlySet<string>): boolean {
  // break/continue inside a nested loop belong to that loop.
  if (someStmt(body, (s) => s.k === 'break' || s.k === 'continue', (s) => s.k !== 'loop')) return false;
  const bad = someStmt(body, (s) =>
    s.k === 'return' || s.k === 'barrier' || (s.k === 'assign' && s.name === name)
    // Names are unique per function; should a body still redeclare i, do not guess at scoping.
    || (s.k === 'let' && s.name === name));
  if (bad) return false;
  // An index through a local computed from i (`const o = i * 8 + h; acc[o]`) uses i too.
  const derived = new Set([name]);
  visitStmts(body, (s) => {
    if (s.k === 'let' && s.init && someExpr(s.init, (x) => x.k === 'load' && derived.has(x.name))) derived.add(s.name);
  });
  const local = (array: string, index: Expr): boolean =>
    localArrays.has(array) && someExpr(index, (x) => x.k === 'load' && derived.has(x.name));
  return someStmt(body, (s) => s.k === 'store' && local(s.array, s.index))
    || someExprIn(body, (e) => e.k === 'index' && local(e.array, e.index));
}

function exprSize(e: Expr): number {
  return 1 + exprChildren(e).reduce((n, c) => n + exprSize(c), 0);
}

/** Statements plus expression nodes: the measure of how much unrolling adds. */
export function nodeCount(body: readonly Stmt[]): number {
  let n = 0;
  visitStmts(body, (s) => {
    n += 1 + stmtExprs(s).reduce((m, e) => m + exprSize(e), 0);
  });
  return n;
}

/** One copy of a loop body: the counter's value, and fresh names for the locals it declares. */
class Copier {
  private readonly rename = new Map<string, string>();

  /** With `fresh`, every local the copy declares is renamed (names are unique per function). */
  constructor(
    private readonly counter: string,
    private readonly value: number,
    private readonly fresh: ((name: string, localArray: boolean) => string) | null,
  ) {}

  private name(n: string): string {
    return this.rename.get(n) ?? n;
  }

  private declare(n: string, localArray: boolean): string {
    if (!this.fresh) return n;
    const f = this.fresh(n, localArray);
    this.rename.set(n, f);
    return f;
  }

  /** One node of an expression whose children are already copied. */
  private readonly expr = (e: Expr): Expr => {
    if (e.k === 'load') {
      return e.name === this.counter ? { k: 'const', type: e.type, value: this.value, span: e.span } : { ...e, name: this.name(e.name) };
    }
    return e.k === 'index' || e.k === 'atomic' ? { ...e, array: this.name(e.array) } : e;
  };

  /** Declarations come before their uses in mapStmts' order too, so renames apply to all uses. */
  stmts(body: readonly Stmt[]): Stmt[] {
    return mapStmts(body, (s) => this.stmt(s));
  }

  private stmt(s: Stmt): Stmt {
    const f = mapStmt(s, (e) => mapExpr(e, this.expr), (body) => body);
    switch (f.k) {
      case 'let':
      case 'localArray':
        return { ...f, name: this.declare(f.name, f.k === 'localArray') };
      case 'vload':
        return { ...f, array: this.name(f.array), names: f.names.map((n) => this.declare(n, false)) };
      case 'vstore':
        return { ...f, array: this.name(f.array) };
      case 'assign':
        return { ...f, name: this.name(f.name) };
      case 'store':
        return { ...f, array: this.name(f.array) };
      case 'matrix':
        return this.matrix(f);
      default:
        return f;
    }
  }

  /** A matrix statement: a fragment declared by the copy is renamed, and so are the arrays and fragments it names. */
  private matrix(s: Extract<Stmt, { k: 'matrix' }>): Stmt {
    switch (s.op) {
      case 'frag':
        return { ...s, name: this.declare(s.name, false) };
      case 'fill':
        return { ...s, name: this.name(s.name) };
      case 'load':
        return { ...s, name: this.name(s.name), array: this.name(s.array) };
      case 'mma':
        return { ...s, name: this.name(s.name), a: this.name(s.a), b: this.name(s.b), c: this.name(s.c) };
      case 'store':
        return { ...s, src: this.name(s.src), array: this.name(s.array) };
    }
  }
}

class Unroller {
  constructor(
    /** Every name in the kernel, so fresh names are unique. */
    private readonly taken: Set<string>,
    /** Local arrays, including the copies unrolling declares. */
    private readonly localArrays: Set<string>,
  ) {}

  stmts(list: readonly Stmt[]): Stmt[] {
    const inner = list.map((s) => this.children(s));
    const out: Stmt[] = [];
    for (let k = 0; k < inner.length; k++) {
      const s = inner[k];
      const next = inner[k + 1];
      if (!s) continue;
      const copies = s.k === 'let' && next?.k === 'loop' ? this.unroll(s, next, inner.slice(k + 2)) : null;
      if (copies) {
        out.push(...copies);
        k++;
      } else out.push(s);
    }
    return out;
  }

  private children(s: Stmt): Stmt {
    return mapStmt(s, (e) => e, (body) => this.stmts(body));
  }

  /** Fresh name → the source name it copies, so copies of copies read `col_5`, not `col_1_1`. */
  private readonly origin = new Map<string, string>();

  private fresh = (name: string, localArray: boolean): string => {
    const base = this.origin.get(name) ?? name;
    let k = 1;
    while (this.taken.has(`${base}_${k}`)) k++;
    const n = `${base}_${k}`;
    this.taken.add(n);
    this.origin.set(n, base);
    if (localArray) this.localArrays.add(n);
    return n;
  };

  /** The unrolled copies replacing `decl` and `loop`, or null when the loop must stay. */
  private unroll(decl: Let, loop: Loop, rest: readonly Stmt[]): Stmt[] | null {
    if (usesInStmts(rest, decl.name)) return null;
    const values = tripValues(decl, loop);
    if (!values || !bodyAllows(loop.body, decl.name, this.localArrays)) return null;
    if (values.length * nodeCount(loop.body) > MAX_NODES) return null;
    // The first copy keeps the body's own names; later ones declare fresh ones.
    return values.flatMap((v, n) => new Copier(decl.name, v, n === 0 ? null : this.fresh).stmts(loop.body));
  }
}

/** The kernel with its qualifying loops unrolled (helpers cannot hold local arrays: unchanged). */
export function unrollKernel(ir: KernelIR): KernelIR {
  const localArrays = new Set<string>();
  visitStmts(ir.body, (s) => {
    if (s.k === 'localArray') localArrays.add(s.name);
  });
  if (localArrays.size === 0) return ir;
  return { ...ir, body: new Unroller(declaredNames(ir), localArrays).stmts(ir.body) };
}
