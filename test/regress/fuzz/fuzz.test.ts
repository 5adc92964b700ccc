// Every reproducer `npm run fuzz` saved here (test/fuzz/reproducer.ts), run through the oracle that
// found it: a generated program must match the reference on every device, a mutant must compile or
// get coded, located diagnostics and WGSL that Dawn accepts. Each fails until its bug is fixed.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Device } from '../../../runtime/types.js';
import { closeDevices, openDevices } from '../../helpers/devices.js';
import { openDawn } from '../../fuzz/dawn.js';
import { REGRESS_DIR, checkMutantInChild, checkReproducer, loadReproducers } from '../../fuzz/reproducer.js';

const saved = await loadReproducers();
const slots = await openDevices(['cpu', 'webgpu']);
const dawn = await openDawn();
afterAll(() => {
  closeDevices(slots);
  dawn.dispose();
});
const devices = slots.map((s) => s.device).filter((d): d is Device => d !== null);

describe('fuzz reproducers', () => {
  it('every saved reproducer loads and names its finding', () => {
    for (const { file, reproducer } of saved) {
      expect(reproducer.finding, file).toMatch(/^\[[a-z-]+\] /);
      expect(file.startsWith(`${reproducer.fuzzer}-`), file).toBe(true);
    }
  });

  for (const { file, reproducer } of saved) {
    it(`${file}: ${reproducer.finding.slice(0, 100)}`, { timeout: 60_000 }, async () => {
      // Mutants in a child process that is killed after 30 s: a hang fails this test, not the run.
      const findings = reproducer.fuzzer === 'mutants' ? await checkMutantInChild(join(REGRESS_DIR, file), 30) : await checkReproducer(reproducer, { devices, dawn });
      expect(findings.map((f) => `[${f.kind}] ${f.signature}\n${f.detail}`)).toEqual([]);
    });
  }
});
