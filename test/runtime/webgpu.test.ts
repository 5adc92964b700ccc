// WebGPU-specific behaviour: folded wide grids, kernel load errors, aliasing, limits.
import { afterAll, describe, expect, it } from 'vitest';
import { KernelLoadError } from '../../runtime/errors.js';
import type { Device } from '../../runtime/types.js';
import { Rng } from '../helpers/case.js';
import { closeDevices, openDevices } from '../helpers/devices.js';
import { brokenWgsl, iota, saxpy } from './kernels.js';

const slots = await openDevices(['webgpu']);
afterAll(() => closeDevices(slots));
const slot = slots[0];

describe.skipIf(!slot?.device)(`webgpu device${slot?.device ? '' : ` (skipped: ${slot?.reason})`}`, () => {
  const gpu = slot?.device as Device;

  it('reports the adapter limits it requested', () => {
    expect(gpu.limits.maxThreadsPerBlock).toBeGreaterThanOrEqual(256);
    expect(gpu.limits.maxGridDim[1]).toBeGreaterThanOrEqual(65535);
    expect(gpu.limits.maxGridDim[0]).toBe(Math.min(gpu.limits.maxGridDim[1] ** 2, 2 ** 31 - 1));
    expect(gpu.limits.maxSharedBytes).toBeGreaterThanOrEqual(16384);
    expect(gpu.name.length).toBeGreaterThan(0);
  });

  it.each([1, 2])('folds a 1-D grid wider than the dispatch limit (%i full rows and some) and covers every block once', async (rows) => {
    const perDim = gpu.limits.maxGridDim[1];
    // Folded into rows + 1 rows of equal width: some surplus groups, every block once.
    const blocks = rows * perDim + new Rng().int(1, 5000);
    const n = blocks * 32 - 7;
    const out = gpu.array(new Int32Array(n).fill(12345));
    gpu.launch(iota('wgsl'), { grid: blocks, block: 32 }, out, n, false);
    const got = await out.read();
    let wrong = -1;
    for (let i = 0; i < n && wrong < 0; i++) if (got[i] !== i) wrong = i;
    expect(wrong, `first wrong element at ${wrong}: ${got[wrong]}`).toBe(-1);
    out.dispose();
  });

  it('reuses freed buffers: a new array reads zeros or its data, after the old array\'s queued launches', async () => {
    const rng = new Rng();
    const n = rng.int(1000, 5000);
    const old = gpu.alloc(Int32Array, n);
    // Queued, not yet run, when the array is freed: its buffer's next user must come after it.
    gpu.launch(iota('wgsl'), { grid: Math.ceil(n / 64), block: 64 }, old, n, false);
    old.dispose();
    const zeros = gpu.alloc(Int32Array, n);
    expect((await zeros.read()).every((v) => v === 0)).toBe(true);
    const data = Int32Array.from({ length: n }, () => rng.int(-1000, 1000));
    gpu.launch(iota('wgsl'), { grid: Math.ceil(n / 64), block: 64 }, zeros, n, false);
    zeros.dispose();
    const filled = gpu.array(data);
    expect(Array.from(await filled.read())).toEqual(Array.from(data));
    filled.dispose();
  });

  it('refuses a wide grid that is not 1-D', () => {
    const out = gpu.alloc(Int32Array, 4);
    const wide = gpu.limits.maxGridDim[1] + 1;
    expect(() => gpu.launch(iota('wgsl'), { grid: [wide, 2], block: 1 }, out, 4, false)).toThrow(
      /grid.x = \d+ exceeds this device's \d+ blocks per dimension; only 1-D grids may be larger/,
    );
    out.dispose();
  });

  it('a failed batch still clears and fills the reused buffers of its new arrays', async () => {
    const rng = new Rng();
    const n = 64;
    // Freed with nonzero contents: their buffers go back to the pool.
    for (let i = 0; i < 2; i++) gpu.array(Int32Array.from({ length: n }, () => rng.int(1, 1000))).dispose();
    const data = Float32Array.from({ length: n }, () => rng.f32());
    const zeros = gpu.alloc(Float32Array, n);
    const filled = gpu.array(data);
    gpu.launch(brokenWgsl(), { grid: 1, block: 16 }, 1, filled, zeros, 16);
    await expect(gpu.synchronize()).rejects.toBeInstanceOf(KernelLoadError);
    expect((await zeros.read()).every((v) => v === 0)).toBe(true);
    expect(Array.from(await filled.read())).toEqual(Array.from(data));
    zeros.dispose();
    filled.dispose();
  });

  it('turns a WGSL compile failure into an error naming the kernel, and stays usable', async () => {
    const x = gpu.array(new Rng().f32Array(16));
    const y = gpu.alloc(Float32Array, 16);
    gpu.launch(brokenWgsl(), { grid: 1, block: 16 }, 1, x, y, 16);
    const err = await gpu.synchronize().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(KernelLoadError);
    expect((err as Error).message).toMatch(/kernel 'broken': its generated WGSL does not compile:\n\s+\d+:\d+ .*undefined_name/);
    // The failed batch is dropped; later work runs normally.
    const a = new Rng().f32();
    gpu.launch(saxpy('wgsl'), { grid: 1, block: 16 }, a, x, y, 16);
    const xs = await x.read();
    expect(Array.from(await y.read())).toEqual(Array.from(xs, (v) => Math.fround(a * v)));
    x.dispose();
    y.dispose();
  });

  it('refuses the same array as a read and a written parameter', () => {
    const x = gpu.alloc(Float32Array, 8);
    expect(() => gpu.launch(saxpy('wgsl'), { grid: 1, block: 8 }, 1, x, x, 8)).toThrow(
      /the same array is passed as 'x' and 'y', and the kernel writes one of them/,
    );
    x.dispose();
  });

  it('refuses a kernel compiled for another target, or without its WGSL layout', () => {
    const x = gpu.alloc(Float32Array, 8);
    expect(() => gpu.launch(saxpy('js'), { grid: 1, block: 8 }, 1, x, x, 8)).toThrow(
      /kernel 'saxpy' was compiled for js, but this device runs wgsl/,
    );
    const k = saxpy('wgsl');
    const { wgsl: _dropped, ...meta } = k.meta;
    const bare = { ...k, meta };
    const y = gpu.alloc(Float32Array, 8);
    expect(() => gpu.launch(bare, { grid: 1, block: 8 }, 1, x, y, 8)).toThrow(/meta.wgsl is missing/);
    x.dispose();
    y.dispose();
  });

  it('refuses arrays beyond the storage binding limit', () => {
    expect(() => gpu.alloc(Float32Array, 2 ** 31 - 1)).toThrow(/alloc\(\): \d+ elements exceed this webgpu device's limit/);
  });
});

describe.skipIf(!slot?.device)('webgpu device loss', () => {
  it('reports a lost device on the next operation', async () => {
    const { createDevice } = await import('../../runtime/index.js');
    const { WebGpuDevice } = await import('../../runtime/webgpu/index.js');
    const gpu = await createDevice({ backend: 'webgpu' });
    expect(gpu).toBeInstanceOf(WebGpuDevice);
    const x = gpu.array(new Rng().f32Array(4));
    (gpu as InstanceType<typeof WebGpuDevice>).gpu.destroy(); // what a driver reset looks like from here
    await new Promise((r) => setTimeout(r, 50));
    expect(() => gpu.alloc(Float32Array, 4)).toThrow(/the webgpu device is unusable: the GPU device was lost \(destroyed\)/);
    await expect(x.read()).rejects.toThrow(/device was lost/);
    gpu.dispose();
    expect(x.disposed).toBe(true);
  });
});
