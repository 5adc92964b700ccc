// A bounded, seeded slice of the mutant fuzzer (see README.md): mutants of the project's own kernels
// must compile or get coded, located diagnostics, never be accepted when tsc rejects them, and
// compile to WGSL that Dawn accepts. Runs in a watched worker process, so a hang or a crash of the
// compiler is a reported failure rather than a stuck or dead test run.
import { describe, expect, it } from 'vitest';
import { adapterFacts, requestAdapter } from '../../runtime/webgpu/gpu.js';
import { formatReport } from './finding.js';
import { runCampaign } from './supervisor.js';

const SEED = 20260101;
const COUNT = 300;
// The silence after which an input counts as a hang. Dawn's validation creates a pipeline, which a
// hardware driver compiles: NVIDIA's takes about 20 s for a mutant that repeats a warp-shuffle loop
// 1500 times (a software adapter, as in CI, a few), so the budget is larger there. The compiler's
// own time has its separate rule ('slow', over 10 s).
const hardware = await requestAdapter().then((a) => (a ? !adapterFacts(a.info).software : false), () => false);
const TIMEOUT_S = hardware ? 60 : 20;

describe('mutant fuzzer (CI slice)', () => {
  it(`${COUNT} mutants of seed ${SEED} break no rule`, async () => {
    const { records, stats } = await runCampaign({ kind: 'mutants', seed: SEED, count: COUNT, minimize: 0, timeoutS: TIMEOUT_S });
    expect(records.length, formatReport(records)).toBe(0);
    // The slice must have exercised the compiler: many mutants compile (and go through Dawn), many do not.
    expect(stats.wgslValidated ?? 0).toBeGreaterThan(COUNT / 5);
    expect(stats.diagnosed ?? 0).toBeGreaterThan(COUNT / 5);
  });
});
