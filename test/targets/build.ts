// A small builder for hand-written IR in tests (before and independently of the front end).
import type {
  AtomicOp, Axis, BinaryOp, ElemType, Expr, HelperIR, KernelIR, MathFn, Param, ScalarType, SharedArray, Span, Stmt,
} from '../../core/ir/types.js';
import { visitStmts } from '../../core/ir/walk.js';

export const span: Span = { file: 'test.ts', line: 1, column: 1, endLine: 1, endColumn: 1 };
const sp = { span };

export const f = (v: number): Expr => ({ k: 'const', type: 'f32', value: Math.fround(v), ...sp });
export const i = (v: number): Expr => ({ k: 'const', type: 'i32', value: v | 0, ...sp });
export const u = (v: number): Expr => ({ k: 'const', type: 'u32', value: v >>> 0, ...sp });
export const b = (v: boolean): Expr => ({ k: 'const', type: 'bool', value: v, ...sp });
export const param = (name: string, type: ScalarType): Expr => ({ k: 'param', name, type, ...sp });
export const load = (name: string, type: ScalarType): Expr => ({ k: 'load', name, type, ...sp });
const builtin = (name: 'threadIdx' | 'blockIdx' | 'blockDim' | 'gridDim') => (axis: Axis = 'x'): Expr => ({ k: 'builtin', name, axis, type: 'i32', ...sp });
export const tid = builtin('threadIdx');
export const bid = builtin('blockIdx');
export const bdim = builtin('blockDim');
export const gdim = builtin('gridDim');
export const idx = (array: string, index: Expr, type: ElemType): Expr => ({ k: 'index', array, index, type, ...sp });

const BOOL_OPS = new Set(['<', '<=', '>', '>=', '==', '!=', '&&', '||']);
export const bin = (op: BinaryOp, lhs: Expr, rhs: Expr): Expr => ({
  k: 'binary', op, lhs, rhs, type: BOOL_OPS.has(op) ? 'bool' : lhs.type, ...sp,
});
export const add = (l: Expr, r: Expr) => bin('+', l, r);
export const sub = (l: Expr, r: Expr) => bin('-', l, r);
export const mul = (l: Expr, r: Expr) => bin('*', l, r);
export const lt = (l: Expr, r: Expr) => bin('<', l, r);
export const neg = (a: Expr): Expr => ({ k: 'unary', op: 'neg', arg: a, type: a.type, ...sp });
export const not = (a: Expr): Expr => ({ k: 'unary', op: 'not', arg: a, type: 'bool', ...sp });
export const bitnot = (a: Expr): Expr => ({ k: 'unary', op: 'bitnot', arg: a, type: a.type, ...sp });
export const sel = (cond: Expr, then: Expr, els: Expr): Expr => ({ k: 'select', cond, then, else: els, type: then.type, ...sp });
export const cast = (arg: Expr, type: ScalarType): Expr => ({ k: 'cast', arg, type, ...sp });
export const math = (fn: MathFn, ...args: Expr[]): Expr => ({ k: 'math', fn, args, type: args[0]?.type ?? 'f32', ...sp });
export const call = (fn: string, type: ScalarType, ...args: Expr[]): Expr => ({ k: 'call', fn, args, type, ...sp });
export const atomic = (op: AtomicOp, array: string, index: Expr, type: ElemType, ...args: Expr[]): Expr => ({
  k: 'atomic', op, array, index, args, type, ...sp,
});
/** The global linear index blockIdx.x * blockDim.x + threadIdx.x. */
export const gid = (): Expr => add(mul(bid(), bdim()), tid());

export const let_ = (name: string, type: ScalarType, init: Expr | null, mutable = true): Stmt => ({ k: 'let', name, type, init, mutable, ...sp });
export const assign = (name: string, value: Expr): Stmt => ({ k: 'assign', name, value, ...sp });
export const store = (array: string, index: Expr, value: Expr): Stmt => ({ k: 'store', array, index, value, ...sp });
export const localArr = (name: string, elem: ElemType, length: number): Stmt => ({ k: 'localArray', name, elem, length, ...sp });
export const exprS = (expr: Expr): Stmt => ({ k: 'expr', expr, ...sp });
export const if_ = (cond: Expr, then: Stmt[], els: Stmt[] = []): Stmt => ({ k: 'if', cond, then, else: els, ...sp });
export const loop = (cond: Expr | null, body: Stmt[], update: Stmt[] = [], testFirst = true): Stmt => ({ k: 'loop', cond, testFirst, body, update, ...sp });
export const doWhile = (body: Stmt[], cond: Expr): Stmt => loop(cond, body, [], false);
export const block = (...body: Stmt[]): Stmt => ({ k: 'block', body, ...sp });
export const brk: Stmt = { k: 'break', ...sp };
export const cont: Stmt = { k: 'continue', ...sp };
export const ret = (value: Expr | null = null): Stmt => ({ k: 'return', value, ...sp });
export const barrier: Stmt = { k: 'barrier', ...sp };
/** `for (let v = from; v < to; v++)` as the front end lowers it: a block with the let and the loop. */
export const forRange = (v: string, from: Expr, to: Expr, body: Stmt[]): Stmt =>
  block(let_(v, 'i32', from), loop(lt(load(v, 'i32'), to), body, [assign(v, add(load(v, 'i32'), i(1)))]));

export const scalar = (name: string, type: ScalarType): Param => ({ kind: 'scalar', name, type, span });
export const array = (name: string, elem: ElemType, access: 'read' | 'write' | 'read_write', atomic = false): Param => ({
  kind: 'array', name, elem, access, atomic, span,
});
export const shared = (name: string, elem: ElemType, length: number, atomic = false): SharedArray => ({ name, elem, length, atomic, span });
export const helper = (name: string, params: [string, ScalarType][], returnType: ScalarType | null, body: Stmt[]): HelperIR => ({
  name, params: params.map(([n, t]) => ({ kind: 'scalar', name: n, type: t, span })), returnType, body, span,
});

export function kernelIR(name: string, params: Param[], body: Stmt[], extra: { shared?: SharedArray[]; helpers?: HelperIR[] } = {}): KernelIR {
  let usesBarrier = false;
  visitStmts(body, (s) => {
    if (s.k === 'barrier') usesBarrier = true;
  });
  return { name, params, shared: extra.shared ?? [], helpers: extra.helpers ?? [], body, usesBarrier, span };
}
