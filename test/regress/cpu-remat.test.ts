// The cpu backend recomputes cheap `const`s in each barrier region that reads them (targets/js/
// remat.ts). A `const` declared inside an `if` of a region belongs to that region: it was once
// recomputed at the region's top, before the locals it reads ("Cannot access 'i' before
// initialization"). Runs on cpu (regions and generators) against an exact reference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileKernel } from '../../compiler/index.js';
import { createDevice } from '../../runtime/index.js';
import type { Device } from '../../runtime/types.js';
import { Rng } from '../helpers/case.js';
import { launchAndRead } from '../helpers/devices.js';

const SOURCE = `import { kernel, blockIdx, blockDim, threadIdx, syncthreads, sharedArray, type i32 } from 'kernelscript';
export const reverseShifted = kernel((y: Int32Array, out: Int32Array, n: i32) => {
  const s = sharedArray(Int32Array, 64);
  const t = threadIdx.x;
  const i = blockIdx.x * blockDim.x + t;
  if (i + 1 < n) {
    const j = i + 1;
    s[t] = y[j] * 3;
  }
  syncthreads();
  if (i < n) out[i] = s[63 - t];
});`;

let cpu: Device;
beforeAll(async () => {
  cpu = await createDevice({ backend: 'cpu' });
});
afterAll(() => cpu.dispose());

describe('a const declared inside an if of a barrier region', () => {
  for (const debug of [false, true]) {
    it(`runs on cpu${debug ? ' (debug build)' : ''}`, async () => {
      const k = compileKernel(SOURCE, { target: 'js', kernel: 'reverseShifted', fileName: 'remat.ts', debug });
      const r = new Rng();
      const blocks = r.int(2, 6);
      const n = blocks * 64;
      const y = Int32Array.from({ length: n }, () => r.int(-1000, 1000));
      const [out] = await launchAndRead(cpu, k, n, [y, new Int32Array(n), n], [1]);
      // Block b's shared slot t holds y[b*64 + t + 1] * 3 (0 where that is past the end); thread t reads slot 63 - t.
      const want = Int32Array.from({ length: n }, (_, i) => {
        const b = Math.floor(i / 64), t = i % 64, src = b * 64 + (63 - t);
        return src + 1 < n ? (y[src + 1] ?? 0) * 3 : 0;
      });
      expect(Array.from(out ?? []), `seed ${r.seed}`).toEqual(Array.from(want));
    });
  }
});
