// The CUDA target's legalize rules: IR→IR rewrites after which the printer only spells.
import type { Expr, KernelIR } from '../../core/ir/types.js';
import { mapAllExprs, mapBodies, someExprIn } from '../../core/ir/walk.js';
import { dividesByConstZero } from '../fold.js';
import type { Rule } from '../target.js';
import { KEEP_U32 } from './const.js';
import { f16Rule } from '../f16.js';

/**
 * An integer `/` or `%` by a constant zero divides by `ks_keep_u32(0u)` instead (const.ts), which
 * no compiler sees as constant; on i32 converted back, `(int)ks_keep_u32(0u)`.
 */
export function hideZeroDivisor(e: Expr): Expr {
  if (e.k !== 'binary' || !dividesByConstZero(e)) return e;
  const zero: Expr = { k: 'const', type: 'u32', value: 0, span: e.rhs.span };
  const keep: Expr = { k: 'call', fn: KEEP_U32, args: [zero], type: 'u32', span: e.rhs.span };
  return { ...e, rhs: e.type === 'u32' ? keep : { k: 'cast', arg: keep, type: e.type, span: e.rhs.span } };
}

export const CUDA_LEGALIZE: readonly Rule[] = [
  // f16 operations computed in f32 (targets/f16.ts).
  f16Rule,
  { name: 'hide-zero-divisors', apply: (ir) => mapBodies(ir, (b) => mapAllExprs(b, hideZeroDivisor)) },
];

/** Whether the kernel calls KEEP_U32, so the printer defines it (decided before printing). */
export function usesKeep(ir: KernelIR): boolean {
  const keep = (e: Expr): boolean => e.k === 'call' && e.fn === KEEP_U32;
  return someExprIn(ir.body, keep) || ir.helpers.some((h) => someExprIn(h.body, keep));
}
