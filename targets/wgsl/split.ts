// Splits deep expressions into `let` temporaries for WGSL. Tint rejects an expression tree more
// than 512 nodes deep ("reached max expression depth of 512": a sum of 514 terms, or fewer terms
// that each print as several nodes). The printer spells one IR node with at most four WGSL nodes
// (`bitcast<f32>(atomicLoad(&a[i]))`), so an IR depth of at most MAX_DEPTH keeps every statement
// below it. limits.ts diagnoses what is left, and Tint's other limit, 127 levels of brackets
// and blocks (nesting.ts), which splitting alone does not bound.
//
// Hoisting a subexpression in front of its statement evaluates it earlier and unconditionally,
// which keeps the meaning because IR expressions are pure and WGSL's cannot trap (division by
// zero and out-of-bounds reads are defined). The exceptions are kept in place: in a statement
// with an atomic, subexpressions with an atomic or reading an array an atomic there uses (it may
// write it; distinct arrays never alias: WebGPU forbids binding a buffer writably twice); in the
// right operand of && and ||, helper calls (a helper's loop may only end under the guard).
import type { Expr, KernelIR, Stmt } from '../../core/ir/types.js';
import {
  declaredNames, exprChildren, mapBodies, mapStmt, someExpr, stmtExprs, visitExpr, visitStmts, withExprChildren,
} from '../../core/ir/walk.js';

export const MAX_DEPTH = 64;

export function exprDepth(e: Expr): number {
  let d = 0;
  for (const c of exprChildren(e)) d = Math.max(d, exprDepth(c));
  return d + 1;
}

/** Arrays used by the atomics in `es`. */
function atomicArrays(es: readonly Expr[]): Set<string> {
  const out = new Set<string>();
  for (const e of es) visitExpr(e, (x) => x.k === 'atomic' && out.add(x.array));
  return out;
}

const touches = (e: Expr, arrays: ReadonlySet<string>): boolean =>
  someExpr(e, (x) => x.k === 'atomic' || (x.k === 'index' && arrays.has(x.array)));
const callsHelper = (e: Expr): boolean => someExpr(e, (x) => x.k === 'call');

class Splitter {
  private count = 0;

  constructor(private readonly taken: Set<string>) {}

  private fresh(): string {
    let n: string;
    do n = `split_${++this.count}`;
    while (this.taken.has(n));
    this.taken.add(n);
    return n;
  }

  /**
   * `e` at most MAX_DEPTH deep where allowed, its hoisted parts appended to `pre` in evaluation
   * order. `atomics`: the arrays the statement's atomics use; `guarded`: under the right side of && / ||.
   */
  private reduce(e: Expr, pre: Stmt[], atomics: ReadonlySet<string>, guarded: boolean): Expr {
    const kids = exprChildren(e);
    if (kids.length === 0) return e;
    const logic = e.k === 'binary' && (e.op === '&&' || e.op === '||');
    const out = kids.map((c, i) => {
      const g = guarded || (logic && i === 1);
      const r = this.reduce(c, pre, atomics, g);
      if (exprDepth(r) < MAX_DEPTH || (atomics.size > 0 && touches(r, atomics)) || (g && callsHelper(r))) return r;
      const name = this.fresh();
      pre.push({ k: 'let', name, type: r.type, init: r, mutable: false, span: r.span });
      return { k: 'load', name, type: r.type, span: r.span } as Expr;
    });
    return withExprChildren(e, out);
  }

  /** The statement's expression, reduced, with the lets it needs appended to `pre`. */
  private split(e: Expr, pre: Stmt[], s: Stmt): Expr {
    if (exprDepth(e) <= MAX_DEPTH) return e;
    return this.reduce(e, pre, atomicArrays(stmtExprs(s)), false);
  }

  stmts(body: readonly Stmt[]): Stmt[] {
    const out: Stmt[] = [];
    for (const s of body) {
      const pre: Stmt[] = [];
      const next = this.stmt(s, pre);
      out.push(...pre, next);
    }
    return out;
  }

  private stmt(s: Stmt, pre: Stmt[]): Stmt {
    if (s.k === 'loop') return this.loop(s);
    return mapStmt(s, (e) => this.split(e, pre, s), (body) => this.stmts(body));
  }

  /** A deep condition is evaluated where the loop tests it: first in the body, or last in the update. */
  private loop(s: Extract<Stmt, { k: 'loop' }>): Stmt {
    const body = this.stmts(s.body);
    const update = this.stmts(s.update);
    const lets: Stmt[] = [];
    const cond = s.cond ? this.split(s.cond, lets, s) : null;
    if (lets.length === 0 || !cond) return { ...s, cond, body, update };
    if (!s.testFirst) return { ...s, cond, body, update: [...update, ...lets] };
    const exit: Stmt = {
      k: 'if',
      cond: { k: 'unary', op: 'not', arg: cond, type: 'bool', span: cond.span },
      then: [{ k: 'break', span: s.span }],
      else: [],
      span: cond.span,
    };
    return { ...s, cond: null, body: [...lets, exit, ...body], update };
  }
}

export function splitKernel(ir: KernelIR): KernelIR {
  const splitter = new Splitter(declaredNames(ir));
  return mapBodies(ir, (body) => splitter.stmts(body));
}

/** The deepest expression left after splitting (what the limits check must still allow). */
export function deepestExpr(ir: KernelIR): Expr | null {
  let best: Expr | null = null;
  let depth = 0;
  const visit = (body: readonly Stmt[]): void =>
    visitStmts(body, (s) => {
      for (const e of stmtExprs(s)) {
        const d = exprDepth(e);
        if (d > depth) [best, depth] = [e, d];
      }
    });
  visit(ir.body);
  for (const h of ir.helpers) visit(h.body);
  return best;
}
