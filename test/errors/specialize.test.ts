// Specialization diagnostics (KS1020–KS1023): names that are not numeric constants of the kernel's
// file, values that are not finite numbers or not integers for an integer constant, located at the
// value where the source writes it (a build) or else at the kernel or the constant; and values that
// make the kernel invalid, reported with the code and location writing them would give, naming
// the specialization.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KernelCompileError, compileFile, compileKernel, type CompileOptions, type Diagnostic } from '../../compiler/index.js';

const dir = mkdtempSync(join(tmpdir(), 'ks-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const H = `import { kernel, blockIdx, threadIdx, sharedArray, syncthreads, type i32 } from 'kernelscript';\n`;
// TILE on line 3, its uses on lines 6-9 (the sharedArray length on line 6).
const KERNEL = `${H}import { WIDTH } from './config.js';
const TILE = 16;
const HALF = 0.5;
export const k = kernel(function k(x: Float32Array, n: i32) {
  const t = sharedArray(Float32Array, TILE * TILE);
  t[threadIdx.x] = x[blockIdx.x * TILE + threadIdx.x] * HALF;
  syncthreads();
  if (threadIdx.x < n) x[threadIdx.x] = t[(threadIdx.x + 1) % TILE] + WIDTH;
});
`;
const FILE = join(dir, 'kernel.ts');
writeFileSync(join(dir, 'config.ts'), 'export const WIDTH = 4;\n');
writeFileSync(FILE, KERNEL);

function diagnostics(values: Record<string, unknown>, opts: Partial<CompileOptions> = {}): Diagnostic[] {
  try {
    compileKernel(KERNEL, { target: 'js', fileName: FILE, specialize: values as Record<string, number>, ...opts });
  } catch (e) {
    if (e instanceof KernelCompileError) return e.diagnostics;
    throw e;
  }
  throw new Error('compiled without errors');
}

const where = (d: Diagnostic | undefined): unknown => d && [d.code, d.line, d.column];

describe('specialization diagnostics (compiled on demand)', () => {
  it('KS1020: a name that is not a numeric constant of the file, listing its constants', () => {
    const [d, more] = diagnostics({ TIL: 8 });
    expect(more).toBeUndefined();
    // At the kernel(...) call: no source writes the values.
    expect(where(d)).toEqual(['KS1020', 5, 18]);
    expect(d?.message).toBe(
      "'TIL' is not a numeric module-level constant of " + d?.file + ", so k.specialize({ TIL: 8 }) cannot set it; " +
        "the file's numeric constants are: TILE, HALF",
    );
  });

  it('KS1021: an imported constant', () => {
    const [d] = diagnostics({ WIDTH: 8 });
    expect(d?.code).toBe('KS1021');
    expect(d?.message).toContain("'WIDTH' is imported from './config.js'");
  });

  it('KS1022: a value that is not a finite number', () => {
    expect(diagnostics({ TILE: '8' }).map((d) => [d.code, d.message])).toEqual([
      ['KS1022', 'the value of \'TILE\' in k.specialize({ TILE: "8" }) must be a finite number, got a string'],
    ]);
    expect(diagnostics({ TILE: Infinity })[0]?.message).toContain('got Infinity');
    // A float constant beyond the f32 range would become Infinity in the kernel.
    expect(diagnostics({ HALF: 1e39 }).map((d) => [d.code, d.message])).toEqual([
      ['KS1022', "the value of 'HALF' in k.specialize({ HALF: 1e+39 }) must be a finite number, got 1e+39, beyond the f32 range"],
    ]);
  });

  it('KS1023: a fraction for an integer constant, at the constant; a float constant takes one', () => {
    const [d] = diagnostics({ TILE: 2.5 });
    expect(where(d)).toEqual(['KS1023', 3, 7]);
    expect(d?.message).toBe("'TILE' is an integer constant (16), so k.specialize({ TILE: 2.5 }) must give it an integer, not 2.5");
    const code = compileKernel(KERNEL, { target: 'js', fileName: FILE, specialize: { HALF: 0.25 } }).code;
    expect(code).toContain('0.25');
  });

  it('a value that makes the kernel invalid: the code and place writing it gives, naming the specialization', () => {
    const [d] = diagnostics({ TILE: 0 });
    const written = (() => {
      try {
        compileKernel(KERNEL.replace('const TILE = 16', 'const TILE = 0'), { target: 'js', fileName: join(dir, 'written.ts') });
      } catch (e) {
        return (e as KernelCompileError).diagnostics[0];
      }
      return undefined;
    })();
    expect(where(d)).toEqual(['KS4007', 6, 39]);
    expect(where(written)).toEqual(where(d));
    expect(d?.message).toBe(`${written?.message} (in k.specialize({ TILE: 0 }))`);
  });

  it("a value beyond one target's limits: that target's code, naming the specialization", () => {
    // 256×256 f32 in shared memory is over what WGSL and CUDA offer.
    const [d] = diagnostics({ TILE: 256 }, { target: 'wgsl' });
    expect(d?.code).toMatch(/^KS8\d{3}$/);
    expect(d?.message).toMatch(/\(in k\.specialize\(\{ TILE: 256 \}\)\)$/);
    expect(compileKernel(KERNEL, { target: 'js', fileName: FILE, specialize: { TILE: 256 } }).code).toContain('65536');
  });
});

describe('specialization diagnostics (build time, at the values the source writes)', () => {
  const user = (call: string): Diagnostic[] => {
    const file = join(dir, 'user.ts');
    const text = `import { k } from './kernel.js';\nconst BIG = 32;\nexport const s = ${call};\n`;
    writeFileSync(file, text);
    return compileFile(file, text, ['js']).diagnostics;
  };

  it('finds specialize(...) calls of imported kernels and compiles them', () => {
    const file = join(dir, 'user.ts');
    const text =
      `import { k } from './kernel.js';\nconst BIG = 32;\nexport const s = k.specialize({ TILE: BIG / 4 });\nexport const t = k.specialize({ TILE: n() });\n` +
      `function n() { return 2; }\n` +
      // Another `k` (a parameter, a local) is not the kernel.
      `export function other(k: { specialize(v: object): void }) { k.specialize({ TILE: 3 }); }\n` +
      `export function local() { const k = { specialize: (v: object) => v }; return k.specialize({ TILE: 5 }); }\n`;
    writeFileSync(file, text);
    const r = compileFile(file, text, ['js', 'wgsl']);
    expect(r.diagnostics).toEqual([]);
    // The call with a value known only at run time is left to the run time; the other k's are not kernels.
    expect(r.specializations.map((s) => [s.kernel, s.key, Object.keys(s.outputs).sort()])).toEqual([['k', 'TILE=8', ['js', 'wgsl']]]);
    expect(r.specializations[0]?.outputs.wgsl?.code).toContain('array<f32, 64>');
    expect(r.dependencies).toContain(FILE);
  });

  it('KS1020 at the property', () => {
    expect(user('k.specialize({ TILE: 8, TIL: 2 })').map(where)).toEqual([['KS1020', 3, 42]]);
  });

  it('KS1022 for a literal of another kind, at the value', () => {
    const [d] = user("k.specialize({ TILE: 'big' })");
    expect(where(d)).toEqual(['KS1022', 3, 39]);
    expect(d?.message).toBe("the value of 'TILE' in k.specialize(...) of kernel 'k' must be a finite number, got a string");
  });

  it('KS1023 at the property', () => {
    expect(user('k.specialize({ TILE: BIG / 5 })').map(where)).toEqual([['KS1023', 3, 33]]);
  });

  it('an invalid value at the constant\'s use in the kernel file', () => {
    const [d] = user('k.specialize({ TILE: BIG - BIG })');
    expect(d?.file).toMatch(/kernel\.ts$/);
    expect(where(d)).toEqual(['KS4007', 6, 39]);
    expect(d?.message).toMatch(/\(in k\.specialize\(\{ TILE: 0 \}\)\)$/);
  });
});
