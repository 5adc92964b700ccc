// Folds operations whose operands are all constants, with the JS target's (the reference)
// semantics. Beyond tidier output this is needed for correctness: WGSL evaluates constant
// expressions at shader creation and rejects any that overflow, shift a bit into the sign, divide
// by zero or produce a non-finite float; C compilers warn on constant overflow. Folded, such a
// value prints as an ordinary literal (non-finite f32 values have target-specific spellings).
import type { Expr, KernelIR, ScalarType, Stmt } from '../core/ir/types.js';
import { mapBodies, mapExprChildren, mapStmt } from '../core/ir/walk.js';

type Const = Extract<Expr, { k: 'const' }>;
type Value = number | boolean;

const ROUNDED = new Set(['exp', 'log', 'sqrt', 'pow', 'sin', 'cos', 'tan', 'tanh', 'atan2']);

function wrap(v: number, t: ScalarType): Value {
  if (t === 'i32') return v | 0;
  if (t === 'u32') return v >>> 0;
  if (t === 'f32') return Math.fround(v);
  return v !== 0;
}

function binary(op: string, a: Value, b: Value, operandType: ScalarType, t: ScalarType): Value | null {
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    if (op === '&&') return a && b;
    if (op === '||') return a || b;
    if (op === '==') return a === b;
    if (op === '!=') return a !== b;
    return null;
  }
  switch (op) {
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
    case '==': return a === b;
    case '!=': return a !== b;
    case '+': return wrap(a + b, t);
    case '-': return wrap(a - b, t);
    case '*': return t === 'f32' ? Math.fround(a * b) : wrap(Math.imul(a, b), t);
    case '/': return t === 'f32' ? Math.fround(a / b) : wrap(Math.trunc(a / b) || 0, t);
    case '%': return t === 'f32' ? a % b : wrap(a % b || 0, t);
    case '&': return wrap(a & b, t);
    case '|': return wrap(a | b, t);
    case '^': return wrap(a ^ b, t);
    case '<<': return wrap(a << b, t);
    case '>>': return operandType === 'u32' ? wrap(a >>> b, t) : wrap(a >> b, t);
    case '>>>': return wrap(a >>> b, t);
    default: return null;
  }
}

function cast(v: Value, from: ScalarType, to: ScalarType): Value {
  if (to === 'bool') return typeof v === 'boolean' ? v : v !== 0;
  const n = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  if (to === 'f32') return Math.fround(n);
  if (from === 'f32' && !Number.isFinite(n)) return 0; // out of range: unspecified; JS gives 0
  return wrap(Math.trunc(n), to);
}

function math(fn: string, args: number[], t: ScalarType): Value | null {
  const [a = 0, b = 0] = args;
  if (fn === 'round') return Math.round(a);
  if (fn === 'abs') return wrap(Math.abs(a), t);
  const f = (Math as unknown as Record<string, (...x: number[]) => number>)[fn];
  if (!f) return null;
  const r = f(a, b);
  return ROUNDED.has(fn) ? Math.fround(r) : r;
}

function constOf(e: Expr, value: Value): Const {
  return { k: 'const', type: e.type, value, span: e.span };
}

export function foldExpr(e: Expr): Expr {
  const f = mapExprChildren(e, foldExpr);
  switch (f.k) {
    case 'unary': {
      if (f.arg.k !== 'const') return f;
      const v = f.arg.value;
      if (f.op === 'not') return constOf(f, !v);
      if (typeof v === 'boolean') return f;
      return constOf(f, f.op === 'neg' ? (f.type === 'f32' ? -v : wrap(-v, f.type)) : wrap(~v, f.type));
    }
    case 'binary': {
      const { lhs, rhs } = f;
      if (lhs.k === 'const' && rhs.k === 'const') {
        const v = binary(f.op, lhs.value, rhs.value, lhs.type, f.type);
        if (v !== null) return constOf(f, v);
      }
      return f;
    }
    case 'select':
      return f.cond.k === 'const' ? (f.cond.value ? f.then : f.else) : f;
    case 'cast':
      return f.arg.k === 'const' ? constOf(f, cast(f.arg.value, f.arg.type, f.type)) : f;
    case 'math': {
      const { args } = f;
      if (args.every((a) => a.k === 'const' && typeof a.value === 'number')) {
        const v = math(f.fn, args.map((a) => (a as Const).value as number), f.type);
        if (v !== null) return constOf(f, v);
      }
      return f;
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
 * behaviour, which Tint rejects and nvcc warns of when it sees the constant (wgsl-const.ts, cuda-const.ts).
 */
export function dividesByConstZero(e: Extract<Expr, { k: 'binary' }>): boolean {
  if ((e.op !== '/' && e.op !== '%') || (e.type !== 'i32' && e.type !== 'u32')) return false;
  const d = foldExpr(e.rhs);
  return d.k === 'const' && d.value === 0;
}
