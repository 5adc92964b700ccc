// A bounded, seeded slice of the mutant fuzzer (see README.md): mutants of the project's own kernels
// must compile or get coded, located diagnostics, never be accepted when tsc rejects them, and
// compile to WGSL that Dawn accepts. Runs in a watched worker process, so a hang or a crash of the
// compiler is a reported failure rather than a stuck or dead test run.
import { describe, expect, it } from 'vitest';
import { formatReport } from './finding.js';
import { runCampaign } from './supervisor.js';

const SEED = 20260101;
const COUNT = 300;

describe('mutant fuzzer (CI slice)', () => {
  it(`${COUNT} mutants of seed ${SEED} break no rule`, async () => {
    const { records, stats } = await runCampaign({ kind: 'mutants', seed: SEED, count: COUNT, minimize: 0, timeoutS: 20 });
    expect(records.length, formatReport(records)).toBe(0);
    // The slice must have exercised the compiler: many mutants compile (and go through Dawn), many do not.
    expect(stats.wgslValidated ?? 0).toBeGreaterThan(COUNT / 5);
    expect(stats.diagnosed ?? 0).toBeGreaterThan(COUNT / 5);
  });
});
