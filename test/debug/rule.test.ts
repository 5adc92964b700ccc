// The bounds-check rule (targets/debug.ts) on IR: every access is guarded once, with a site each;
// the new nodes print, walk and verify; a fault outside a debug build is an invalid IR.
import { describe, expect, it } from 'vitest';
import { compileToIR } from '../../compiler/index.js';
import { printKernel } from '../../core/ir/print.js';
import type { Stmt } from '../../core/ir/types.js';
import { verifyKernel } from '../../core/ir/verify.js';
import { mapAllExprs, someStmt, stmtExprs } from '../../core/ir/walk.js';
import { checkBounds } from '../../targets/debug.js';
import { FILE, SOURCE } from './planted.js';

describe('checkBounds', () => {
  const ir = compileToIR(SOURCE, { kernel: 'local', fileName: FILE });
  const checked = checkBounds(ir);

  it('guards every access with one site and marks the kernel a debug build', () => {
    expect(checked.ir.debug).toBe(true);
    verifyKernel(checked.ir);
    // local: t[k] = x[i] in the loop, t[j] = x[i], then out[i] = t[j] + t[i % 4], in evaluation order.
    const sites = ['read x', 'write t', 'read x', 'write t', 'read t', 'read t', 'write out'];
    expect(checked.sites.map((s) => `${s.access} ${s.array}`)).toEqual(sites);
    const text = printKernel(checked.ir);
    expect(text).toMatch(/^kernel local\(.*\) debug {3}@/m);
    expect(text).toContain('fault #5 u32(');
    expect(text).toContain('length(x)');
    expect(printKernel(ir)).not.toContain('fault');
  });

  it('walks the new nodes: a rewrite reaches the fault and length expressions', () => {
    const renamed = mapAllExprs(checked.ir.body, (e) => (e.k === 'length' ? { ...e, array: 'renamed' } : e));
    const faults: Stmt[] = [];
    someStmt(renamed, (s) => (s.k === 'fault' && faults.push(s), false));
    expect(faults.length).toBe(checked.sites.length);
    expect(faults.flatMap(stmtExprs).some((e) => e.k === 'cast' && e.arg.k === 'length' && e.arg.array === 'renamed')).toBe(true);
  });

  it('refuses a fault in a kernel that is not a debug build', () => {
    expect(() => verifyKernel({ ...checked.ir, debug: false })).toThrow(/fault in a kernel that is not a debug build/);
  });
});
