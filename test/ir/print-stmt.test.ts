// The `print` statement (console.log) in the IR: its text form, the generic walkers, and the
// verifier's checks of its site and arguments.
import { describe, expect, it } from 'vitest';
import { InternalCompilerError } from '../../core/diagnostics/diagnostic.js';
import { compileToIR } from '../../compiler/index.js';
import type { Expr, KernelIR, Stmt } from '../../core/ir/types.js';
import { printKernel } from '../../core/ir/print.js';
import { verifyKernel } from '../../core/ir/verify.js';
import { mapAllExprs, stmtExprs } from '../../core/ir/walk.js';

const SRC = `import { kernel, threadIdx, type i32 } from 'kernelscript';
export const k = kernel(function k(x: Float32Array, n: i32) {
  console.log('%d %f', n, x[threadIdx.x]);
});
`;

const ir = (): KernelIR => compileToIR(SRC, { fileName: 'print-ir.ts', kernel: 'k' }) as KernelIR;
const printOf = (k: KernelIR): Extract<Stmt, { k: 'print' }> => {
  const s = k.body.find((x) => x.k === 'print');
  if (!s || s.k !== 'print') throw new Error('no print');
  return s;
};

describe('print statement', () => {
  it('prints, walks and verifies', () => {
    const k = ir();
    expect(printKernel(k)).toContain('print #0(blockIdx.x, blockIdx.y, blockIdx.z, threadIdx.x, threadIdx.y, threadIdx.z, n, x[threadIdx.x])');
    expect(k.prints?.[0]?.pieces.map((p) => (typeof p === 'string' ? p : `%${p.conv}:${p.type}`))).toEqual(['%d:i32', ' ', '%f:f32']);
    expect(stmtExprs(printOf(k))).toHaveLength(8);
    // The walkers reach its values: every param read rewritten to a constant.
    const body = mapAllExprs(k.body, (e): Expr => (e.k === 'param' ? { k: 'const', type: 'i32', value: 7, span: e.span } : e));
    expect(printKernel({ ...k, body })).toContain('threadIdx.z, 7, x[threadIdx.x])');
    expect(() => verifyKernel(k)).not.toThrow();
  });

  it('rejects an unknown site, a missing value and a value of the wrong type', () => {
    const k = ir();
    const p = printOf(k);
    const broken = (s: Stmt): KernelIR => ({ ...k, body: [s] });
    expect(() => verifyKernel(broken({ ...p, site: 3 }))).toThrow(InternalCompilerError);
    expect(() => verifyKernel(broken({ ...p, args: p.args.slice(0, -1) }))).toThrow(/arguments for 2 values/);
    const n = p.args[6] as Expr;
    expect(() => verifyKernel(broken({ ...p, args: [...p.args.slice(0, 7), n] }))).toThrow(/argument 7 of type i32/);
  });
});
