// Builders of IR nodes, for IR made by hand (tests, passes that synthesise code). irBuilder(at)
// gives every node the span `at`; the plain exports use `span`, a placeholder position.
import type {
  AtomicOp, Axis, BinaryOp, BuiltinName, ElemType, Expr, HelperIR, KernelIR, MathFn, Param, ScalarType, SharedArray, Span, Stmt,
} from './types.js';
import { someStmt } from './walk.js';
import { mathArgType, mathResult } from './ops.js';

export const span: Span = { file: 'test.ts', line: 1, column: 1, endLine: 1, endColumn: 1 };

const BOOL_OPS = new Set<BinaryOp>(['<', '<=', '>', '>=', '==', '!=', '&&', '||']);

/** The builders irBuilder makes; every node they return carries its span. */
export interface IRBuilder {
  f: (v: number) => Expr;
  i: (v: number) => Expr;
  u: (v: number) => Expr;
  b: (v: boolean) => Expr;
  param: (name: string, type: ScalarType) => Expr;
  load: (name: string, type: ScalarType) => Expr;
  tid: (axis?: Axis) => Expr;
  bid: (axis?: Axis) => Expr;
  bdim: (axis?: Axis) => Expr;
  gdim: (axis?: Axis) => Expr;
  idx: (array: string, index: Expr, type: ScalarType) => Expr;
  /** Comparisons and logic ops are bool, the rest take the left operand's type. */
  bin: (op: BinaryOp, lhs: Expr, rhs: Expr) => Expr;
  add: (l: Expr, r: Expr) => Expr;
  sub: (l: Expr, r: Expr) => Expr;
  mul: (l: Expr, r: Expr) => Expr;
  lt: (l: Expr, r: Expr) => Expr;
  neg: (a: Expr) => Expr;
  not: (a: Expr) => Expr;
  bitnot: (a: Expr) => Expr;
  sel: (cond: Expr, then: Expr, els: Expr) => Expr;
  cast: (arg: Expr, type: ScalarType) => Expr;
  math: (fn: MathFn, ...args: Expr[]) => Expr;
  call: (fn: string, type: ScalarType, ...args: Expr[]) => Expr;
  atomic: (op: AtomicOp, array: string, index: Expr, type: ScalarType, ...args: Expr[]) => Expr;
  /** The global linear index blockIdx.x * blockDim.x + threadIdx.x. */
  gid: () => Expr;
  let_: (name: string, type: ScalarType, init: Expr | null, mutable?: boolean) => Stmt;
  assign: (name: string, value: Expr) => Stmt;
  store: (array: string, index: Expr, value: Expr) => Stmt;
  localArr: (name: string, elem: ElemType, length: number) => Stmt;
  exprS: (expr: Expr) => Stmt;
  if_: (cond: Expr, then: Stmt[], els?: Stmt[]) => Stmt;
  loop: (cond: Expr | null, body: Stmt[], update?: Stmt[], testFirst?: boolean) => Stmt;
  doWhile: (body: Stmt[], cond: Expr) => Stmt;
  block: (...body: Stmt[]) => Stmt;
  brk: Stmt;
  cont: Stmt;
  ret: (value?: Expr | null) => Stmt;
  barrier: Stmt;
  /** `for (let v = from; v < to; v++)` as the front end lowers it: a block with the let and the loop. */
  forRange: (v: string, from: Expr, to: Expr, body: Stmt[]) => Stmt;
  scalar: (name: string, type: ScalarType) => Param;
  array: (name: string, elem: ElemType, access: 'read' | 'write' | 'read_write', atomic?: boolean) => Param;
  shared: (name: string, elem: ElemType, length: number, atomic?: boolean) => SharedArray;
  helper: (name: string, params: [string, ScalarType][], returnType: ScalarType | null, body: Stmt[]) => HelperIR;
  /** A kernel; usesBarrier is derived from the body. */
  kernelIR: (name: string, params: Param[], body: Stmt[], extra?: { shared?: SharedArray[]; helpers?: HelperIR[] }) => KernelIR;
}

/** Every builder, with `at` as the span of the nodes it makes. */
export function irBuilder(at: Span): IRBuilder {
  const sp = { span: at };
  const builtin = (name: BuiltinName) => (axis: Axis = 'x'): Expr => ({ k: 'builtin', name, axis, type: 'i32', ...sp });
  const bin = (op: BinaryOp, lhs: Expr, rhs: Expr): Expr => ({
    k: 'binary', op, lhs, rhs, type: BOOL_OPS.has(op) ? 'bool' : lhs.type, ...sp,
  });
  const add = (l: Expr, r: Expr) => bin('+', l, r);
  const mul = (l: Expr, r: Expr) => bin('*', l, r);
  const lt = (l: Expr, r: Expr) => bin('<', l, r);
  const load = (name: string, type: ScalarType): Expr => ({ k: 'load', name, type, ...sp });
  const i = (v: number): Expr => ({ k: 'const', type: 'i32', value: v | 0, ...sp });
  const tid = builtin('threadIdx');
  const bid = builtin('blockIdx');
  const bdim = builtin('blockDim');
  const let_ = (name: string, type: ScalarType, init: Expr | null, mutable = true): Stmt => ({ k: 'let', name, type, init, mutable, ...sp });
  const assign = (name: string, value: Expr): Stmt => ({ k: 'assign', name, value, ...sp });
  const loop = (cond: Expr | null, body: Stmt[], update: Stmt[] = [], testFirst = true): Stmt => ({ k: 'loop', cond, testFirst, body, update, ...sp });
  const block = (...body: Stmt[]): Stmt => ({ k: 'block', body, ...sp });
  const brk: Stmt = { k: 'break', ...sp };
  const cont: Stmt = { k: 'continue', ...sp };
  const barrier: Stmt = { k: 'barrier', ...sp };
  return {
    f: (v: number): Expr => ({ k: 'const', type: 'f32', value: Math.fround(v), ...sp }),
    i,
    u: (v: number): Expr => ({ k: 'const', type: 'u32', value: v >>> 0, ...sp }),
    b: (v: boolean): Expr => ({ k: 'const', type: 'bool', value: v, ...sp }),
    param: (name: string, type: ScalarType): Expr => ({ k: 'param', name, type, ...sp }),
    load,
    tid,
    bid,
    bdim,
    gdim: builtin('gridDim'),
    idx: (array: string, index: Expr, type: ScalarType): Expr => ({ k: 'index', array, index, type, ...sp }),
    bin,
    add,
    sub: (l: Expr, r: Expr) => bin('-', l, r),
    mul,
    lt,
    neg: (a: Expr): Expr => ({ k: 'unary', op: 'neg', arg: a, type: a.type, ...sp }),
    not: (a: Expr): Expr => ({ k: 'unary', op: 'not', arg: a, type: 'bool', ...sp }),
    bitnot: (a: Expr): Expr => ({ k: 'unary', op: 'bitnot', arg: a, type: a.type, ...sp }),
    sel: (cond: Expr, then: Expr, els: Expr): Expr => ({ k: 'select', cond, then, else: els, type: then.type, ...sp }),
    cast: (arg: Expr, type: ScalarType): Expr => ({ k: 'cast', arg, type, ...sp }),
    math: (fn: MathFn, ...args: Expr[]): Expr => ({ k: 'math', fn, args, type: args[0] ? mathResult(fn, mathArgType({ args, type: 'f32' })) : 'f32', ...sp }),
    call: (fn: string, type: ScalarType, ...args: Expr[]): Expr => ({ k: 'call', fn, args, type, ...sp }),
    atomic: (op: AtomicOp, array: string, index: Expr, type: ScalarType, ...args: Expr[]): Expr => ({
      k: 'atomic', op, array, index, args, type, ...sp,
    }),
    gid: (): Expr => add(mul(bid(), bdim()), tid()),

    let_,
    assign,
    store: (array: string, index: Expr, value: Expr): Stmt => ({ k: 'store', array, index, value, ...sp }),
    localArr: (name: string, elem: ElemType, length: number): Stmt => ({ k: 'localArray', name, elem, length, ...sp }),
    exprS: (expr: Expr): Stmt => ({ k: 'expr', expr, ...sp }),
    if_: (cond: Expr, then: Stmt[], els: Stmt[] = []): Stmt => ({ k: 'if', cond, then, else: els, ...sp }),
    loop,
    doWhile: (body: Stmt[], cond: Expr): Stmt => loop(cond, body, [], false),
    block,
    brk,
    cont,
    ret: (value: Expr | null = null): Stmt => ({ k: 'return', value, ...sp }),
    barrier,
    forRange: (v: string, from: Expr, to: Expr, body: Stmt[]): Stmt =>
      block(let_(v, 'i32', from), loop(lt(load(v, 'i32'), to), body, [assign(v, add(load(v, 'i32'), i(1)))])),

    scalar: (name: string, type: ScalarType): Param => ({ kind: 'scalar', name, type, span: at }),
    array: (name: string, elem: ElemType, access: 'read' | 'write' | 'read_write', atomic = false): Param => ({
      kind: 'array', name, elem, access, atomic, span: at,
    }),
    shared: (name: string, elem: ElemType, length: number, atomic = false): SharedArray => ({ name, elem, length, atomic, span: at }),
    helper: (name: string, params: [string, ScalarType][], returnType: ScalarType | null, body: Stmt[]): HelperIR => ({
      name, params: params.map(([n, t]) => ({ kind: 'scalar', name: n, type: t, span: at })), returnType, body, span: at,
    }),
    kernelIR: (name: string, params: Param[], body: Stmt[], extra: { shared?: SharedArray[]; helpers?: HelperIR[] } = {}): KernelIR => ({
      name,
      params,
      shared: extra.shared ?? [],
      helpers: extra.helpers ?? [],
      body,
      usesBarrier: someStmt(body, (s) => s.k === 'barrier'),
      span: at,
    }),
  };
}

export const {
  f, i, u, b, param, load, tid, bid, bdim, gdim, idx, bin, add, sub, mul, lt, neg, not, bitnot, sel, cast, math, call, atomic, gid,
  let_, assign, store, localArr, exprS, if_, loop, doWhile, block, brk, cont, ret, barrier, forRange,
  scalar, array, shared, helper, kernelIR,
} = irBuilder(span);
