// gpu.launch type-checks its arguments against the kernel's own signature (checked by tsc as part
// of the test run; test/types/ checks where each error is reported, under TypeScript 6 and 7) and
// accepts kernel objects carrying ahead-of-time outputs, compiler or not, and compiled kernels.
import { afterAll, describe, expect, it } from 'vitest';
import type { BaseDevice } from '../../runtime/device.js';
import { kernel } from '../../core/lang.js';
import type { Device, LaunchArg } from '../../runtime/types.js';
import { Rng } from '../helpers/case.js';
import { closeDevices, openDevices } from '../helpers/devices.js';
import { saxpy } from './kernels.js';

// A kernel as the esbuild plugin or CLI would leave it: the body is never run on the host.
const saxpyKernel = kernel((_a: number, _x: Float32Array, _y: Float32Array, _n: number) => undefined, {
  js: saxpy('js'),
  wgsl: saxpy('wgsl'),
});

const slots = await openDevices(['cpu', 'webgpu']);
afterAll(() => closeDevices(slots));

/** Never called: these lines only have to type-check (or fail to, where marked). */
export function typeChecks(gpu: Device): void {
  const x = gpu.alloc(Float32Array, 4);
  const i = gpu.alloc(Int32Array, 4);
  gpu.launch(saxpyKernel, { grid: 1, block: 4 }, 2, x, x, 4);
  // @ts-expect-error an Int32Array device array where a Float32Array one is expected
  gpu.launch(saxpyKernel, { grid: 1, block: 4 }, 2, i, x, 4);
  // @ts-expect-error a missing argument
  gpu.launch(saxpyKernel, { grid: 1, block: 4 }, 2, x, x);
  // @ts-expect-error a host array instead of a device array
  gpu.launch(saxpyKernel, { grid: 1, block: 4 }, 2, new Float32Array(4), x, 4);
  // A compiled kernel takes any launch arguments: they are checked when it is launched.
  const args: LaunchArg[] = [2, x, i, 4];
  gpu.launch(saxpy('js'), { grid: 1, block: 4 }, ...args);
  // @ts-expect-error not a launch argument
  gpu.launch(saxpy('js'), { grid: 1, block: 4 }, 2, x, x, '4');
}

for (const slot of slots) {
  describe.skipIf(!slot.device)(`launching a precompiled kernel object on ${slot.backend}`, () => {
    it('uses the output for the device target', async () => {
      const gpu = slot.device as Device;
      const rng = new Rng();
      const n = rng.int(50, 500);
      const x = rng.f32Array(n);
      const y = rng.f32Array(n);
      const a = rng.f32();
      const dx = gpu.array(x);
      const dy = gpu.array(y);
      gpu.launch(saxpyKernel, { grid: Math.ceil(n / 32), block: 32 }, a, dx, dy, n);
      const out = await dy.read();
      // float64 reference; an f32 result (fused multiply-add or not) is within two roundings of the
      // operands' magnitude, which under cancellation can exceed a bound relative to the result.
      out.forEach((v, k) => {
        const ax = a * (x[k] as number);
        const yk = y[k] as number;
        expect(Math.abs(v - (ax + yk))).toBeLessThanOrEqual((Math.abs(ax) + Math.abs(yk)) * 2 ** -22);
      });
      dx.dispose();
      dy.dispose();
      expect((gpu as BaseDevice).liveArrays).toBe(0);
    });

    it('launches a compiled kernel with arguments built at run time', async () => {
      const gpu = slot.device as Device;
      const rng = new Rng();
      const n = rng.int(50, 500);
      const x = rng.f32Array(n);
      const y = rng.f32Array(n);
      const a = rng.f32();
      const dx = gpu.array(x);
      const dy = gpu.array(y);
      const args: LaunchArg[] = [a, dx, dy, n];
      gpu.launch(saxpy(slot.backend === 'cpu' ? 'js' : 'wgsl'), { grid: Math.ceil(n / 32), block: 32 }, ...args);
      const out = await dy.read();
      // The same bound as above: two f32 roundings of the operands' magnitude.
      out.forEach((v, k) => {
        const ax = a * (x[k] as number);
        const yk = y[k] as number;
        expect(Math.abs(v - (ax + yk))).toBeLessThanOrEqual((Math.abs(ax) + Math.abs(yk)) * 2 ** -22);
      });
      dx.dispose();
      dy.dispose();
    });
  });
}
