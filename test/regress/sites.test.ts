// Regression: the two ways a kernel object's source cannot be found reach users as coded
// diagnostics (KernelCompileError), not plain Errors: a kernel without a recorded call site
// (KS1012: its outputs came from a build tool, for other targets) and a source file that is gone
// (KS1013), both through compileKernel and through a launch on the no-build path.
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createDevice, kernel, KernelCompileError, compileKernel, type Kernel } from '../../index.js';

function codesOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(KernelCompileError);
    return (e as KernelCompileError).diagnostics.map((d) => d.code);
  }
  throw new Error('expected a KernelCompileError');
}

const fill = (a: Float32Array): void => {
  a[0] = 1;
};

describe('kernel objects whose source cannot be found', () => {
  it('KS1012: no recorded call site (outputs from a build tool, none for this target)', async () => {
    const k = kernel(fill, {});
    expect(k.site).toBeNull();
    expect(codesOf(() => compileKernel(k, { target: 'js' }))).toEqual(['KS1012']);
    const gpu = await createDevice({ backend: 'cpu' });
    try {
      const a = gpu.alloc(Float32Array, 1);
      expect(codesOf(() => gpu.launch(k, { grid: 1, block: 1 }, a))).toEqual(['KS1012']);
    } finally {
      gpu.dispose();
    }
  });

  it('KS1013: the source file is gone, located at the call site', () => {
    const made = kernel(fill);
    const file = join(tmpdir(), 'ks-no-such-dir', 'gone.ts');
    const k: Kernel = { ...made, site: { file, line: 7, column: 3 } };
    let err: unknown;
    try {
      compileKernel(k, { target: 'js' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(KernelCompileError);
    const [d] = (err as KernelCompileError).diagnostics;
    expect(d).toMatchObject({ code: 'KS1013', file, line: 7, column: 3 });
    expect(d?.message).toMatch(/ENOENT/);
  });
});
