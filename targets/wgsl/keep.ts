// Works around a Mesa bug that hangs or crashes WebGPU pipeline creation (docs/driver-notes.md):
// NIR's loop analysis computes a loop's trip count from a constant start, a constant bound and a
// ±1 step, and breaks when that count is exactly 2^31 - 1 (pipeline creation never returns) or
// divides INT_MIN by -1 (SIGFPE). Either needs a start or a bound of magnitude at least 2^30, so such
// integer constants are passed through ks_keep_i32/ks_keep_u32, which return them unchanged but
// read a uniform, so no driver can see the value as constant. Only where a constant can become a
// loop start or bound: an arithmetic operand makes a non-constant result, and array indices,
// stored values and atomic operands feed memory, not loop analysis.
import type { Expr, KernelIR, Stmt } from '../../core/ir/types.js';
import { mapBodies, mapExprChildren, mapStmt, mapStmts, visitAllExprs } from '../../core/ir/walk.js';

const KEEP_FN = { i32: 'ks_keep_i32', u32: 'ks_keep_u32' } as const;
const BIG = 2 ** 30;

/** The helpers' WGSL. A thread only runs with ks_grid.x > 0 (see the entry's grid check). */
const KEEP_HELPERS: Record<keyof typeof KEEP_FN, string> = {
  i32: 'fn ks_keep_i32(v: i32) -> i32 { return v ^ i32(ks_params.ks_grid.x == 0u); }',
  u32: 'fn ks_keep_u32(v: u32) -> u32 { return v ^ u32(ks_params.ks_grid.x == 0u); }',
};

/** Operators whose integer operands are not loop starts or bounds themselves. */
const ARITH = new Set(['+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>', '>>>']);

/** `c`, an i32 or u32 constant, as a call that returns it but that no compiler sees as constant. */
export function keepCall(c: Extract<Expr, { k: 'const' }>): Expr {
  return { k: 'call', fn: KEEP_FN[c.type as 'i32' | 'u32'], args: [c], type: c.type, span: c.span };
}

function isBig(e: Expr): e is Extract<Expr, { k: 'const' }> {
  if (e.k !== 'const' || typeof e.value !== 'number') return false;
  if (e.type === 'i32') return e.value >= BIG || e.value <= -BIG;
  return e.type === 'u32' && e.value >= BIG;
}

/** `e` with its big constants in value positions kept opaque; `hidden` is whether `e` itself is one. */
function keepExpr(e: Expr, hidden: boolean): Expr {
  if (e.k === 'const') {
    return isBig(e) && !hidden ? keepCall(e) : e;
  }
  // Indices and atomic operands feed memory; arithmetic operands make a non-constant result.
  const hideChildren = e.k === 'index' || e.k === 'atomic' || (e.k === 'binary' && ARITH.has(e.op));
  return mapExprChildren(e, (c) => keepExpr(c, hideChildren));
}

const value = (e: Expr): Expr => keepExpr(e, false);
const stored = (e: Expr): Expr => keepExpr(e, true);

function keepStmts(body: readonly Stmt[]): Stmt[] {
  return mapStmts(body, (s) => mapStmt(s, s.k === 'store' ? stored : value, (c) => c));
}

export function keepKernel(ir: KernelIR): KernelIR {
  return mapBodies(ir, keepStmts);
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
