// The f16 rule, shared by every target: an f16 operation is computed in f32 and its result rounded
// once to f16. For + - * / and sqrt that is the correctly rounded f16 result (f32 has more than
// 2·11+2 significand bits); for the rest it is the f32 result rounded, on every target alike. After
// it, f16 appears only in storage, locals, parameters, constants, selects, helper calls and casts
// between f16 and f32, so no printer spells f16 arithmetic, comparison or Math.
import type { Expr, KernelIR, ScalarType } from '../core/ir/types.js';
import { mapAllExprs, mapBodies, someExprIn, visitStmts } from '../core/ir/walk.js';
import type { Rule } from './target.js';

const cast = (arg: Expr, type: ScalarType): Expr => ({ k: 'cast', arg, type, span: arg.span });

/** An f16 value as f32: exact, so a constant simply changes type. */
function widen(e: Expr): Expr {
  if (e.type !== 'f16') return e;
  if (e.k === 'const') return { ...e, type: 'f32' };
  return cast(e, 'f32');
}

/** One node, its children already rewritten (mapExpr is bottom-up). */
export function lowerF16(e: Expr): Expr {
  switch (e.k) {
    case 'unary':
      if (e.type !== 'f16') return e;
      return cast({ ...e, arg: widen(e.arg), type: 'f32' }, 'f16');
    case 'binary': {
      if (e.lhs.type !== 'f16') return e;
      const b: Expr = { ...e, lhs: widen(e.lhs), rhs: widen(e.rhs), type: e.type === 'f16' ? 'f32' : e.type };
      return e.type === 'f16' ? cast(b, 'f16') : b;
    }
    case 'math':
      if (e.type !== 'f16') return e;
      return cast({ ...e, args: e.args.map(widen), type: 'f32' }, 'f16');
    case 'warp':
      // Warp operations move and combine f16 values as their exact f32 values, rounded once at the end.
      if (e.type !== 'f16') return e;
      return cast({ ...e, args: e.args.map(widen), type: 'f32' }, 'f16');
    case 'cast':
      // Conversions from f16 go through its exact f32 value; conversions to f16 round through f32.
      if (e.arg.type === 'f16' && e.type !== 'f16' && e.type !== 'f32') return { ...e, arg: widen(e.arg) };
      if (e.type === 'f16' && e.arg.type !== 'f16' && e.arg.type !== 'f32') return { ...e, arg: cast(e.arg, 'f32') };
      return e;
    default:
      return e;
  }
}

export const f16Rule: Rule = { name: 'f16-in-f32', apply: (ir) => mapBodies(ir, (b) => mapAllExprs(b, lowerF16)) };

/** Whether the kernel holds or computes any value of type `t` (arrays, parameters, locals, expressions). */
export function usesScalarType(ir: KernelIR, t: ScalarType): boolean {
  if (ir.params.some((p) => (p.kind === 'array' ? p.elem : p.type) === t)) return true;
  if (ir.shared.some((s) => s.elem === t)) return true;
  if (ir.helpers.some((h) => h.returnType === t || h.params.some((p) => p.type === t))) return true;
  let found = false;
  const bodies = [ir.body, ...ir.helpers.map((h) => h.body)];
  for (const b of bodies) {
    visitStmts(b, (s) => {
      if ((s.k === 'let' && s.type === t) || (s.k === 'localArray' && s.elem === t)) found = true;
    });
    if (found || someExprIn(b, (e) => e.type === t)) return true;
  }
  return false;
}
