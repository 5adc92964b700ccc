// A fixture of random integer and boolean expression trees (fixed seed, so its goldens are stable):
// every target must print operator precedence and parentheses right, and agree with `evaluate`.
import type { BinaryOp, Expr } from '../../core/ir/types.js';
import { Rng, type HostArg } from '../helpers/case.js';
import { array, bin, bitnot, cast, gid, i, idx, if_, kernelIR, let_, load, lt, math, neg, not, param, scalar, sel, store, add, mul } from '../../core/ir/build.js';
import type { Fixture } from './fixtures.js';

const COUNT = 24;
const INT_OPS: BinaryOp[] = ['+', '-', '*', '&', '|', '^', '<<', '>>', '>>>', '/', '%'];
const CMP_OPS: BinaryOp[] = ['<', '<=', '>', '>=', '==', '!='];

function intExpr(r: Rng, depth: number): Expr {
  const leaf = depth === 0 || r.next() < 0.2;
  if (leaf) return r.next() < 0.7 ? load(['a', 'b', 'c'][r.int(0, 3)]!, 'i32') : i(r.int(-40, 40));
  const pick = r.next();
  if (pick < 0.6) {
    const op = INT_OPS[r.int(0, INT_OPS.length)]!;
    let rhs = intExpr(r, depth - 1);
    // Divisors stay positive and non-zero: (x & 255) | 1.
    if (op === '/' || op === '%') rhs = bin('|', bin('&', rhs, i(255)), i(1));
    return bin(op, intExpr(r, depth - 1), rhs);
  }
  if (pick < 0.7) return r.next() < 0.5 ? neg(intExpr(r, depth - 1)) : bitnot(intExpr(r, depth - 1));
  if (pick < 0.85) return sel(boolExpr(r, depth - 1), intExpr(r, depth - 1), intExpr(r, depth - 1));
  if (pick < 0.92) return math(r.next() < 0.5 ? 'min' : 'max', intExpr(r, depth - 1), intExpr(r, depth - 1));
  // Through u32 and back: u32 arithmetic wraps and shifts logically.
  const ops: BinaryOp[] = ['+', '*', '>>', '-'];
  return cast(bin(ops[r.int(0, 4)]!, cast(intExpr(r, depth - 1), 'u32'), cast(intExpr(r, depth - 1), 'u32')), 'i32');
}

function boolExpr(r: Rng, depth: number): Expr {
  const pick = r.next();
  if (depth > 0 && pick < 0.3) return bin(r.next() < 0.5 ? '&&' : '||', boolExpr(r, depth - 1), boolExpr(r, depth - 1));
  if (depth > 0 && pick < 0.4) return not(boolExpr(r, depth - 1));
  if (depth > 0 && pick < 0.5) return cast(intExpr(r, depth - 1), 'bool');
  return bin(CMP_OPS[r.int(0, CMP_OPS.length)]!, intExpr(r, Math.max(0, depth - 1)), intExpr(r, Math.max(0, depth - 1)));
}

type Env = Record<string, number>;
const u32 = (x: number): number => x >>> 0;

/** The reference semantics, written independently of the JS target. */
export function evaluate(e: Expr, env: Env): number | boolean {
  const n = (x: Expr): number => evaluate(x, env) as number;
  const bo = (x: Expr): boolean => evaluate(x, env) as boolean;
  const wrap = (v: bigint, t: string): number => (t === 'u32' ? Number(BigInt.asUintN(32, v)) : Number(BigInt.asIntN(32, v)));
  switch (e.k) {
    case 'const':
      return e.value;
    case 'load':
      return env[e.name]!;
    case 'unary':
      if (e.op === 'not') return !bo(e.arg);
      return wrap(e.op === 'neg' ? -BigInt(n(e.arg)) : ~BigInt(n(e.arg)), e.type);
    case 'select':
      return bo(e.cond) ? evaluate(e.then, env) : evaluate(e.else, env);
    case 'math':
      return e.fn === 'min' ? Math.min(n(e.args[0]!), n(e.args[1]!)) : Math.max(n(e.args[0]!), n(e.args[1]!));
    case 'cast':
      if (e.type === 'bool') return n(e.arg) !== 0;
      return e.type === 'u32' ? u32(n(e.arg)) : n(e.arg) | 0;
    case 'binary': {
      if (e.op === '&&') return bo(e.lhs) && bo(e.rhs);
      if (e.op === '||') return bo(e.lhs) || bo(e.rhs);
      const a = n(e.lhs), b = n(e.rhs);
      const t = e.lhs.type;
      const sh = BigInt(((b % 32) + 32) % 32);
      switch (e.op) {
        case '<': return a < b;
        case '<=': return a <= b;
        case '>': return a > b;
        case '>=': return a >= b;
        case '==': return a === b;
        case '!=': return a !== b;
        case '+': return wrap(BigInt(a) + BigInt(b), t);
        case '-': return wrap(BigInt(a) - BigInt(b), t);
        case '*': return wrap(BigInt(a) * BigInt(b), t);
        case '/': return wrap(BigInt(Math.trunc(a / b)), t);
        case '%': return wrap(BigInt(a % b), t);
        case '&': return wrap(BigInt(a) & BigInt(b), t);
        case '|': return wrap(BigInt(a) | BigInt(b), t);
        case '^': return wrap(BigInt(a) ^ BigInt(b), t);
        case '<<': return wrap(BigInt(a) << sh, t);
        case '>>': return wrap(t === 'u32' ? BigInt(u32(a)) >> sh : BigInt(a) >> sh, t);
        case '>>>': return wrap(BigInt(u32(a)) >> sh, t);
      }
    }
  }
  throw new Error(`evaluate: unexpected ${e.k}`);
}

const exprs = (() => {
  const r = new Rng(20240607);
  return Array.from({ length: COUNT }, () => intExpr(r, 4));
})();

export const exprFuzz: Fixture = {
  ir: kernelIR('exprfuzz', [array('A', 'i32', 'read'), array('O', 'i32', 'write'), scalar('n', 'i32')], [
    let_('gi', 'i32', gid(), false),
    if_(lt(load('gi', 'i32'), param('n', 'i32')), [
      let_('a', 'i32', idx('A', mul(load('gi', 'i32'), i(3)), 'i32'), false),
      let_('b', 'i32', idx('A', add(mul(load('gi', 'i32'), i(3)), i(1)), 'i32'), false),
      let_('c', 'i32', idx('A', add(mul(load('gi', 'i32'), i(3)), i(2)), 'i32'), false),
      ...exprs.map((e, k) => store('O', add(mul(load('gi', 'i32'), i(COUNT)), i(k)), e)),
    ]),
  ]),
  make(rng) {
    const len = rng.int(100, 300);
    const a = new Int32Array(len * 3);
    for (let k = 0; k < a.length; k++) a[k] = k % 5 === 0 ? rng.int(-2147483647, 2147483647) : rng.int(-100, 100);
    return { args: [a, new Int32Array(len * COUNT), len], grid: [Math.ceil(len / 32), 1, 1], block: [32, 1, 1] };
  },
  reference([A, , len]: (HostArg | undefined)[]) {
    const out = new Int32Array((len as number) * COUNT);
    const a = A as Int32Array;
    for (let g = 0; g < (len as number); g++) {
      const env = { a: a[g * 3]!, b: a[g * 3 + 1]!, c: a[g * 3 + 2]! };
      exprs.forEach((e, k) => (out[g * COUNT + k] = evaluate(e, env) as number));
    }
    return { 1: out };
  },
};
