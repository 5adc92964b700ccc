// IR text snapshots for a few test cases (their execution is covered by test/exec). Regenerate
// with `npx vitest run test/ir -u` and review the diff.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileToIR, printKernel } from '../../compiler/index.js';

const cases = ['saxpy.ts', 'reduce-sum.ts', 'matmul-tiled.ts', 't-atomics.ts'];

describe('IR print', () => {
  for (const name of cases) {
    it(name, async () => {
      const file = fileURLToPath(new URL(`../cases/${name}`, import.meta.url));
      const src = readFileSync(file, 'utf8');
      const { listKernels } = await import('../../compiler/index.js');
      const text = listKernels(src, file)
        .map((k) => printKernel(compileToIR(src, { fileName: file, kernel: k })))
        .join('\n');
      expect(text).toMatch(/^(fn|kernel) /m);
      await expect(text).toMatchFileSnapshot(`./snapshots/${name.replace(/\.ts$/, '.ir')}`);
    });
  }
  it('is stable: printing twice gives the same text', () => {
    const file = fileURLToPath(new URL('../cases/saxpy.ts', import.meta.url));
    const ir = compileToIR(readFileSync(file, 'utf8'), { fileName: file });
    expect(printKernel(structuredClone(ir))).toBe(printKernel(ir));
  });
});
