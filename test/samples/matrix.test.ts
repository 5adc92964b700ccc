// The Matrix layer: every operation checked against float64 on fresh random matrices (by the
// matrix-ops sample, whose report is checked here), at odd sizes so edge tiles are exercised.
import { describe, expect, it } from 'vitest';
import { freshSeed, runSample, testBackends } from './run-sample.js';

const OPS = [
  'dot', 'tdot', 'dotT', 'transpose', 'add', 'sub', 'mul', 'div', 'add row vector', 'div row vector',
  'sub column vector', 'mul column vector', 'mul 1×1', 'add scalar', 'sub scalar', 'mul scalar', 'div scalar',
  'rsub', 'rdiv', 'exp', 'log', 'reciprocal', 'sigmoid', 'neg', 'clamp', 'softmaxRows', 'rowSums', 'colSums',
  'sum', 'mean', 'argmaxRows', 'takeRows',
];

for (const { backend, skip } of await testBackends()) {
  describe.skipIf(skip !== null)(`Matrix layer on ${backend}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    it('every operation matches float64', async () => {
      const r = await runSample('matrix-ops', backend, { rows: 37, cols: 300, inner: 21, seed: freshSeed() });
      expect(r.ok).toBe(true);
      const checks = r.checks as { op: string; err: number }[];
      expect(checks.map((c) => c.op)).toEqual(OPS);
      for (const c of checks) expect(c.err, c.op).toBeLessThanOrEqual(1e-5);
    });
  });
}
