// A bounded, seeded slice of the differential fuzzer (see README.md): generated kernels must compile
// without diagnostics and compute on cpu and webgpu what the independent reference says (integers
// exactly, f32 within the reference's error bound). Runs in a watched worker process.
import { describe, expect, it } from 'vitest';
import { formatReport } from './finding.js';
import { runCampaign } from './supervisor.js';

const SEED = 20260101;
const COUNT = 120;

describe('differential fuzzer (CI slice)', () => {
  it(`${COUNT} generated kernels of seed ${SEED} match the reference on every device`, async () => {
    const { records, stats } = await runCampaign({ kind: 'diff', seed: SEED, count: COUNT, minimize: 0, timeoutS: 20 });
    expect(records.length, formatReport(records)).toBe(0);
    // The slice must have exercised the devices: most output slots are determined by the reference.
    expect(stats.launches ?? 0).toBe(2 * COUNT);
    expect(stats.slotsChecked ?? 0).toBeGreaterThan(stats.slotsUnknown ?? 0);
  });
});
