// Generic traversal of the IR tree, so passes only write the cases they care about.
import type { Expr, Stmt } from './types.js';

export function exprChildren(e: Expr): Expr[] {
  switch (e.k) {
    case 'const':
    case 'param':
    case 'load':
    case 'builtin':
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
    case 'expr':
      return [s.expr];
    case 'if':
      return [s.cond];
    case 'loop':
      return s.cond ? [s.cond] : [];
    case 'return':
      return s.value ? [s.value] : [];
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
