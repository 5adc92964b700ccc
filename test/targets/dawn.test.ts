// Every generated WGSL module must pass Dawn's validation: shader module and compute pipeline
// (with the blockDim overrides set), on whatever adapter Dawn finds (a software one will do).
// Kernels with matrix operations need an adapter with subgroup matrices (runtime/matrix.ts): where
// Dawn's has none, they are skipped with the reason.
import { afterAll, describe, expect, it } from 'vitest';
import { units, type Unit } from './sources.js';
import { MATRIX_FIXTURES } from './matrix-fixtures.js';
import { emitKernel } from '../../targets/index.js';
import { openDawn } from '../fuzz/dawn.js';

// The fuzzers' validator (test/fuzz/dawn.ts): the webgpu device's own request and matrix verdict.
const dawn = await openDawn();
afterAll(() => dawn.dispose());

async function validate(u: Unit): Promise<string | null> {
  const msg = await dawn.validate(u);
  return msg === null ? null : `${u.label}: ${msg}\n${u.code}`;
}

describe('Dawn accepts generated WGSL', () => {
  it('every fixture and case validates as a module and a compute pipeline', async () => {
    const list = units('wgsl').filter((u) => !u.meta.matrix);
    const failures: string[] = [];
    for (const u of list) {
      const f = await validate(u);
      if (f) failures.push(f);
    }
    expect(failures).toEqual([]);
    expect(list.length).toBeGreaterThan(0);
  });

  const matrix = dawn.matrix;
  const title = 'every fixture and case with matrix operations validates as a module and a compute pipeline';
  if (!matrix.ok) it.skip(`${title} (skipped: Dawn's adapter cannot run them: ${matrix.reason})`, () => undefined);
  else {
    it(title, async () => {
      const fixtures = MATRIX_FIXTURES.map((fx): Unit => ({ label: `matrix fixture ${fx.ir.name}`, ...emitKernel(fx.ir, 'wgsl') }));
      const list = [...fixtures, ...units('wgsl').filter((u) => u.meta.matrix)];
      const failures: string[] = [];
      for (const u of list) {
        const f = await validate(u);
        if (f) failures.push(f);
      }
      expect(failures).toEqual([]);
      expect(list.length).toBeGreaterThan(fixtures.length);
    });
  }
});
