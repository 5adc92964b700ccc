// Device behaviour common to every backend, with hand-written kernels: results, argument and
// shape checks (thrown before anything is queued), ordering of queued work, disposal.
import { afterAll, describe, expect, it } from 'vitest';
import type { BaseDevice } from '../../runtime/device.js';
import type { Device, DeviceArray } from '../../runtime/types.js';
import { Rng } from '../helpers/case.js';
import { closeDevices, openDevices } from '../helpers/devices.js';
import { forTarget, iota, saxpy } from './kernels.js';
import { relL2 } from '../helpers/compare.js';

const slots = await openDevices(['cpu', 'webgpu']);
afterAll(() => closeDevices(slots));

const target = (d: Device) => (d as BaseDevice).target;

function saxpyRef(a: number, x: Float32Array, y: Float32Array): Float64Array {
  return Float64Array.from(y, (v, i) => a * (x[i] ?? 0) + v);
}

for (const slot of slots) {
  describe.skipIf(!slot.device)(`${slot.backend} device${slot.device ? '' : ` (skipped: ${slot.reason})`}`, () => {
    const gpu = slot.device as Device;
    const K = forTarget(target(gpu), saxpy);
    const IOTA = forTarget(target(gpu), iota);

    it('runs saxpy and matches the float64 reference', async () => {
      const rng = new Rng();
      const n = rng.int(1000, 5000);
      const a = rng.f32();
      const x = rng.f32Array(n);
      const y = rng.f32Array(n);
      const dx = gpu.array(x);
      const dy = gpu.array(y);
      gpu.launch(K, { grid: Math.ceil(n / 64), block: 64 }, a, dx, dy, n);
      const out = await dy.read();
      expect(out).toBeInstanceOf(Float32Array);
      expect(relL2(out, saxpyRef(a, x, y)), `seed ${rng.seed}`).toBeLessThan(1e-6);
      dx.dispose();
      dy.dispose();
    });

    it('passes i32 and bool scalars', async () => {
      const n = new Rng().int(100, 300);
      const out = gpu.alloc(Int32Array, n);
      gpu.launch(IOTA, { grid: [Math.ceil(n / 32)], block: [32, 1, 1] }, out, n, true);
      const got = await out.read();
      expect(Array.from(got)).toEqual(Array.from({ length: n }, (_, i) => (i === 0 ? 0 : -i)));
      out.dispose();
    });

    it('orders chained launches, writes and reads without explicit synchronisation', async () => {
      const rng = new Rng();
      const n = 777;
      const x = rng.f32Array(n);
      const y = rng.f32Array(n);
      const y2 = rng.f32Array(n);
      const dx = gpu.array(x);
      const dy = gpu.array(y);
      const cfg = { grid: Math.ceil(n / 128), block: 128 };
      gpu.launch(K, cfg, 2, dx, dy, n); // y = 2x + y
      gpu.launch(K, cfg, 3, dy, dx, n); // x = 3y + x  (reads the previous launch's output)
      const mid = dy.read(); // must see the first launch only... and not the write below
      dy.write(y2);
      gpu.launch(K, cfg, 1, dx, dy, n); // y = x + y2
      const yRef1 = saxpyRef(2, x, y);
      const xRef = saxpyRef(3, Float32Array.from(yRef1), x);
      const yRef2 = saxpyRef(1, Float32Array.from(xRef), y2);
      expect(relL2(await mid, yRef1), `seed ${rng.seed}`).toBeLessThan(1e-6);
      expect(relL2(await dx.read(), xRef), `seed ${rng.seed}`).toBeLessThan(1e-6);
      expect(relL2(await dy.read(), yRef2), `seed ${rng.seed}`).toBeLessThan(1e-6);
      dx.dispose();
      dy.dispose();
    });

    it('runs many queued launches before one synchronize', async () => {
      const n = 256;
      const rng = new Rng();
      const x = rng.f32Array(n);
      const dx = gpu.array(x);
      const dy = gpu.alloc(Float32Array, n);
      for (let r = 0; r < 50; r++) gpu.launch(K, { grid: 4, block: 64 }, 0.5, dx, dy, n);
      await gpu.synchronize();
      const ref = Float64Array.from(x, (v) => 25 * v);
      expect(relL2(await dy.read(), ref), `seed ${rng.seed}`).toBeLessThan(1e-5);
      dx.dispose();
      dy.dispose();
    });

    it('allocates zero-filled arrays, empty arrays, and round-trips every element type', async () => {
      const z = gpu.alloc(Float32Array, 33);
      expect(Array.from(await z.read())).toEqual(new Array(33).fill(0));
      const e = gpu.alloc(Int32Array, 0);
      expect((await e.read()).length).toBe(0);
      const rng = new Rng();
      const u = rng.u32Array(5, 0, 2 ** 32);
      const du = gpu.array(u);
      expect(await du.read()).toEqual(u);
      const i = rng.i32Array(7, -(2 ** 31), 2 ** 31);
      const di = gpu.array(i);
      expect(await di.read()).toEqual(i);
      const sub = rng.f32Array(10).subarray(3, 8); // a view with a byte offset
      const ds = gpu.array(sub);
      expect(await ds.read()).toEqual(sub);
      for (const a of [z, e, du, di, ds]) a.dispose();
    });

    describe('rejects bad launches before queueing anything', () => {
      const n = 64;
      let dx: DeviceArray<Float32Array>;
      let dy: DeviceArray<Float32Array>;
      const fresh = () => {
        dx = gpu.array(new Rng().f32Array(n));
        dy = gpu.array(new Rng().f32Array(n));
      };
      const cfg = { grid: 1, block: 64 };
      const bad: [string, () => void, RegExp][] = [
        ['too few arguments', () => gpu.launch(K, cfg, 1, dx, dy), /kernel 'saxpy' takes 4 arguments \(a, x, y, n\), got 3/],
        ['a host array', () => gpu.launch(K, cfg, 1, new Float32Array(n) as never, dy, n), /parameter 'x' \(argument 2\).*Float32Array.*host array/],
        ['a wrong element type', () => gpu.launch(K, cfg, 1, gpu.alloc(Int32Array, n) as never, dy, n), /parameter 'x'.*expected a Float32Array device array, got a Int32Array\(64\)/],
        ['a non-integer i32', () => gpu.launch(K, cfg, 1, dx, dy, 1.5), /parameter 'n' \(argument 4\): expected an integer.*i32.*got number 1.5/],
        ['an i32 out of range', () => gpu.launch(K, cfg, 1, dx, dy, 2 ** 31), /parameter 'n'.*i32/],
        ['an f32 beyond the f32 range', () => gpu.launch(K, cfg, -1e39, dx, dy, n), /parameter 'a' \(argument 1\).*f32 range.*got number -1e\+39/],
        ['a string scalar', () => gpu.launch(K, cfg, '1' as never, dx, dy, n), /parameter 'a'.*got string "1"/],
        ['a number for a bool', () => gpu.launch(IOTA, cfg, gpu.alloc(Int32Array, 1), 1, 1 as never), /parameter 'neg'.*boolean/],
        ['a zero grid', () => gpu.launch(K, { grid: 0, block: 64 }, 1, dx, dy, n), /grid must be a positive integer.*got number 0/],
        ['a fractional block', () => gpu.launch(K, { grid: 1, block: [1.5] }, 1, dx, dy, n), /block must be.*\[number 1.5\]/],
        ['too many threads', () => gpu.launch(K, { grid: 1, block: [64, 64] }, 1, dx, dy, n), /block \[64, 64, 1\] has 4096 threads/],
        ['a grid dim over the limit', () => gpu.launch(K, { grid: [1, 2 ** 20], block: 1 }, 1, dx, dy, n), /grid.y = 1048576 exceeds this device's limit of 65535/],
        ['not a kernel', () => gpu.launch({} as never, cfg), /expected a kernel\(...\) object/],
      ];
      for (const [what, call, msg] of bad) {
        it(what, async () => {
          fresh();
          const before = Array.from(await dy.read());
          expect(call).toThrow(msg);
          await gpu.synchronize();
          expect(Array.from(await dy.read())).toEqual(before); // nothing ran
        });
      }
      // Only testable where an axis limit is below the threads-per-block limit (z on CUDA-like limits).
      const zMax = gpu.limits.maxBlockDim[2];
      it.skipIf(zMax >= gpu.limits.maxThreadsPerBlock)('a block dim over the limit', () => {
        fresh();
        const block: [number, number, number] = [1, 1, zMax + 1];
        expect(() => gpu.launch(K, { grid: 1, block }, 1, dx, dy, n)).toThrow(`block.z = ${zMax + 1} exceeds this device's limit of ${zMax}`);
      });
      it('a disposed array, and an array of another device', async () => {
        fresh();
        dx.dispose();
        expect(() => gpu.launch(K, cfg, 1, dx, dy, n)).toThrow(/parameter 'x'.*has been disposed/);
        const other = slots.find((s) => s.device && s.device !== gpu)?.device;
        if (other) {
          const foreign = other.alloc(Float32Array, n);
          expect(() => gpu.launch(K, cfg, 1, foreign, dy, n)).toThrow(/parameter 'x'.*belongs to another device/);
          foreign.dispose();
        }
      });
    });

    it('reports disposed arrays clearly and disposes twice harmlessly', async () => {
      const a = gpu.array(new Rng().f32Array(8));
      a.dispose();
      a.dispose();
      expect(a.disposed).toBe(true);
      await expect(a.read()).rejects.toThrow(/cannot read a disposed device array Float32Array\(8\)/);
      expect(() => a.write(new Float32Array(8))).toThrow(/cannot write a disposed device array/);
    });

    it('rejects bad arrays and writes', () => {
      expect(() => gpu.array([1, 2, 3] as never)).toThrow(/expected a Float32Array, Int32Array, Uint32Array, Uint8Array, .* or Float64Array, got a Array/);
      expect(() => gpu.array(new Uint8ClampedArray(3) as never)).toThrow(/got Uint8ClampedArray\(3\)/);
      expect(() => gpu.alloc(Float32Array, -1)).toThrow(/non-negative integer/);
      expect(() => gpu.alloc(Uint8ClampedArray as never, 1)).toThrow(/expected Float32Array, Int32Array, .* or Float64Array as the type/);
      const a = gpu.alloc(Float32Array, 4);
      expect(() => a.write(new Float32Array(5))).toThrow(/Float32Array\(4\), got Float32Array\(5\)/);
      expect(() => a.write(new Int32Array(4) as never)).toThrow(/Float32Array\(4\), got Int32Array\(4\)/);
      const b = gpu.alloc(Uint8Array, 7);
      expect(() => b.write(new Int8Array(7) as never)).toThrow(/Uint8Array\(7\), got Int8Array\(7\)/);
      b.dispose();
      a.dispose();
    });

    it('times queued work in milliseconds', async () => {
      const n = 4096;
      const dx = gpu.array(new Rng().f32Array(n));
      const dy = gpu.alloc(Float32Array, n);
      const ms = await gpu.time(() => {
        for (let r = 0; r < 5; r++) gpu.launch(K, { grid: n / 64, block: 64 }, 1, dx, dy, n);
      });
      expect(Number.isFinite(ms)).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(0);
      dx.dispose();
      dy.dispose();
    });
  });
}

describe('device disposal', () => {
  for (const backend of ['cpu', 'webgpu'] as const) {
    it.skipIf(!slots.find((s) => s.backend === backend)?.device)(`${backend}: frees every array, then refuses work`, async () => {
      const { createDevice } = await import('../../runtime/index.js');
      const gpu = await createDevice({ backend });
      const arrays = [gpu.alloc(Float32Array, 10), gpu.array(new Int32Array([1, 2, 3]))];
      expect((gpu as BaseDevice).liveArrays).toBe(2);
      gpu.dispose();
      gpu.dispose();
      expect((gpu as BaseDevice).liveArrays).toBe(0);
      expect(arrays.every((a) => a.disposed)).toBe(true);
      expect(() => gpu.alloc(Float32Array, 1)).toThrow(/device has been disposed/);
      await expect(gpu.synchronize()).rejects.toThrow(/device has been disposed/);
    });
  }
});
