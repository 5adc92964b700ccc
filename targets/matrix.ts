// What the CUDA and WGSL printers need to know about a kernel's matrix statements (core/matrix.ts):
// each fragment's type (from its 'frag' declaration, which the mma spelling needs for the A and B
// layouts), and the arrays matrix loads and stores address (which both targets declare plainly:
// CUDA aligns such shared arrays to 32 bytes, WGSL keeps them arrays of f16 or f32, never vectors).
import { InternalCompilerError } from '../core/diagnostics/diagnostic.js';
import type { FragType, KernelIR, MatrixLayout, Stmt } from '../core/ir/types.js';
import { someStmt, visitStmts } from '../core/ir/walk.js';

export type MatrixNode = Extract<Stmt, { k: 'matrix' }>;

/** Whether the kernel has any matrix statement. */
export const usesMatrix = (ir: KernelIR): boolean => someStmt(ir.body, (s) => s.k === 'matrix');

/** Every fragment the kernel declares, by its IR name. */
export function fragTypes(ir: KernelIR): Map<string, FragType> {
  const out = new Map<string, FragType>();
  visitStmts(ir.body, (s) => {
    if (s.k === 'matrix' && s.op === 'frag') out.set(s.name, s.frag);
  });
  return out;
}

/** The arrays matrix loads and stores address. */
export function matrixArrays(ir: KernelIR): Set<string> {
  const out = new Set<string>();
  visitStmts(ir.body, (s) => {
    if (s.k === 'matrix' && (s.op === 'load' || s.op === 'store')) out.add(s.array);
  });
  return out;
}

/** The type of fragment `name` (a compiler error when it was never declared: the verifier prevents that). */
export function fragOf(frags: ReadonlyMap<string, FragType>, name: string): FragType {
  const t = frags.get(name);
  if (!t) throw new InternalCompilerError(`matrix fragment '${name}' is used but never declared`);
  return t;
}

/**
 * The layout of an A or B fragment. One never loaded has none, and stays all zeros, which is the same
 * fragment in either layout: row-major then.
 */
export function fragLayout(frags: ReadonlyMap<string, FragType>, name: string): MatrixLayout {
  const t = fragOf(frags, name);
  if (t.role === 'acc') throw new InternalCompilerError(`matrix fragment '${name}' is an accumulator, not an A or B fragment`);
  return t.layout ?? 'row';
}
