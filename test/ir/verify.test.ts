// The IR verifier runs after lowering and after every pass on every kernel of the test cases and
// samples; and it rejects broken IR with InternalCompilerError.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag, InternalCompilerError } from '../../core/diagnostics/diagnostic.js';
import { findKernels, lowerKernel } from '../../compiler/frontend/kernels.js';
import { loadModule } from '../../compiler/frontend/module.js';
import { compileToIR } from '../../compiler/index.js';
import type { Expr, KernelIR, Span } from '../../core/ir/types.js';
import { verifyKernel } from '../../core/ir/verify.js';
import { PASSES } from '../../compiler/passes/index.js';
import { spanText } from '../../compiler/pipeline.js';
import { kernelFiles } from '../helpers/kernel-files.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

const files = [...kernelFiles(join(root, 'test/cases')), ...kernelFiles(join(root, 'samples'))];

describe('verifier after every pass', () => {
  it('finds kernels to check', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    const mod = loadModule(file, readFileSync(file, 'utf8'));
    for (const site of findKernels(mod)) {
      it(`${file.slice(root.length)}: ${site.name}`, () => {
        const diags = new DiagnosticBag();
        let ir = lowerKernel(site, diags);
        expect(diags.items).toEqual([]);
        if (!ir) throw new Error('no IR');
        verifyKernel(ir);
        for (const pass of PASSES) {
          ir = pass.run(ir, diags, spanText);
          expect(diags.items, `after ${pass.name}`).toEqual([]);
          verifyKernel(ir);
        }
      });
    }
  }
});

describe('verifier rejects broken IR', () => {
  const good = (): KernelIR =>
    compileToIR(
      `import { kernel, threadIdx, i32 } from 'kernelscript';
export const k = kernel(function (x: Float32Array, n: i32) {
  let i = threadIdx.x;
  if (i < n) x[i] = x[i] * 2;
});`,
      { fileName: 'verify-case.ts' },
    );
  const mutate = (f: (k: KernelIR) => void): (() => void) => () => {
    const k = structuredClone(good());
    f(k);
    verifyKernel(k);
  };
  const span: Span = { file: 'f.ts', line: 1, column: 1, endLine: 1, endColumn: 2 };
  const c = (value: number, type: 'f32' | 'i32'): Expr => ({ k: 'const', type, value, span });

  it('accepts the unmodified kernel', () => expect(mutate(() => undefined)).not.toThrow());
  it('binary operands of different types', () =>
    expect(mutate((k) => k.body.push({ k: 'store', array: 'x', index: c(0, 'i32'), value: { k: 'binary', op: '+', lhs: c(1, 'f32'), rhs: c(1, 'i32'), type: 'f32', span }, span }))).toThrow(InternalCompilerError));
  it('load of an undeclared local', () =>
    expect(mutate((k) => k.body.push({ k: 'assign', name: 'nope', value: c(1, 'i32'), span }))).toThrow(/undeclared 'nope'/));
  it('unknown array', () =>
    expect(mutate((k) => k.body.push({ k: 'store', array: 'y', index: c(0, 'i32'), value: c(1, 'f32'), span }))).toThrow(/unknown array 'y'/));
  it('break outside a loop', () => expect(mutate((k) => k.body.push({ k: 'break', span }))).toThrow(/outside a loop/));
  it('missing span', () =>
    expect(mutate((k) => k.body.push({ k: 'barrier' } as never))).toThrow(/no source span/));
  it('call of an unknown helper', () =>
    expect(mutate((k) => k.body.push({ k: 'expr', expr: { k: 'call', fn: 'h', args: [], type: 'f32', span }, span }))).toThrow(/unknown helper/));
  it('usesBarrier out of date', () => expect(mutate((k) => k.body.push({ k: 'barrier', span }))).toThrow(/usesBarrier/));
});
