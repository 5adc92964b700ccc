// The WGSL target's legalize rules: IR→IR rewrites after which every node means in WGSL, spelled
// the obvious way, what it means in KernelScript. Run once each, in this order, after unroll and
// fold. The spelling rules run after splitting because they add nodes, and splitting measures depth
// by the IR the printer had before they existed (its MAX_DEPTH allows for them, see split.ts).
import type { Expr, KernelIR, ScalarType, Stmt } from '../../core/ir/types.js';
import { mapAllExprs, mapBodies, mapStmts, someExprIn } from '../../core/ir/walk.js';
import type { Rule, TargetBackend } from '../target.js';
import { hideConstTraps } from './const.js';
import { keepKernel } from './keep.js';
import { sameExpr } from './safe.js';
import { splitKernel } from './split.js';
import { f16Rule } from '../f16.js';

type Const = Extract<Expr, { k: 'const' }>;

const u32 = (value: number, like: Expr): Const => ({ k: 'const', type: 'u32', value, span: like.span });
const cast = (arg: Expr, type: ScalarType): Expr => ({ k: 'cast', arg, type, span: arg.span });

/** WGSL has no unary minus on u32: `-x` is `0u - x`, which wraps the same. */
export function negateU32(e: Expr): Expr {
  if (e.k !== 'unary' || e.op !== 'neg' || e.type !== 'u32') return e;
  return { k: 'binary', op: '-', lhs: u32(0, e), rhs: e.arg, type: 'u32', span: e.span };
}

const SHIFTS = new Set(['<<', '>>', '>>>']);

/**
 * WGSL shifts take a u32 amount below 32 (more is an error, or undefined at runtime); JS and CUDA
 * use its low 5 bits: `x << n` is `x << (u32(n) & 31u)`, a constant amount is masked here. `>>>` is
 * `>>` on u32 (logical in WGSL), and on i32 `i32(u32(x) >> n)`. Not idempotent: runs once.
 */
export function maskShift(e: Expr): Expr {
  if (e.k !== 'binary' || !SHIFTS.has(e.op)) return e;
  const { rhs } = e;
  const amount: Expr = rhs.k === 'const'
    ? u32(Number(rhs.value) & 31, rhs)
    : { k: 'binary', op: '&', lhs: rhs.type === 'u32' ? rhs : cast(rhs, 'u32'), rhs: u32(31, rhs), type: 'u32', span: rhs.span };
  if (e.op === '>>>' && e.type === 'i32') {
    return cast({ k: 'binary', op: '>>', lhs: cast(e.lhs, 'u32'), rhs: amount, type: 'u32', span: e.span }, 'i32');
  }
  return { ...e, op: e.op === '>>>' ? '>>' : e.op, rhs: amount };
}

/**
 * f32 `a != b` is `!(a == b)`: Tint emits `!=` as OpFOrdNotEqual, false when either side is NaN,
 * where IEEE (JS, C) says true. `x != x` stays: the printer spells it as a test of the bits (the
 * IR has no bitcast to say it with).
 */
export function notEqualF32(e: Expr): Expr {
  if (e.k !== 'binary' || e.op !== '!=' || e.lhs.type !== 'f32' || sameExpr(e.lhs, e.rhs)) return e;
  return { k: 'unary', op: 'not', arg: { ...e, op: '==' }, type: 'bool', span: e.span };
}

/**
 * WGSL rejects an expression statement that is not a call. The IR allows only atomics and calls
 * there (verify.ts); anything else is pure, so has no effect, and goes.
 */
const dropPureExprStmts = (body: readonly Stmt[]): Stmt[] =>
  mapStmts(body, (s) => (s.k === 'expr' && s.expr.k !== 'call' && s.expr.k !== 'atomic' ? [] : s));

/** A rule that rewrites every expression of the kernel and its helpers, children first. */
const everyExpr = (name: string, f: (e: Expr) => Expr): Rule => ({ name, apply: (ir) => mapBodies(ir, (b) => mapAllExprs(b, f)) });

export const WGSL_LEGALIZE: readonly Rule[] = [
  // f16 operations computed in f32 (targets/f16.ts), first: splitting then sees the casts it adds.
  f16Rule,
  // Big loop-bound constants hidden from Mesa (keep.ts).
  { name: 'keep-loop-bounds', apply: keepKernel },
  // Constant zero divisors and out-of-bounds indices, which Tint rejects, hidden the same way (const.ts).
  { name: 'hide-const-traps', apply: hideConstTraps },
  // Deep expressions split into lets (split.ts).
  { name: 'split-deep-exprs', apply: splitKernel },
  everyExpr('negate-u32', negateU32),
  everyExpr('mask-shifts', maskShift),
  everyExpr('not-equal-f32', notEqualF32),
  { name: 'drop-pure-expr-stmts', apply: (ir) => mapBodies(ir, dropPureExprStmts) },
];

/** How the WGSL target lowers a kernel before printing (see targets/target.ts, lowerFor). */
export const WGSL_LOWERING: Pick<TargetBackend, 'unroll' | 'legalize'> = { unroll: true, legalize: WGSL_LEGALIZE };

/**
 * Whether the printed kernel needs ks_f32_bits: it has an infinite or NaN f32 constant, which
 * WGSL cannot write as a literal (see NON_FINITE in emit.ts). Decided from the IR before printing.
 */
export function usesNonFinite(ir: KernelIR): boolean {
  const nonFinite = (e: Expr): boolean =>
    e.k === 'const' && (e.type === 'f32' || e.type === 'f16') && typeof e.value === 'number' && !Number.isFinite(e.value);
  return someExprIn(ir.body, nonFinite) || ir.helpers.some((h) => someExprIn(h.body, nonFinite));
}
