// Folds operations whose operands are all constants, with the registry's semantics (core/ir/ops.ts,
// which the cpu backend also runs). Beyond tidier output this is needed for correctness: WGSL evaluates constant
// expressions at shader creation and rejects any that overflow, shift a bit into the sign, divide
// by zero or produce a non-finite float; C compilers warn on constant overflow. Folded, such a
// value prints as an ordinary literal (non-finite f32 values have target-specific spellings).
import type { Expr, KernelIR, Stmt } from '../core/ir/types.js';
import { convert, evaluateBinary, evaluateMath, evaluateUnary, mathArgType } from '../core/ir/ops.js';
import { mapBodies, mapExprChildren, mapStmt } from '../core/ir/walk.js';

type Const = Extract<Expr, { k: 'const' }>;
type Value = number | boolean;

function constOf(e: Expr, value: Value): Const {
  return { k: 'const', type: e.type, value, span: e.span };
}

export function foldExpr(e: Expr): Expr {
  const f = mapExprChildren(e, foldExpr);
  switch (f.k) {
    case 'unary': {
      if (f.arg.k !== 'const') return f;
      const v = evaluateUnary(f.op, f.arg.value, f.type);
      return v === null ? f : constOf(f, v);
    }
    case 'binary': {
      const { lhs, rhs } = f;
      if (lhs.k === 'const' && rhs.k === 'const') {
        const v = evaluateBinary(f.op, lhs.value, rhs.value, lhs.type, f.type);
        if (v !== null) return constOf(f, v);
      }
      return f;
    }
    case 'select':
      return f.cond.k === 'const' ? (f.cond.value ? f.then : f.else) : f;
    case 'cast':
      return f.arg.k === 'const' ? constOf(f, convert(f.arg.value, f.type)) : f;
    case 'math': {
      const { args } = f;
      const values = args.map((a) => (a.k === 'const' && typeof a.value === 'number' ? a.value : null));
      if (f.type === 'bool' || values.some((v) => v === null)) return f;
      return constOf(f, evaluateMath(f.fn, values as number[], mathArgType(f)));
    }
    default:
      return f;
  }
}

export function foldStmts(body: readonly Stmt[]): Stmt[] {
  return body.map((s) => mapStmt(s, foldExpr, foldStmts));
}

export function foldKernel(ir: KernelIR): KernelIR {
  return mapBodies(ir, foldStmts);
}

/**
 * Whether `e` is an integer `/` or `%` whose divisor is a constant zero (after folding): unspecified
 * behaviour, which Tint rejects and nvcc warns of when it sees the constant (wgsl/const.ts, cuda/legalize.ts).
 */
export function dividesByConstZero(e: Extract<Expr, { k: 'binary' }>): boolean {
  if ((e.op !== '/' && e.op !== '%') || (e.type !== 'i32' && e.type !== 'u32')) return false;
  const d = foldExpr(e.rhs);
  return d.k === 'const' && d.value === 0;
}
