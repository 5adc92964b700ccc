// Warp operations (core/ir/ops.ts WARP): `warpSize` and `laneId` read as values, the shuffles,
// reductions and votes as calls. Their types: a shuffled or reduced value keeps its type (i32, u32,
// f32 or f16, KS3021), a lane, delta or mask is an integer (KS3022), a vote takes a condition.
// Where they may run (uniform control flow, KS5010/KS5011/KS3020) is the uniformity pass's.
import { ts } from 'ts-morph';
import type { Expr, ScalarType } from '../../core/ir/types.js';
import { WARP, WARP_TYPES, type WarpOp } from '../../core/ir/ops.js';
import { report, span, type FnCtx } from './context.js';
import { castTo, isInt, toBool } from './typing.js';
import { errExpr, lowerExpr } from './expr.js';

/** `warpSize` or `laneId` read as a value. */
export function warpValue(op: 'size' | 'lane', node: ts.Node, cx: FnCtx): Expr {
  return { k: 'warp', op, args: [], type: 'i32', span: span(cx, node) };
}

/** The second operand's name in messages. */
const OPERAND: Partial<Record<WarpOp, string>> = { shfl: 'source lane', up: 'delta', down: 'delta', xor: 'lane mask' };

export function lowerWarpCall(cx: FnCtx, node: ts.CallExpression, op: WarpOp, hint: ScalarType | undefined): Expr | null {
  const rec = WARP[op];
  const name = rec.surface;
  const sp = span(cx, node);
  if (rec.kind === 'value') {
    report(cx, node, 'KS3001', `calling '${name}' (it is a value)`);
    return null;
  }
  const want = rec.kind === 'shuffle' ? 2 : 1;
  const [valueNode, operandNode] = node.arguments;
  if (node.arguments.length !== want || !valueNode) {
    report(cx, node, 'KS2009', name, want, node.arguments.length);
    return null;
  }
  if (rec.kind === 'vote') {
    const p = toBool(lowerExpr(cx, valueNode));
    return { k: 'warp', op, args: [p], type: op === 'ballot' ? 'u32' : 'bool', span: sp };
  }
  const value = lowerExpr(cx, valueNode, hint);
  if (!(WARP_TYPES as readonly string[]).includes(value.type)) {
    report(cx, valueNode, 'KS3021', name, value.type);
    return errExpr(hint, sp);
  }
  const args = [value];
  if (operandNode) {
    const lane = lowerExpr(cx, operandNode, 'i32');
    if (!isInt(lane.type)) report(cx, operandNode, 'KS3022', OPERAND[op] ?? 'operand', name, lane.type);
    args.push(isInt(lane.type) ? lane : castTo(lane, 'i32'));
  }
  return { k: 'warp', op, args, type: value.type, span: sp };
}
