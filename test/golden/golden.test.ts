// Golden outputs: every kernel of every test case (IR and each target, through the front end) and
// every hand-built fixture (IR straight to the targets), compared exactly with
// test/golden/expected/<case>.<kernel>.<ext>, one file per kernel and output. Regenerate with
// UPDATE_GOLDEN=1 (which also removes files nothing produces any more) and review the diff.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileKernel, compileToIR, printKernel } from '../../compiler/index.js';
import type { Target } from '../../core/output.js';
import { emitKernel } from '../../targets/index.js';
import { FIXTURES } from '../targets/fixtures.js';
import { caseKernels } from '../targets/sources.js';

const DIR = fileURLToPath(new URL('./expected/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const EXT: Record<Target, string> = { wgsl: 'wgsl', cuda: 'cu', js: 'js' };
const TARGETS: Target[] = ['wgsl', 'cuda', 'js'];

/** The golden files the tests below check, collected as they are defined. */
const produced = new Set<string>();

function checkGolden(file: string, actual: string): void {
  const path = join(DIR, file);
  if (UPDATE) {
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`missing golden file ${file}: run the tests with UPDATE_GOLDEN=1 and review it`);
  expect(actual, `${file} differs from its golden output (UPDATE_GOLDEN=1 regenerates it)`).toBe(readFileSync(path, 'utf8'));
}

describe('golden outputs of test cases', () => {
  for (const c of caseKernels()) {
    const base = `${c.caseName}.${c.kernel}`;
    // Goldens name files relative to the repository, so they do not depend on where it is checked out.
    const fileName = `test/cases/${c.caseName}.ts`;
    produced.add(`${base}.ir`);
    it(`${base}.ir`, () => checkGolden(`${base}.ir`, printKernel(compileToIR(c.source, { kernel: c.kernel, fileName }))));
    for (const t of TARGETS) {
      // A target that refuses the kernel (WGSL and f64) has its diagnostics as the golden output.
      const refused = c.refused[t];
      const file = refused === undefined ? `${base}.${EXT[t]}` : `${base}.${EXT[t]}.refused`;
      produced.add(file);
      it(file, () => checkGolden(file, refused ?? compileKernel(c.source, { target: t, kernel: c.kernel, fileName }).code));
    }
  }
});

describe('golden outputs of hand-built fixtures', () => {
  for (const fx of FIXTURES) {
    for (const t of TARGETS) {
      produced.add(`fixture.${fx.ir.name}.${EXT[t]}`);
      it(`${fx.ir.name}.${EXT[t]}`, () => checkGolden(`fixture.${fx.ir.name}.${EXT[t]}`, emitKernel(fx.ir, t).code));
    }
  }
});

describe('golden files', () => {
  it('are each produced by a case kernel or a fixture', () => {
    const orphans = readdirSync(DIR).filter((f) => !produced.has(f));
    if (UPDATE) for (const f of orphans) rmSync(join(DIR, f));
    else expect(orphans, 'golden files nothing produces (UPDATE_GOLDEN=1 removes them)').toEqual([]);
  });
});
