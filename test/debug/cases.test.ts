// Every test case (test/cases/*.ts) in debug mode: the bounds-checked build computes what its
// float64 reference says, on fresh random inputs, on every available device (as test/exec does
// for default builds), and reports no fault: the checks change nothing in a correct kernel.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createDevice } from '../../runtime/index.js';
import type { BaseDevice } from '../../runtime/device.js';
import { unmetRequirement, type CaseSpec } from '../helpers/case.js';
import { closeDevices, openDevices } from '../helpers/devices.js';
import { runCase } from '../exec/run-case.js';

const dir = fileURLToPath(new URL('../cases/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort();

const slots = await Promise.all(
  (await openDevices()).map(async (s) => {
    if (!s.device) return s;
    s.device.dispose();
    return { ...s, device: await createDevice({ backend: s.backend, debug: true }) };
  }),
);
afterAll(() => closeDevices(slots));

for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
  const specs = (mod.specs ?? (mod.spec ? [mod.spec] : [])) as CaseSpec[];
  describe(file, () => {
    specs.forEach((spec, n) => {
      for (const slot of slots) {
        const title = `${spec.kernel}${specs.length > 1 ? ` #${n + 1}` : ''} on ${slot.backend} in debug mode`;
        const device = slot.device;
        if (!device) it.skip(`${title} (skipped: ${slot.reason})`, () => undefined);
        else if (spec.only && !spec.only.backends.includes(slot.backend)) it.skip(`${title} (skipped: ${spec.only.reason})`, () => undefined);
        else if (unmetRequirement(device, spec.requires)) it.skip(`${title} (skipped: ${unmetRequirement(device, spec.requires)})`, () => undefined);
        else
          it(title, async () => {
            await runCase(mod, spec, device);
            await device.synchronize();
          });
      }
    });
  });
}

describe('after every case', () => {
  for (const slot of slots) {
    it.skipIf(!slot.device)(`${slot.backend} ran debug builds and holds no arrays`, () => {
      expect(slot.device?.debug).toBe(true);
      expect((slot.device as BaseDevice).liveArrays).toBe(0);
    });
  }
});
