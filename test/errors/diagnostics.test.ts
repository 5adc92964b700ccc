// Every diagnostic rule, one broken kernel each: the error's code, line and column must match the
// `/*@*/` marker in the source, and compilation must report it through KernelCompileError.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { CODES, KernelCompileError, compileFile, compileKernel, compileToIR } from '../../compiler/index.js';
import type { Diagnostic } from '../../compiler/index.js';
import { ERROR_CASES } from './cases.js';

const FILE = fileURLToPath(new URL('./inline-case.ts', import.meta.url));

function locate(marked: string): { src: string; line: number; column: number } {
  const at = marked.indexOf('/*@*/');
  if (at < 0) throw new Error('case has no /*@*/ marker');
  const before = marked.slice(0, at).split('\n');
  return { src: marked.replace('/*@*/', ''), line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

function diagnosticsOf(src: string, kernel?: string): Diagnostic[] {
  try {
    compileToIR(src, { fileName: FILE, ...(kernel ? { kernel } : {}) });
  } catch (e) {
    if (e instanceof KernelCompileError) return e.diagnostics;
    throw e;
  }
  throw new Error('compiled without errors');
}

describe('one broken kernel per rule', () => {
  for (const c of ERROR_CASES) {
    it(`${c.code}: ${c.what}`, () => {
      const { src, line, column } = locate(c.src);
      const diags = diagnosticsOf(src, c.kernel);
      const hit = diags.find((d) => d.code === c.code);
      expect(hit, `got ${diags.map((d) => `${d.code}@${d.line}:${d.column} ${d.message}`).join('; ')}`).toBeDefined();
      expect([hit?.line, hit?.column]).toEqual([line, column]);
      expect(hit?.message).toBe(hit?.message.trim());
      expect(hit?.file.endsWith('inline-case.ts')).toBe(true);
    });
  }
});

describe('kernel selection', () => {
  const two = `import { kernel } from 'kernelscript';\nexport const a = kernel(function (x: Float32Array) { x[0] = 1; });\nexport const b = kernel(function (x: Float32Array) { x[0] = 2; });\n`;
  it('KS1007: several kernels and no name', () => {
    const d = diagnosticsOf(two);
    expect(d.map((x) => x.code)).toEqual(['KS1007']);
    expect(d[0]?.message).toContain('a, b');
  });
  it('KS1006: unknown kernel name lists the kernels', () => {
    const d = diagnosticsOf(two, 'c');
    expect(d[0]?.code).toBe('KS1006');
    expect(d[0]?.message).toContain("'c'");
    expect(d[0]?.message).toContain('a, b');
  });
  it('KS1008: no kernels', () => {
    expect(diagnosticsOf('export const x = 1;\n')[0]?.code).toBe('KS1008');
  });
  it('KS1010: two kernels with one name', () => {
    const src = `import { kernel } from 'kernelscript';\nkernel(function dup(x: Float32Array) { x[0] = 1; });\nkernel(function dup(x: Float32Array) { x[0] = 2; });\n`;
    const r = compileFile(FILE, src, ['js']);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['KS1010', 3, 1]]);
  });
});

describe('reporting', () => {
  const src = `import { kernel, u32, i32 } from 'kernelscript';
export const k = kernel(function (x: Float32Array, u: u32, i: i32, n: number) {
  x[0] = f32(u + i);
  const s = "str";
});
`;
  it('collects every error of a kernel before throwing', () => {
    const codes = diagnosticsOf(src.replace('f32(', '(')).map((d) => d.code);
    expect(codes).toEqual(['KS1003', 'KS2001', 'KS3001']);
  });

  it('renders like tsc, with a code frame under the span', () => {
    let err: unknown;
    try {
      compileKernel(src.replace('f32(', '('), { target: 'js', fileName: FILE });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(KernelCompileError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/inline-case\.ts:3:11 - error KS2001: operator '\+' mixes i32 and u32/);
    // Gutter "3 ", the line, then ~ under columns 11-15 (`u + i`).
    expect(msg).toContain(`3   x[0] = (u + i);\n  ${' '.repeat(10)}~~~~~\n`);
    expect(msg).toContain('Found 3 errors.');
    expect(msg.includes('\u001b[')).toBe(false);
  });

  it('every code in the table has a rule test or a selection test', () => {
    // KS8xxx come from one target's limits: test/regress/limits.test.ts tests them per target.
    const targetLimits = ['KS8001', 'KS8002', 'KS8003', 'KS8004', 'KS8005'];
    // KS8015 (f64 for WGSL) is tested with the other f16/f64 rules in test/errors/floats.test.ts.
    targetLimits.push('KS8015');
    // KS8035 (threadfence() for WGSL) is tested in test/errors/builtins.test.ts.
    targetLimits.push('KS8035');
    // KS8040 and KS8041 (a target refusing a matrix operation) are tested in test/targets/matrix.test.ts,
    // KS4065 (a device without matrices) in test/runtime/matrix.test.ts.
    targetLimits.push('KS8040', 'KS8041', 'KS4065');
    // KS9xxx are check --target's warnings: test/cli/check-resources.test.ts tests them.
    const resourceWarnings = ['KS9001', 'KS9002', 'KS9003', 'KS9004', 'KS9005', 'KS9006', 'KS9007'];
    // KS1020–KS1023 concern k.specialize(values): test/errors/specialize.test.ts tests them.
    const specialization = ['KS1020', 'KS1021', 'KS1022', 'KS1023'];
    // KS2040–KS2049, KS4030–KS4033, KS8020–KS8021 and KS6015 (a vector parameter's argument)
    // concern vectors: test/errors/vectors.test.ts tests them.
    const vectors = Object.keys(CODES).filter((c) => /^KS(204\d|403[0-3]|802[01]|6015)$/.test(c));
    const tested = new Set([...ERROR_CASES.map((c) => c.code), 'KS1006', 'KS1007', 'KS1008', 'KS1010', 'KS1011', 'KS1012', 'KS1013', ...specialization, ...vectors, ...targetLimits, ...resourceWarnings]);
    expect(Object.keys(CODES).filter((c) => !tested.has(c))).toEqual([]);
  });
});
