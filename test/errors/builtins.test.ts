// threadfence() on WGSL: refused with KS8035 at the call (in the kernel or in a helper), naming the
// target, while cuda and js compile the same kernel (CUDA __threadfence(); nothing on js).
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { compileKernel } from '../../compiler/index.js';
import { diagnosticsOf, locate } from '../helpers/marked.js';

const FILE = fileURLToPath(new URL('./inline-case.ts', import.meta.url));
const H = `import { kernel, i32, threadfence, atomicAdd } from 'kernelscript';\n`;

const SOURCES = {
  kernel: `${H}export const k = kernel(function (x: Float32Array, c: Int32Array) {\n  x[0] = 1;\n  /*@*/threadfence();\n  atomicAdd(c, 0, 1);\n});\n`,
  helper: `${H}function publish(x: Float32Array, c: Int32Array): void {\n  x[0] = 1;\n  /*@*/threadfence();\n  atomicAdd(c, 0, 1);\n}\nexport const k = kernel(function (x: Float32Array, c: Int32Array) {\n  publish(x, c);\n});\n`,
};

describe('threadfence()', () => {
  for (const [where, marked] of Object.entries(SOURCES)) {
    it(`KS8035 on WGSL, in a ${where}`, () => {
      const { src, line, column } = locate(marked);
      const diags = diagnosticsOf(() => compileKernel(src, { target: 'wgsl', kernel: 'k', fileName: FILE }));
      expect(diags.map((d) => [d.code, d.line, d.column])).toEqual([['KS8035', line, column]]);
      expect(diags[0]?.message).toMatch(/^wgsl: threadfence\(\) has no WGSL equivalent/);
    });
    it(`compiles for cuda and js, in a ${where}`, () => {
      const { src } = locate(marked);
      expect(compileKernel(src, { target: 'cuda', kernel: 'k', fileName: FILE }).code).toContain('__threadfence();');
      expect(compileKernel(src, { target: 'js', kernel: 'k', fileName: FILE }).code).toContain('ks_atomic_add');
    });
  }
});
