// Block-sized shared arrays: a sharedArray length that is not a constant may read only integer
// literals, module constants and blockDim; each other part is KS4040 at that part, saying why it
// cannot size shared memory. localArray lengths stay compile-time constants (KS4007).
import { describe, expect, it } from 'vitest';
import { compileToIR, KernelCompileError, printKernel } from '../../compiler/index.js';
import type { Diagnostic } from '../../core/diagnostics/diagnostic.js';

const H = `import { kernel, f32, i32, threadIdx, blockIdx, blockDim, gridDim, sharedArray, localArray } from 'kernelscript';\nconst TILE = 16;\n`;
const k = (params: string, body: string): string => `${H}export const k = kernel(function k(${params}) {\n${body}\n});\n`;

function diagnostics(src: string): Diagnostic[] {
  try {
    compileToIR(src, { fileName: 'shared-len.ts' });
  } catch (e) {
    if (e instanceof KernelCompileError) return e.diagnostics;
    throw e;
  }
  throw new Error('compiled without errors');
}

/** The one KS4040 of a length, at the marked part. */
function expectWhy(length: string, why: string, params = 'x: Float32Array, n: i32'): void {
  const src = k(params, `  const t = sharedArray(Float32Array, ${length.replace('@', '')});\n  x[0] = t[0];`);
  const d = diagnostics(src).filter((x) => x.code === 'KS4040');
  expect(d.length, JSON.stringify(diagnostics(src))).toBe(1);
  expect(d[0]?.message).toMatch(/^a sharedArray length may contain only integer literals, module constants and blockDim/);
  expect(d[0]?.message.endsWith(`; ${why}`)).toBe(true);
  expect([d[0]?.line, d[0]?.column]).toEqual([4, 39 + length.indexOf('@')]);
}

describe('sharedArray lengths', () => {
  it('names the part that cannot size shared memory, and why', () => {
    expectWhy('blockDim.x + @threadIdx.x', 'threadIdx.x differs between the threads that share the array');
    expectWhy('@blockIdx.y * 4', 'blockIdx.y differs between blocks, which all have the same shared memory');
    expectWhy('@gridDim.x', 'gridDim.x is not blockDim');
    expectWhy('blockDim.x * @n', "'n' is a parameter; pass the block shape through blockDim instead");
    expectWhy('i32(@x[0])', 'this reads an array');
    expectWhy('(@blockDim.x & 7)', "'&' is not one of those operators");
    expectWhy('i32(@f32(blockDim.x) * 1.5)', 'this is an f32, not an i32');
    expectWhy('i32(@u32(blockDim.x) * 2)', 'this is a u32, not an i32');
    expectWhy('@blockDim.x / 0', 'this one divides by zero');
  });

  it('refuses a local variable, even one computed from blockDim', () => {
    const src = k('x: Float32Array', '  const m = blockDim.x * 2;\n  const t = sharedArray(Float32Array, m);\n  x[0] = t[0];');
    const d = diagnostics(src).find((x) => x.code === 'KS4040');
    expect(d?.message).toContain("'m' is a local variable; write the expression in the length itself");
  });

  it('keeps localArray lengths constant (KS4007)', () => {
    const src = k('x: Float32Array', '  const t = localArray(Float32Array, blockDim.x);\n  x[0] = t[0];');
    expect(diagnostics(src).map((x) => x.code)).toEqual(['KS4007']);
  });

  it('accepts blockDim, module constants, + - * / % << >> and Math.min/max, and folds constant lengths', () => {
    const src = k(
      'x: Float32Array',
      '  const a = sharedArray(Float32Array, Math.min(blockDim.x, TILE) * (blockDim.y + 1) - blockDim.z % 2);\n' +
        '  const b = sharedArray(Int32Array, Math.max(blockDim.x >> 1, 4) << 2);\n' +
        '  const c = sharedArray(Float32Array, TILE * 2);\n' +
        '  x[0] = a[0] + f32(b[0]) + c[0];',
    );
    const ir = printKernel(compileToIR(src, { fileName: 'shared-len.ts' }));
    expect(ir).toContain('shared a: f32[((min(blockDim.x, 16) * (blockDim.y + 1)) - (blockDim.z % 2))]');
    expect(ir).toContain('shared b: i32[(max((blockDim.x >> 1), 4) << 2)]');
    expect(ir).toContain('shared c: f32[32]');
  });
});
