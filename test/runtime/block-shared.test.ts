// Block-sized shared arrays at launch, on every available device: a block shape that makes the
// block's shared memory exceed the device's limit, or an array's length not positive, is refused
// with a LaunchError naming the kernel and the array before anything is queued (the output keeps
// its contents, no array leaks, the device stays usable); in debug mode an access past the
// launch-time length is a fault reporting that length; on cpu, the race checks' shadows follow the
// length from launch to launch. The evaluator and the layout (core/shared-size.ts) are checked
// against hand-computed values.
import { afterAll, describe, expect, it } from 'vitest';
import { compileKernel, createDevice, KernelFaultError, KernelRaceError, LaunchError } from '../../index.js';
import type { BaseDevice } from '../../runtime/device.js';
import type { Device, DeviceArray } from '../../runtime/types.js';
import { dynamicSharedLayout, evaluateSize, sizeText, type DynamicShared, type SizeExpr } from '../../core/shared-size.js';
import { Rng } from '../helpers/case.js';
import { closeDevices, openDevices, TARGET } from '../helpers/devices.js';

const FILE = 'block-shared-launch.ts';
const SOURCE = `import { kernel, f32, blockDim, blockIdx, threadIdx, sharedArray, syncthreads, i32 } from 'kernelscript';
const K = 3;
export const scaled = kernel(function scaled(x: Float32Array, out: Float32Array) {
  const small = sharedArray(Int32Array, 4);
  const tile = sharedArray(Float32Array, Math.max(blockDim.x, 40) * K);
  const bits = sharedArray(Int32Array, ((blockDim.x + 31) / 32) % 7 + (blockDim.x >> 5));
  const k = K;
  const t = threadIdx.x;
  const i = blockIdx.x * blockDim.x + t;
  if (t < 4) small[t] = t;
  if (t == 0) bits[((blockDim.x + 31) / 32) % 7] = 7;
  tile[t * k] = x[i];
  syncthreads();
  out[i] = tile[(blockDim.x - 1 - t) * k] + f32(small[t % 4] + bits[((blockDim.x + 31) / 32) % 7]);
});
export const wide = kernel(function wide(out: Float32Array) {
  const tile = sharedArray(Float32Array, blockDim.x * 16);
  const t = threadIdx.x;
  tile[t * 16] = f32(t);
  syncthreads();
  out[blockIdx.x * blockDim.x + t] = tile[(blockDim.x - 1 - t) * 16];
});
export const shrunk = kernel(function shrunk(out: Float32Array) {
  const tile = sharedArray(Float32Array, blockDim.x - 64);
  tile[0] = 1;
  out[threadIdx.x] = 1;
});
export const past = kernel(function past(out: Float32Array, bad: i32) {
  const tile = sharedArray(Float32Array, blockDim.x + 3);
  const t = threadIdx.x;
  tile[t == bad ? blockDim.x + 3 + t : t] = f32(t);
  syncthreads();
  out[blockIdx.x * blockDim.x + t] = tile[t];
});
export const racy = kernel(function racy(out: Float32Array) {
  const tile = sharedArray(Float32Array, blockDim.x * 2);
  const t = threadIdx.x;
  tile[2 * t] = f32(t);
  out[t] = tile[2 * (blockDim.x - 1 - t)];
});
`;

const slots = await openDevices();
afterAll(() => closeDevices(slots));

describe('core/shared-size.ts', () => {
  const x: SizeExpr = { dim: 'x' };
  it('evaluates counts as the kernel does (i32), refusing overflow and zero divisors', () => {
    const block: [number, number, number] = [96, 3, 2];
    expect(evaluateSize({ op: '*', a: x, b: { dim: 'y' } }, block)).toBe(288);
    expect(evaluateSize({ op: '/', a: x, b: 7 }, block)).toBe(13);
    expect(evaluateSize({ op: '%', a: { op: '-', a: 5, b: x }, b: 10 }, block)).toBe(-1);
    expect(evaluateSize({ op: '<<', a: x, b: 33 }, block)).toBe(192);
    expect(evaluateSize({ op: '>>', a: x, b: 2 }, block)).toBe(24);
    expect(evaluateSize({ fn: 'min', args: [x, 64] }, block)).toBe(64);
    expect(evaluateSize({ fn: 'max', args: [{ dim: 'z' }, 5] }, block)).toBe(5);
    expect(evaluateSize({ op: '*', a: x, b: 2 ** 30 }, block)).toBeNull();
    expect(evaluateSize({ op: '<<', a: x, b: 30 }, block)).toBeNull();
    expect(evaluateSize({ op: '/', a: x, b: { op: '-', a: { dim: 'y' }, b: 3 } }, block)).toBeNull();
  });
  it('prints counts as TypeScript', () => {
    expect(sizeText({ op: '*', a: { op: '+', a: x, b: 1 }, b: 2 })).toBe('(blockDim.x + 1) * 2');
    expect(sizeText({ op: '-', a: x, b: { op: '-', a: 2, b: 1 } })).toBe('blockDim.x - (2 - 1)');
    expect(sizeText({ fn: 'min', args: [x, -3] })).toBe('Math.min(blockDim.x, -3)');
  });
  it('lays arrays out 16-byte aligned, in order', () => {
    const arrays: DynamicShared[] = [
      { name: 'a', elem: 'i32', count: { op: '+', a: x, b: 1 }, text: '' },
      { name: 'b', elem: 'f32', count: x, text: '' },
      { name: 'c', elem: 'i32', count: 3, text: '' },
    ];
    expect(dynamicSharedLayout(arrays, [5, 1, 1])).toEqual({ ok: true, counts: [6, 5, 3], offsets: [0, 32, 64], bytes: 76 });
    expect(dynamicSharedLayout(arrays.slice(0, 1), [-1, 1, 1])).toMatchObject({ ok: false, count: 0 });
  });
});

for (const slot of slots) {
  const skip = slot.device ? '' : ` (skipped: ${slot.reason})`;
  describe.skipIf(!slot.device)(`block-sized shared memory on ${slot.backend}${skip}`, () => {
    const gpu = (): Device => slot.device as Device;
    const build = (kernel: string, debug = false) => compileKernel(SOURCE, { target: TARGET[slot.backend], kernel, fileName: FILE, debug });

    it('sizes the array per launch: several block shapes, against a float64 reference', async () => {
      const rng = new Rng();
      const built = build('scaled');
      // What a manifest or a bundle holds: the compiled kernel as JSON, lengths included.
      const k = JSON.parse(JSON.stringify(built)) as typeof built;
      expect(k.meta.dynamicShared?.[0]).toEqual({ name: 'tile', elem: 'f32', count: { op: '*', a: { fn: 'max', args: [{ dim: 'x' }, 40] }, b: 3 }, text: 'Math.max(blockDim.x, 40) * 3' });
      expect(k.meta.dynamicShared?.[1]?.text).toBe('(blockDim.x + 31) / 32 % 7 + (blockDim.x >> 5)');
      for (const block of [64, 96, 32]) {
        const grid = rng.int(2, 6);
        const n = grid * block;
        const x = rng.f32Array(n);
        const xs = gpu().array(x);
        const out = gpu().alloc(Float32Array, n);
        try {
          gpu().launchCompiled(k, { grid, block }, [xs, out]);
          const got = await out.read();
          const want = Array.from({ length: n }, (_, i) => {
            const b = Math.floor(i / block) * block;
            const t = i - b;
            return Math.fround((x[b + block - 1 - t] as number) + (t % 4) + 7);
          });
          expect(Array.from(got)).toEqual(want);
        } finally {
          xs.dispose();
          out.dispose();
        }
      }
    });

    it('refuses a block shape whose shared memory exceeds the limit, naming kernel, array, bytes and limit; nothing runs', async () => {
      const limit = gpu().limits.maxSharedBytes;
      const live = (gpu() as BaseDevice).liveArrays;
      const before = new Rng().f32Array(1024);
      const out = gpu().array(before);
      try {
        const k = build('wide');
        // 1024 threads * 16 floats = 64 KiB: above the cpu (48 KiB) and WebGPU (16 or 32 KiB) limits.
        const launch = (): void => gpu().launchCompiled(k, { grid: 1, block: 1024 }, [out]);
        if (slot.backend === 'cuda') {
          // CUDA raises the kernel's dynamic shared limit (opt-in) where the device allows it.
          launch();
          const got = await out.read();
          expect(Array.from(got)).toEqual(Array.from({ length: 1024 }, (_, t) => 1023 - t));
        } else {
          expect(launch).toThrow(LaunchError);
          expect(launch).toThrow(
            new RegExp(
              `^kernel 'wide': shared array 'tile' \\(blockDim.x \\* 16 = 16384 Float32Array elements, 65536 bytes\\) ` +
                `brings the block's shared memory to 65536 bytes for block \\[1024, 1, 1\\]; this ${slot.backend} device allows at most ${limit}$`,
            ),
          );
          await gpu().synchronize();
          expect(await out.read()).toEqual(before);
        }
        // A smaller block fits everywhere, and the device is still usable.
        gpu().launchCompiled(k, { grid: 2, block: 128 }, [out]);
        const got = await out.read();
        expect(Array.from(got.subarray(0, 256))).toEqual(Array.from({ length: 256 }, (_, i) => 127 - (i % 128)));
      } finally {
        out.dispose();
      }
      expect((gpu() as BaseDevice).liveArrays).toBe(live);
    });

    it('refuses a block shape that makes a length zero or negative', async () => {
      const out = gpu().alloc(Float32Array, 128);
      try {
        const k = build('shrunk');
        expect(() => gpu().launchCompiled(k, { grid: 1, block: 64 }, [out])).toThrow(
          "kernel 'shrunk': shared array 'tile' has length blockDim.x - 64 for block [64, 1, 1], = 0; a length must be positive",
        );
        gpu().launchCompiled(k, { grid: 1, block: 65 }, [out]);
        expect((await out.read())[64]).toBe(1);
      } finally {
        out.dispose();
      }
    });

    it('in debug mode, reports an access past the launch-time length with that length', async () => {
      const dbg = await createDevice({ backend: slot.backend, debug: true });
      try {
        const rng = new Rng();
        const block = [32, 48, 80][rng.int(0, 3)] as number;
        const bad = rng.int(0, block);
        const out = dbg.alloc(Float32Array, block);
        dbg.launchCompiled(build('past', true), { grid: 1, block }, [out, bad]);
        const err = await dbg.synchronize().then(
          () => null,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(KernelFaultError);
        expect(err).toMatchObject({ kernel: 'past', array: 'tile', index: block + 3 + bad, length: block + 3, thread: [bad, 0, 0] });
        out.dispose();
      } finally {
        dbg.dispose();
      }
    });

    it.skipIf(slot.backend !== 'cpu')('in debug mode on cpu, checks races over the launch-time length, growing between launches', async () => {
      const dbg = await createDevice({ backend: 'cpu', debug: true });
      try {
        const k = build('racy', true);
        for (const block of [8, 200]) {
          const out: DeviceArray = dbg.alloc(Float32Array, block);
          dbg.launchCompiled(k, { grid: 1, block }, [out]);
          const err = await dbg.synchronize().then(
            () => null,
            (e: unknown) => e,
          );
          expect(err).toBeInstanceOf(KernelRaceError);
          // Threads run one after another: thread block/2 - 1 reads tile[block] before thread block/2
          // writes it, with no barrier between (at 200, beyond the first launch's length).
          expect(err).toMatchObject({ kernel: 'racy', array: 'tile', index: block });
          out.dispose();
        }
      } finally {
        dbg.dispose();
      }
    });
  });
}
