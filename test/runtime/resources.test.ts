// Resources over many launches: 10,000 alloc/launch/read/dispose cycles per device keep memory flat
// (process memory after a garbage collection, and the device's count of live arrays), and every
// launch's result is exact on its fresh random inputs. Launches beyond the device's limits are
// refused before anything is queued (the scalar and shape checks common to all launches are in
// device.test.ts; here the ones it lacks).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { compileKernel } from '../../compiler/index.js';
import type { BaseDevice } from '../../runtime/device.js';
import type { Device, DeviceArray, LaunchArg } from '../../runtime/types.js';
import { Rng } from '../helpers/case.js';
import { TARGET, closeDevices, openDevices } from '../helpers/devices.js';

const SOURCE = `import { kernel, blockDim, blockIdx, threadIdx, i32, u32 } from 'kernelscript';
export const mix = kernel(function mix(x: Int32Array, y: Uint32Array, out: Int32Array, n: i32, k: i32, s: u32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    out[i] = x[i] * k + i32(y[i] >> s);
  }
});
`;

const CYCLES = 10_000;
/** Cycles in flight at once: launches queue together, reads resolve together. */
const BATCH = 50;
/** Allocators and driver pools grow for the first few thousand cycles, then stay flat. */
const WARMUP = 2_000;
/** Up to 16 KiB per array: a leaked cycle would show as tens of KiB, 8,000 of them as hundreds of MiB. */
const N = 4096;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const slots = await openDevices(['cpu', 'webgpu']);
afterAll(() => closeDevices(slots));

/** Process memory after a full collection (host buffers, SharedArrayBuffers included), and the device's live arrays. */
function memory(d: Device): { rss: number; host: number; live: number } {
  gc();
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss, host: m.external + m.arrayBuffers, live: (d as BaseDevice).liveArrays };
}

const MB = 2 ** 20;

for (const slot of slots) {
  describe.skipIf(!slot.device)(`${slot.backend} device${slot.device ? '' : ` (skipped: ${slot.reason})`}`, () => {
    const gpu = slot.device as Device;
    const k = compileKernel(SOURCE, { target: TARGET[slot.backend], kernel: 'mix', fileName: 'resources.ts' });

    it(`${CYCLES} alloc/launch/read/dispose cycles: exact results, flat memory`, async () => {
      const rng = new Rng();
      // Checkpoints after the warm-up, halfway through the rest, and at the end.
      const marks = [WARMUP, (WARMUP + CYCLES) / 2];
      const at: ReturnType<typeof memory>[] = [];
      const wrong: string[] = [];
      for (let done = 0; done < CYCLES; done += BATCH) {
        if (marks.includes(done)) at.push(memory(gpu));
        const cycles = Array.from({ length: BATCH }, () => {
          const n = rng.int(1, N + 1);
          const x = Int32Array.from({ length: n }, () => rng.int(-(2 ** 31), 2 ** 31));
          const y = Uint32Array.from({ length: n }, () => rng.int(0, 2 ** 32));
          const kk = rng.int(-1000, 1000);
          const s = rng.int(0, 32);
          const dx = gpu.array(x), dy = gpu.array(y), out = gpu.alloc(Int32Array, n);
          gpu.launchCompiled(k, { grid: Math.ceil(n / 64), block: 64 }, [dx, dy, out, n, kk, s]);
          return { x, y, kk, s, arrays: [dx, dy, out], read: out.read() };
        });
        for (const c of cycles) {
          const got = await c.read;
          for (const a of c.arrays) a.dispose();
          for (let i = 0; i < c.x.length; i++) {
            const want = (Math.imul(c.x[i] as number, c.kk) + ((c.y[i] as number) >>> c.s)) | 0;
            if (got[i] !== want && wrong.length < 5) wrong.push(`seed ${rng.seed}: out[${i}] = ${got[i]}, want ${want}`);
          }
        }
      }
      at.push(memory(gpu));
      const [a, b, c] = at as [ReturnType<typeof memory>, ReturnType<typeof memory>, ReturnType<typeof memory>];
      expect(wrong).toEqual([]);
      expect([b.live, c.live]).toEqual([a.live, a.live]);
      // Measured flat (within a few MiB) over 20,000 cycles on both devices. A leak grows in both
      // halves (one leaked array per cycle: about 32 MiB a half, a leaked cycle about 100 MiB); a
      // one-time step, such as the cpu device starting its worker threads, grows only one.
      const grew = { host: (c.host - a.host) / MB, rss: [(b.rss - a.rss) / MB, (c.rss - b.rss) / MB] };
      expect(grew.host, JSON.stringify(grew)).toBeLessThan(16);
      expect(Math.min(...grew.rss), JSON.stringify(grew)).toBeLessThan(16);
    });

    describe('refuses before queueing anything', () => {
      const fresh = (): { out: DeviceArray; args: LaunchArg[] } => {
        const out = gpu.array(new Int32Array(64).fill(7));
        return { out, args: [gpu.array(new Int32Array(64).fill(1)), gpu.array(new Uint32Array(64)), out, 64, 3, 1] };
      };
      const withArg = (a: LaunchArg[], i: number, v: unknown): LaunchArg[] => a.map((x, j) => (j === i ? (v as LaunchArg) : x));
      const lim = gpu.limits;
      const bad: [string, (a: LaunchArg[]) => void, RegExp][] = [
        ['a u32 below zero', (a) => gpu.launchCompiled(k, { grid: 1, block: 64 }, withArg(a, 5, -1)), /parameter 's'.*u32/],
        ['a u32 of 2^32', (a) => gpu.launchCompiled(k, { grid: 1, block: 64 }, withArg(a, 5, 2 ** 32)), /parameter 's'.*u32/],
        ['a bigint for an i32', (a) => gpu.launchCompiled(k, { grid: 1, block: 64 }, withArg(a, 4, 3n)), /parameter 'k'.*i32/],
        ['a grid.x beyond the limit', (a) => gpu.launchCompiled(k, { grid: lim.maxGridDim[0] + 1, block: 64 }, a), /grid\.x = \d+ exceeds this device's limit/],
        ['a block beyond the limit', (a) => gpu.launchCompiled(k, { grid: 1, block: lim.maxThreadsPerBlock * 2 }, a), /threads|exceeds/],
        ['shared memory beyond the limit', (a) => gpu.launchCompiled({ ...k, meta: { ...k.meta, sharedBytes: lim.maxSharedBytes + 4 } }, { grid: 1, block: 64 }, a), /bytes of shared memory; this device allows at most/],
        ['a grid of NaN', (a) => gpu.launchCompiled(k, { grid: NaN, block: 64 }, a), /grid must be/],
        ['an Infinity for an i32', (a) => gpu.launchCompiled(k, { grid: 1, block: 64 }, withArg(a, 3, Infinity)), /parameter 'n'.*i32/],
      ];
      for (const [what, call, msg] of bad) {
        it(what, async () => {
          const f = fresh();
          expect(() => call(f.args)).toThrow(msg);
          await gpu.synchronize();
          expect(Array.from(await f.out.read())).toEqual(new Array(64).fill(7)); // nothing ran
          for (const a of f.args) if (typeof a === 'object') (a as DeviceArray).dispose();
        });
      }
    });
  });
}
