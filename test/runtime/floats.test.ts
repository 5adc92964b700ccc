// f16 and f64 at the devices: the webgpu device refuses an f64 kernel with the compiler's KS8015
// (naming WGSL) while cpu runs it, and refuses an f16 kernel on a device without 'shader-f16',
// naming the kernel and the feature; an f16 scalar argument beyond ±65504 is refused everywhere.
import { afterAll, describe, expect, it } from 'vitest';
import { kernel, f16, threadIdx, Float16Array, type f64, type i32 } from '../../index.js';
import { WebGpuDevice } from '../../runtime/webgpu/device.js';
import { resolveKernel } from '../../runtime/jit.js';
import { closeDevices, openDevices } from '../helpers/devices.js';
import type { Device } from '../../runtime/types.js';

const scale64 = kernel(function scale64(a: f64, x: Float64Array, n: i32) {
  const i = threadIdx.x;
  if (i < n) x[i] = x[i]! * a + 0.1;
});

const scale16 = kernel(function scale16(a: f16, x: Float16Array, n: i32) {
  const i = threadIdx.x;
  if (i < n) x[i] = x[i]! * a + f16(0.1);
});

const slots = await openDevices(['cpu', 'webgpu']);
afterAll(() => closeDevices(slots));
const cpu = slots[0]?.device as Device;
const webgpu = slots[1];

describe('f64 kernels', () => {
  it.skipIf(!webgpu?.device)('are refused by the webgpu device with KS8015, naming WGSL', () => {
    const gpu = webgpu?.device as Device;
    const x = gpu.array(Float64Array.of(1, 2, 3));
    expect(() => gpu.launch(scale64, { grid: 1, block: 4 }, 2, x, 3)).toThrow(/KS8015: wgsl: f64 is not supported by WGSL; use f32, or run this kernel on cuda or cpu/);
    x.dispose();
  });

  it('run on cpu', async () => {
    const x = cpu.array(Float64Array.of(1, 2, 3));
    cpu.launch(scale64, { grid: 1, block: 4 }, 1 / 3, x, 3);
    expect(Array.from(await x.read())).toEqual([1 / 3 + 0.1, 2 / 3 + 0.1, 1 + 0.1]);
    x.dispose();
  });
});

describe('f16 kernels', () => {
  it.skipIf(!webgpu?.device)("are refused on a device without 'shader-f16', naming the kernel and the feature", () => {
    const real = (webgpu?.device as WebGpuDevice).gpu;
    // The same device, reporting no optional features.
    const bare = new Proxy(real, {
      get: (t, p) => {
        if (p === 'features') return new Set<string>();
        const v = Reflect.get(t, p) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
      },
      set: (t, p, v) => Reflect.set(t, p, v),
    });
    const dev = new WebGpuDevice(bare, 'no-f16');
    const compiled = resolveKernel(scale16, 'wgsl', false);
    const x = dev.array(new Float16Array(4));
    expect(() => dev.launch(compiled, { grid: 1, block: 4 }, 2, x, 4)).toThrow(/kernel 'scale16' uses f16, but this WebGPU device \(no-f16\) lacks the 'shader-f16' feature/);
    x.dispose();
  });

  it('refuse an f16 scalar argument beyond the f16 range', () => {
    const x = cpu.array(new Float16Array(4));
    expect(() => cpu.launch(scale16, { grid: 1, block: 4 }, 70000, x, 4)).toThrow(/f16 range/);
    cpu.launch(scale16, { grid: 1, block: 4 }, Infinity, x, 4);
    x.dispose();
  });
});
