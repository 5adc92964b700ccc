// Block-sized shared arrays: a sharedArray length that is not a compile-time constant is lowered as
// an ordinary i32 expression and kept if it reads only integer constants and blockDim (the rule of
// core/shared-size.ts, which the verifier enforces too); anything else is KS4040 at the first part
// that breaks the rule, saying why that part cannot size shared memory.
import type { ts } from 'ts-morph';
import type { Expr } from '../../core/ir/types.js';
import { someExpr, visitExpr } from '../../core/ir/walk.js';
import { sizeExprOf } from '../../core/shared-size.js';
import type { FnCtx } from './context.js';
import { lowerExpr } from './expr.js';

/** The size expression of `sharedArray(T, len)`, or null after reporting why it cannot be one. */
export function lowerBlockSize(cx: FnCtx, len: ts.Expression): Expr | null {
  const before = cx.diags.items.length;
  const e = lowerExpr(cx, len, 'i32');
  // Whatever lowering reported already says what is wrong.
  if (cx.diags.items.length !== before) return null;
  const s = sizeExprOf(e);
  if (!s.ok) {
    // Inside a conversion or another operator, what reads a value the launch does not fix says more.
    const at = firstExpr(s.at, (x) => isRuntimeValue(x) || x.type !== 'i32') ?? s.at;
    cx.diags.report(at.span, 'KS4040', whyNot(at));
    return null;
  }
  // Tint refuses a constant zero divisor outright; no block shape could make the count valid.
  const zero = (x: Expr): boolean => x.k === 'binary' && (x.op === '/' || x.op === '%') && x.rhs.k === 'const' && x.rhs.value === 0;
  if (someExpr(e, zero)) {
    cx.diags.report(e.span, 'KS4040', 'this one divides by zero');
    return null;
  }
  return e;
}

/** A value that differs between threads or launches, or comes from memory: never a size. */
const isRuntimeValue = (e: Expr): boolean =>
  (e.k === 'builtin' && e.name !== 'blockDim') || e.k === 'param' || e.k === 'load' || e.k === 'index' || e.k === 'atomic' || e.k === 'call';

/** The first node of `e` (parents first, left to right) that satisfies `pred`. */
function firstExpr(e: Expr, pred: (e: Expr) => boolean): Expr | null {
  let found: Expr | null = null;
  visitExpr(e, (x) => {
    if (!found && pred(x)) found = x;
  });
  return found;
}

/** Why the part `e` of a length cannot size shared memory (the end of KS4040's message). */
function whyNot(e: Expr): string {
  switch (e.k) {
    case 'builtin':
      if (e.name === 'threadIdx') return `threadIdx.${e.axis} differs between the threads that share the array`;
      if (e.name === 'blockIdx') return `blockIdx.${e.axis} differs between blocks, which all have the same shared memory`;
      return `${e.name}.${e.axis} is not blockDim`;
    case 'param':
      return `'${e.name}' is a parameter; pass the block shape through blockDim instead`;
    case 'load':
      return `'${e.name}' is a local variable; write the expression in the length itself`;
    case 'index':
    case 'atomic':
    case 'length':
      return 'this reads an array';
    case 'call':
      return `'${e.fn}' is a helper call`;
    default:
      if (e.type !== 'i32') return `this is ${/^[fi]/.test(e.type) ? 'an' : 'a'} ${e.type}, not an i32`;
      if (e.k === 'binary') return `'${e.op}' is not one of those operators`;
      if (e.k === 'unary') return `'${e.op === 'neg' ? '-' : e.op === 'not' ? '!' : '~'}' is not one of those operators`;
      if (e.k === 'math') return `Math.${e.fn} is not Math.min or Math.max`;
      return 'this is none of those';
  }
}
