// From the mutant fuzzer: modifiers where TypeScript allows none compiled silently (lowering
// ignores modifiers). Each is now KS7002 with TypeScript's own code, at its line.
import { describe, expect, it } from 'vitest';
import { compileFile } from '../../../compiler/index.js';

const FILE = `${import.meta.dirname}/modifiers-kernels.ts`;
const kernel = (params: string, body = '') =>
  `import { kernel, type i32 } from 'kernelscript';\nexport const k = kernel(function k(xs: Float32Array, ${params}) {\n  ${body}\n  xs[0] = n;\n});\n`;

const CASES: [string, string, string, number][] = [
  ['a variance modifier on a parameter', 'out n: i32', '', 1274],
  ['in on a parameter', 'in n: i32', '', 1274],
  ['static on a parameter', 'static n: i32', '', 1090],
  ['export on a parameter', 'export n: i32', '', 1090],
  ['abstract on a parameter', 'abstract n: i32', '', 1242],
  ['accessor on a parameter', 'accessor n: i32', '', 1275],
  ['a parameter property outside a constructor', 'readonly n: i32', '', 2369],
  ['export on a local', 'n: i32', 'export const q = 1;', 1184],
  ['static on a local', 'n: i32', 'static let q = 1;', 1184],
];

describe('misplaced modifiers', () => {
  for (const [what, params, body, code] of CASES) {
    it(`${what} (TS${code})`, () => {
      const r = compileFile(FILE, kernel(params, body), ['js']);
      expect(r.diagnostics.map((d) => [d.code, d.line, /\(TS(\d+)\)/.exec(d.message)?.[1]])).toEqual([['KS7002', body ? 3 : 2, String(code)]]);
    });
  }

  it('a kernel without modifiers still compiles', () => {
    expect(compileFile(FILE, kernel('n: i32'), ['js']).diagnostics).toEqual([]);
  });
});
