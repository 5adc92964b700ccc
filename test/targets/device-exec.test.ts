// Runs the hand-built IR fixtures on every available device (cpu, webgpu, cuda) through the
// runtime, so each target's semantics are checked by execution against the float64 references.
import { afterAll, describe, expect, it } from 'vitest';
import type { DeviceArray, LaunchArg, TypedArray } from '../../runtime/types.js';
import { Rng, type HostArg } from '../helpers/case.js';
import { TARGET, closeDevices, openDevices } from '../helpers/devices.js';
import { compare } from './compare.js';
import { compiled } from './compiled.js';
import { FIXTURES } from './fixtures.js';


const isTyped = (a: HostArg): a is TypedArray => typeof a === 'object';

const slots = await openDevices();
afterAll(() => closeDevices(slots));

for (const slot of slots) {
  describe.skipIf(!slot.device)(`fixtures on ${slot.backend}${slot.device ? '' : ` (skipped: ${slot.reason})`}`, () => {
    for (const fx of FIXTURES) {
      it(fx.ir.name, async () => {
        const device = slot.device!;
        const rng = new Rng();
        const { args, grid, block } = fx.make(rng);
        const want = fx.reference(args.map((a) => (isTyped(a) ? a.slice() : a)));
        const arrays: DeviceArray[] = [];
        try {
          const launchArgs: LaunchArg[] = args.map((a) => {
            if (!isTyped(a)) return a;
            const d = device.array(a);
            arrays.push(d);
            return d;
          });
          device.launchCompiled(compiled(fx.ir, TARGET[slot.backend]), { grid, block }, launchArgs);
          for (const [k, w] of Object.entries(want)) {
            const got = await (launchArgs[Number(k)] as DeviceArray).read();
            const msg = compare(got, w, !(got instanceof Float32Array), fx.tolerance ?? 1e-5);
            expect(msg, `${fx.ir.name} on ${slot.backend}, argument ${k} (seed ${rng.seed})`).toBeNull();
          }
        } finally {
          for (const d of arrays) d.dispose();
        }
      });
    }
  });
}
