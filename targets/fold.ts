// Folds operations whose operands are all constants, with the JS target's (the reference)
// semantics. Beyond tidier output this is needed for correctness: WGSL evaluates constant
// expressions at shader creation and rejects any that overflow, shift a bit into the sign, divide
// by zero or produce a non-finite float; C compilers warn on constant overflow. Folded, such a
// value prints as an ordinary literal (non-finite f32 values have target-specific spellings).
import type { Expr, HelperIR, KernelIR, ScalarType, Stmt } from '../compiler/ir/types.js';

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
  switch (e.k) {
    case 'const':
    case 'param':
    case 'load':
    case 'builtin':
      return e;
    case 'index':
      return { ...e, index: foldExpr(e.index) };
    case 'atomic':
      return { ...e, index: foldExpr(e.index), args: e.args.map(foldExpr) };
    case 'call':
      return { ...e, args: e.args.map(foldExpr) };
    case 'unary': {
      const arg = foldExpr(e.arg);
      if (arg.k !== 'const') return { ...e, arg };
      const v = arg.value;
      if (e.op === 'not') return constOf(e, !v);
      if (typeof v === 'boolean') return { ...e, arg };
      return constOf(e, e.op === 'neg' ? (e.type === 'f32' ? -v : wrap(-v, e.type)) : wrap(~v, e.type));
    }
    case 'binary': {
      const lhs = foldExpr(e.lhs);
      const rhs = foldExpr(e.rhs);
      if (lhs.k === 'const' && rhs.k === 'const') {
        const v = binary(e.op, lhs.value, rhs.value, lhs.type, e.type);
        if (v !== null) return constOf(e, v);
      }
      return { ...e, lhs, rhs };
    }
    case 'select': {
      const cond = foldExpr(e.cond);
      const then = foldExpr(e.then);
      const els = foldExpr(e.else);
      if (cond.k === 'const') return cond.value ? then : els;
      return { ...e, cond, then, else: els };
    }
    case 'cast': {
      const arg = foldExpr(e.arg);
      return arg.k === 'const' ? constOf(e, cast(arg.value, arg.type, e.type)) : { ...e, arg };
    }
    case 'math': {
      const args = e.args.map(foldExpr);
      if (args.every((a) => a.k === 'const' && typeof a.value === 'number')) {
        const v = math(e.fn, args.map((a) => (a as Const).value as number), e.type);
        if (v !== null) return constOf(e, v);
      }
      return { ...e, args };
    }
  }
}

const opt = (e: Expr | null): Expr | null => (e ? foldExpr(e) : null);

export function foldStmts(body: readonly Stmt[]): Stmt[] {
  return body.map((s): Stmt => {
    switch (s.k) {
      case 'let':
        return { ...s, init: opt(s.init) };
      case 'assign':
        return { ...s, value: foldExpr(s.value) };
      case 'store':
        return { ...s, index: foldExpr(s.index), value: foldExpr(s.value) };
      case 'expr':
        return { ...s, expr: foldExpr(s.expr) };
      case 'if':
        return { ...s, cond: foldExpr(s.cond), then: foldStmts(s.then), else: foldStmts(s.else) };
      case 'loop':
        return { ...s, cond: opt(s.cond), body: foldStmts(s.body), update: foldStmts(s.update) };
      case 'block':
        return { ...s, body: foldStmts(s.body) };
      case 'return':
        return { ...s, value: opt(s.value) };
      default:
        return s;
    }
  });
}

export function foldKernel(ir: KernelIR): KernelIR {
  const helpers = ir.helpers.map((h): HelperIR => ({ ...h, body: foldStmts(h.body) }));
  return { ...ir, helpers, body: foldStmts(ir.body) };
}
