// Executes every test case (test/cases/*.ts) on every available device against its float64
// reference. Cases are loaded dynamically so that kernel files stay out of the strict tsconfig;
// they import the full entry, which registers the compiler that compiles them on first launch.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { BaseDevice } from '../../runtime/device.js';
import { unmetRequirement, type CaseSpec } from '../helpers/case.js';
import { closeDevices, openDevices } from '../helpers/devices.js';
import { runCase } from './run-case.js';


const dir = fileURLToPath(new URL('../cases/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort();
const seed = process.env.KS_SEED ? Number(process.env.KS_SEED) : undefined;

const slots = await openDevices();
afterAll(() => closeDevices(slots));

for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
  const specs = (mod.specs ?? (mod.spec ? [mod.spec] : [])) as CaseSpec[];
  describe(file, () => {
    it('exports at least one spec', ({ expect }) => expect(specs.length).toBeGreaterThan(0));
    specs.forEach((spec, n) => {
      for (const slot of slots) {
        const title = `${spec.kernel}${specs.length > 1 ? ` #${n + 1}` : ''} on ${slot.backend}`;
        const device = slot.device;
        if (!device) it.skip(`${title} (skipped: ${slot.reason})`, () => undefined);
        else if (spec.only && !spec.only.backends.includes(slot.backend)) it.skip(`${title} (skipped: ${spec.only.reason})`, () => undefined);
        else if (unmetRequirement(device, spec.requires)) it.skip(`${title} (skipped: ${unmetRequirement(device, spec.requires)})`, () => undefined);
        else it(title, () => runCase(mod, spec, device, seed));
      }
    });
  });
}

describe('after every case', () => {
  for (const slot of slots) {
    it.skipIf(!slot.device)(`${slot.backend} holds no arrays (nothing leaked, even from failed cases)`, () => {
      expect((slot.device as BaseDevice).liveArrays).toBe(0);
    });
  }
});
