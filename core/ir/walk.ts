// Generic traversal of the IR tree, so passes only write the cases they care about.
import { InternalCompilerError } from '../diagnostics/diagnostic.js';
import type { Expr, HelperIR, KernelIR, MatrixStmt, Stmt } from './types.js';

export function exprChildren(e: Expr): Expr[] {
  switch (e.k) {
    case 'const':
    case 'param':
    case 'load':
    case 'builtin':
    case 'length':
      return [];
    case 'index':
      return [e.index];
    case 'unary':
    case 'cast':
      return [e.arg];
    case 'binary':
      return [e.lhs, e.rhs];
    case 'select':
      return [e.cond, e.then, e.else];
    case 'math':
    case 'call':
    case 'warp':
      return e.args;
    case 'atomic':
      return [e.index, ...e.args];
  }
}

/** Visits `e` and all its sub-expressions, parents first. */
export function visitExpr(e: Expr, f: (e: Expr) => void): void {
  f(e);
  for (const c of exprChildren(e)) visitExpr(c, f);
}

/** The expressions a statement evaluates directly (not those of nested statements). */
export function stmtExprs(s: Stmt): Expr[] {
  switch (s.k) {
    case 'let':
      return s.init ? [s.init] : [];
    case 'assign':
      return [s.value];
    case 'store':
      return [s.index, s.value];
    case 'vload':
      return [s.index];
    case 'vstore':
      return [s.index, ...s.values];
    case 'expr':
      return [s.expr];
    case 'if':
      return [s.cond];
    case 'loop':
      return s.cond ? [s.cond] : [];
    case 'return':
      return s.value ? [s.value] : [];
    case 'fault':
      return [s.index, s.length];
    case 'print':
      return s.args;
    case 'matrix':
      return matrixExprs(s);
    default:
      return [];
  }
}

/** The expressions a matrix statement evaluates, in order. */
function matrixExprs(s: MatrixStmt): Expr[] {
  switch (s.op) {
    case 'fill':
      return [s.value];
    case 'load':
    case 'store':
      return [s.offset, s.stride];
    default:
      return [];
  }
}

/** Nested statement lists of a statement. */
export function stmtChildren(s: Stmt): Stmt[][] {
  switch (s.k) {
    case 'if':
      return [s.then, s.else];
    case 'loop':
      return [s.body, s.update];
    case 'block':
      return [s.body];
    default:
      return [];
  }
}

/** Visits every statement in `body`, parents first. */
export function visitStmts(body: readonly Stmt[], f: (s: Stmt) => void): void {
  for (const s of body) {
    f(s);
    for (const c of stmtChildren(s)) visitStmts(c, f);
  }
}

/** Visits every expression (with sub-expressions) evaluated anywhere in `body`. */
export function visitAllExprs(body: readonly Stmt[], f: (e: Expr) => void): void {
  visitStmts(body, (s) => {
    for (const e of stmtExprs(s)) visitExpr(e, f);
  });
}

/** Whether `e` or one of its sub-expressions satisfies `pred` (stops at the first that does). */
export function someExpr(e: Expr, pred: (e: Expr) => boolean): boolean {
  return pred(e) || exprChildren(e).some((c) => someExpr(c, pred));
}

/** Whether `e` holds an atomic anywhere. */
export const hasAtomic = (e: Expr): boolean => someExpr(e, (x) => x.k === 'atomic');
/** A leaf whose value code cannot change within a statement: evaluating it again, or later, gives the same value. */
export const isLeaf = (e: Expr): boolean => e.k === 'const' || e.k === 'param' || e.k === 'load' || e.k === 'builtin';
/** Whether `e` holds a collective warp operation (all lanes must evaluate it together). */
export const hasCollective = (e: Expr): boolean => someExpr(e, (x) => x.k === 'warp' && x.op !== 'size' && x.op !== 'lane');

/**
 * Whether a statement of `body` or of its nested lists satisfies `pred`. `into` decides which
 * statements' nested lists are searched (all by default), e.g. not a loop's for its own break.
 */
export function someStmt(body: readonly Stmt[], pred: (s: Stmt) => boolean, into: (s: Stmt) => boolean = () => true): boolean {
  return body.some((s) => pred(s) || (into(s) && stmtChildren(s).some((c) => someStmt(c, pred, into))));
}

/** Whether an expression evaluated anywhere in `body`, sub-expressions included, satisfies `pred`. */
export function someExprIn(body: readonly Stmt[], pred: (e: Expr) => boolean): boolean {
  return someStmt(body, (s) => stmtExprs(s).some((e) => someExpr(e, pred)));
}

/** `e` rebuilt with new children, given in exprChildren order; a leaf comes back as it is. */
export function withExprChildren(e: Expr, cs: readonly Expr[]): Expr {
  const at = (i: number): Expr => {
    const c = cs[i];
    if (!c) throw new InternalCompilerError(`missing child ${i} of ${e.k}`);
    return c;
  };
  switch (e.k) {
    case 'const':
    case 'param':
    case 'load':
    case 'builtin':
    case 'length':
      return e;
    case 'index':
      return { ...e, index: at(0) };
    case 'unary':
    case 'cast':
      return { ...e, arg: at(0) };
    case 'binary':
      return { ...e, lhs: at(0), rhs: at(1) };
    case 'select':
      return { ...e, cond: at(0), then: at(1), else: at(2) };
    case 'math':
    case 'call':
    case 'warp':
      return { ...e, args: [...cs] };
    case 'atomic':
      return { ...e, index: at(0), args: cs.slice(1) };
  }
}

/** `e` with `f` applied to each of its direct children, in exprChildren order. */
export function mapExprChildren(e: Expr, f: (c: Expr) => Expr): Expr {
  return withExprChildren(e, exprChildren(e).map(f));
}

/** `e` rewritten bottom-up: its children first, then `f` on the node rebuilt from them. */
export function mapExpr(e: Expr, f: (e: Expr) => Expr): Expr {
  return f(mapExprChildren(e, (c) => mapExpr(c, f)));
}

/**
 * `s` with `expr` applied to each expression it evaluates directly (stmtExprs order), then `stmts`
 * to each nested statement list (stmtChildren order). Names and other fields stay as they are.
 */
export function mapStmt(s: Stmt, expr: (e: Expr) => Expr, stmts: (body: Stmt[]) => Stmt[]): Stmt {
  switch (s.k) {
    case 'let':
      return { ...s, init: s.init ? expr(s.init) : null };
    case 'assign':
      return { ...s, value: expr(s.value) };
    case 'store': {
      const index = expr(s.index);
      return { ...s, index, value: expr(s.value) };
    }
    case 'vload':
      return { ...s, index: expr(s.index) };
    case 'vstore': {
      const index = expr(s.index);
      return { ...s, index, values: s.values.map(expr) };
    }
    case 'expr':
      return { ...s, expr: expr(s.expr) };
    case 'return':
      return { ...s, value: s.value ? expr(s.value) : null };
    case 'fault': {
      const index = expr(s.index);
      return { ...s, index, length: expr(s.length) };
    }
    case 'print':
      return { ...s, args: s.args.map(expr) };
    case 'matrix':
      if (s.op === 'fill') return { ...s, value: expr(s.value) };
      if (s.op === 'load' || s.op === 'store') {
        const offset = expr(s.offset);
        return { ...s, offset, stride: expr(s.stride) };
      }
      return s;
    case 'if': {
      const cond = expr(s.cond);
      const then = stmts(s.then);
      return { ...s, cond, then, else: stmts(s.else) };
    }
    case 'loop': {
      const cond = s.cond ? expr(s.cond) : null;
      const body = stmts(s.body);
      return { ...s, cond, body, update: stmts(s.update) };
    }
    case 'block':
      return { ...s, body: stmts(s.body) };
    default:
      return s;
  }
}

/**
 * `body` rewritten bottom-up: each statement's nested lists first, then `f` on the statement rebuilt
 * from them, in list order. `f` may return a list, spliced in place (empty to drop the statement).
 */
export function mapStmts(body: readonly Stmt[], f: (s: Stmt) => Stmt | Stmt[]): Stmt[] {
  return body.flatMap((s) => f(mapStmt(s, (e) => e, (c) => mapStmts(c, f))));
}

/** `body` with every expression it evaluates, nested statements included, rewritten by mapExpr with `f`. */
export function mapAllExprs(body: readonly Stmt[], f: (e: Expr) => Expr): Stmt[] {
  return mapStmts(body, (s) => mapStmt(s, (e) => mapExpr(e, f), (c) => c));
}

/** The kernel with `f` applied to the body of each helper, then to its own body. */
export function mapBodies(ir: KernelIR, f: (body: Stmt[]) => Stmt[]): KernelIR {
  const helpers = ir.helpers.map((h): HelperIR => ({ ...h, body: f(h.body) }));
  return { ...ir, helpers, body: f(ir.body) };
}

/** The kernel's arrays whose length is fixed at compile time (shared and local), by their unique IR name. */
export function fixedArrays(ir: KernelIR): Map<string, { length: number; space: 'shared' | 'local' }> {
  const out = new Map<string, { length: number; space: 'shared' | 'local' }>();
  // Block-sized shared arrays (`size`) have their length only at launch.
  for (const s of ir.shared) if (!s.size) out.set(s.name, { length: s.length, space: 'shared' });
  visitStmts(ir.body, (s) => {
    if (s.k === 'localArray') out.set(s.name, { length: s.length, space: 'local' });
  });
  return out;
}

/** Every name a kernel declares: itself, its parameters and shared arrays, its helpers and theirs, every local. */
export function declaredNames(ir: KernelIR): Set<string> {
  const out = new Set<string>([ir.name, ...ir.params.map((p) => p.name), ...ir.shared.map((s) => s.name)]);
  const locals = (body: readonly Stmt[]): void =>
    visitStmts(body, (s) => {
      if (s.k === 'let' || s.k === 'localArray') out.add(s.name);
      if (s.k === 'vload') for (const n of s.names) out.add(n);
      if (s.k === 'matrix' && s.op === 'frag') out.add(s.name);
    });
  for (const h of ir.helpers) {
    out.add(h.name);
    for (const p of h.params) out.add(p.name);
    locals(h.body);
  }
  locals(ir.body);
  return out;
}
