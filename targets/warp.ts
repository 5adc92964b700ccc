// How targets spell warp operations (core/ir/ops.ts WARP): one table per target in its ops.ts,
// typed over the registry's ops so a missing spelling is a type error. A spelling builds the text
// from the printed operands and may need a helper function, emitted once per kernel before use.
// f16 never reaches a printer here (targets/f16.ts moves and combines it as f32).
import type { KernelIR, WarpOp } from '../core/ir/types.js';
import { visitAllExprs } from '../core/ir/walk.js';
import { InternalCompilerError } from '../core/diagnostics/diagnostic.js';
import type { HelperFn } from './spelling.js';

/** The operand type a printer meets: a value's type, or bool for the votes' condition. */
export type WarpOperandType = 'i32' | 'u32' | 'f32' | 'bool';

export interface WarpSpelled {
  text: string;
  helper?: HelperFn;
}

export type WarpSpellings = {
  readonly [O in WarpOp]: (args: readonly string[], t: WarpOperandType) => WarpSpelled;
};

export function warpOperandType(e: { op: WarpOp; args: readonly { type: string }[]; type: string }): WarpOperandType {
  const t = e.args[0]?.type ?? 'i32';
  if (t === 'i32' || t === 'u32' || t === 'f32' || t === 'bool') return t;
  throw new InternalCompilerError(`warp ${e.op} on ${t} reached a printer`);
}

/** Whether the kernel body uses any warp operation (warpSize and laneId included). */
export function usesWarp(ir: KernelIR): boolean {
  let used = false;
  visitAllExprs(ir.body, (e) => {
    if (e.k === 'warp') used = true;
  });
  return used;
}

/** The helpers the kernel's warp operations need under `table`, each once, in first-use order. */
export function warpHelpers(ir: KernelIR, table: WarpSpellings): HelperFn[] {
  const out = new Map<string, HelperFn>();
  visitAllExprs(ir.body, (e) => {
    if (e.k !== 'warp') return;
    const h = table[e.op](e.args.map(() => ''), warpOperandType(e)).helper;
    if (h && !out.has(h.call)) out.set(h.call, h);
  });
  return [...out.values()];
}
