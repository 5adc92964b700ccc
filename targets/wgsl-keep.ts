// Works around a Mesa bug that hangs or crashes WebGPU pipeline creation (docs/driver-notes.md):
// NIR's loop analysis computes a loop's trip count from a constant start, a constant bound and a
// ±1 step, and breaks when that count is exactly 2^31 - 1 (pipeline creation never returns) or
// divides INT_MIN by -1 (SIGFPE). Either needs a start or a bound of magnitude at least 2^30, so such
// integer constants are passed through ks_keep_i32/ks_keep_u32, which return them unchanged but
// read a uniform, so no driver can see the value as constant. Only where a constant can become a
// loop start or bound: an arithmetic operand makes a non-constant result, and array indices,
// stored values and atomic operands feed memory, not loop analysis.
import type { Expr, HelperIR, KernelIR, Stmt } from '../compiler/ir/types.js';
import { visitAllExprs } from '../compiler/ir/walk.js';

const KEEP_FN = { i32: 'ks_keep_i32', u32: 'ks_keep_u32' } as const;
const BIG = 2 ** 30;

/** The helpers' WGSL. A thread only runs with ks_grid.x > 0 (see the entry's grid check). */
const KEEP_HELPERS: Record<keyof typeof KEEP_FN, string> = {
  i32: 'fn ks_keep_i32(v: i32) -> i32 { return v ^ i32(ks_params.ks_grid.x == 0u); }',
  u32: 'fn ks_keep_u32(v: u32) -> u32 { return v ^ u32(ks_params.ks_grid.x == 0u); }',
};

/** Operators whose integer operands are not loop starts or bounds themselves. */
const ARITH = new Set(['+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>', '>>>']);

function isBig(e: Expr): e is Extract<Expr, { k: 'const' }> {
  if (e.k !== 'const' || typeof e.value !== 'number') return false;
  if (e.type === 'i32') return e.value >= BIG || e.value <= -BIG;
  return e.type === 'u32' && e.value >= BIG;
}

/** `e` with its big constants in value positions kept opaque; `hidden` is whether `e` itself is one. */
function keepExpr(e: Expr, hidden: boolean): Expr {
  switch (e.k) {
    case 'const':
      return isBig(e) && !hidden ? { k: 'call', fn: KEEP_FN[e.type as 'i32' | 'u32'], args: [e], type: e.type, span: e.span } : e;
    case 'param':
    case 'load':
    case 'builtin':
      return e;
    case 'index':
      return { ...e, index: keepExpr(e.index, true) };
    case 'atomic':
      return { ...e, index: keepExpr(e.index, true), args: e.args.map((a) => keepExpr(a, true)) };
    case 'unary':
    case 'cast':
      return { ...e, arg: keepExpr(e.arg, false) };
    case 'binary': {
      const arith = ARITH.has(e.op);
      return { ...e, lhs: keepExpr(e.lhs, arith), rhs: keepExpr(e.rhs, arith) };
    }
    case 'select':
      return { ...e, cond: keepExpr(e.cond, false), then: keepExpr(e.then, false), else: keepExpr(e.else, false) };
    case 'math':
    case 'call':
      return { ...e, args: e.args.map((a) => keepExpr(a, false)) };
  }
}

const value = (e: Expr): Expr => keepExpr(e, false);

function keepStmts(body: readonly Stmt[]): Stmt[] {
  return body.map((s): Stmt => {
    switch (s.k) {
      case 'let':
        return { ...s, init: s.init ? value(s.init) : null };
      case 'assign':
        return { ...s, value: value(s.value) };
      case 'store':
        return { ...s, index: keepExpr(s.index, true), value: keepExpr(s.value, true) };
      case 'expr':
        return { ...s, expr: value(s.expr) };
      case 'if':
        return { ...s, cond: value(s.cond), then: keepStmts(s.then), else: keepStmts(s.else) };
      case 'loop':
        return { ...s, cond: s.cond ? value(s.cond) : null, body: keepStmts(s.body), update: keepStmts(s.update) };
      case 'block':
        return { ...s, body: keepStmts(s.body) };
      case 'return':
        return { ...s, value: s.value ? value(s.value) : null };
      default:
        return s;
    }
  });
}

export function keepKernel(ir: KernelIR): KernelIR {
  const helpers = ir.helpers.map((h): HelperIR => ({ ...h, body: keepStmts(h.body) }));
  return { ...ir, helpers, body: keepStmts(ir.body) };
}

/** The WGSL of the keep helpers `ir` calls (after keepKernel). */
export function keepHelpers(ir: KernelIR): string[] {
  const used = new Set<string>();
  const visit = (e: Expr): void => {
    if (e.k === 'call' && (e.fn === KEEP_FN.i32 || e.fn === KEEP_FN.u32)) used.add(e.fn);
  };
  visitAllExprs(ir.body, visit);
  for (const h of ir.helpers) visitAllExprs(h.body, visit);
  const lines: string[] = [];
  if (used.size > 0) lines.push('// Returns v, unseen as a constant: Mesa hangs on some loop bounds (KernelScript docs/driver-notes.md).');
  for (const t of ['i32', 'u32'] as const) if (used.has(KEEP_FN[t])) lines.push(KEEP_HELPERS[t]);
  if (lines.length > 0) lines.push('');
  return lines;
}
