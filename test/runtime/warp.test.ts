// The launch rule of warp kernels (runtime/warp.ts) and the webgpu lane-order probe's decision
// (runtime/webgpu/warp-probe.ts): what each device refuses, with the kernel named.
import { afterAll, describe, expect, it } from 'vitest';
import { kernel, threadIdx, warpSize, warpSum, warpBallot, type i32 } from '../../index.js';
import { warpLaunchProblem, WARPS_OF_32 } from '../../runtime/warp.js';
import { decideWarps } from '../../runtime/webgpu/warp-probe.js';
import { WebGpuDevice } from '../../runtime/webgpu/device.js';
import { resolveKernel } from '../../runtime/jit.js';
import { closeDevices, openDevices } from '../helpers/devices.js';
import type { Device } from '../../runtime/types.js';

export const wsum = kernel(function wsum(x: Int32Array, n: i32) {
  x[threadIdx.x] = warpSum(x[threadIdx.x]!) + n;
});
export const first32 = kernel(function first32(x: Int32Array) {
  if (threadIdx.x < 32) x[threadIdx.x] = warpSum(x[threadIdx.x]!);
});
export const firstWarp = kernel(function firstWarp(x: Int32Array) {
  if (threadIdx.x / warpSize === 0) x[threadIdx.x] = warpSum(x[threadIdx.x]!);
});
export const wballot = kernel(function wballot(x: Uint32Array) {
  x[threadIdx.x] = warpBallot(x[threadIdx.x]! > 3);
});

const slots = await openDevices(['cpu', 'webgpu']);
afterAll(() => closeDevices(slots));
const cpu = slots[0]?.device as Device;
const webgpu = slots[1];

const meta = (atMost32: boolean) => ({ name: 'k', meta: { usesBarrier: false, sharedBytes: 0, atomicParams: [], warp: { atMost32 } } });

describe('the launch rule', () => {
  it('accepts whole warps and refuses a block.x that is not a multiple of the warp size', () => {
    expect(warpLaunchProblem(meta(false), [64, 2, 1], WARPS_OF_32, 'dev')).toBeNull();
    expect(warpLaunchProblem(meta(false), [48, 1, 1], WARPS_OF_32, 'dev')).toMatch(/kernel 'k' uses warp operations, so block.x must be a multiple of the warp size, 32 on dev; got block \[48, 1, 1\]/);
  });
  it('refuses a device without subgroups, naming the feature', () => {
    expect(warpLaunchProblem(meta(false), [32, 1, 1], { size: null, missing: "lacks the 'subgroups' feature" }, 'this webgpu device (x)')).toMatch(/kernel 'k' uses warp operations, but this webgpu device \(x\) lacks the 'subgroups' feature/);
  });
  it('refuses warps wider than 32 lanes to kernels that need at most 32', () => {
    expect(warpLaunchProblem(meta(true), [128, 1, 1], { size: 64 }, 'dev')).toMatch(/need warps of at most 32 lanes.*warps of 64/);
    expect(warpLaunchProblem(meta(false), [128, 1, 1], { size: 64 }, 'dev')).toBeNull();
  });
  it('is enforced at launch on cpu', () => {
    const x = cpu.array(new Int32Array(40));
    expect(() => cpu.launch(wsum, { grid: 1, block: 40 }, x, 1)).toThrow(/kernel 'wsum' uses warp operations, so block.x must be a multiple of the warp size, 32/);
    expect(cpu.warpSize).toBe(32);
    x.dispose();
  });
  it.skipIf(!webgpu?.device)('webgpu: the probe finds the subgroup size, and a device without subgroups refuses warp kernels', () => {
    const gpu = webgpu?.device as WebGpuDevice;
    expect([4, 8, 16, 32, 64, 128]).toContain(gpu.warpSize);
    const bare = new WebGpuDevice(gpu.gpu, 'no-subgroups');
    expect(bare.warpSize).toBeNull();
    const x = bare.array(new Uint32Array(64));
    const compiled = resolveKernel(wballot, 'wgsl', false);
    expect(() => bare.launch(compiled, { grid: 1, block: 64 }, x)).toThrow(/kernel 'wballot' uses warp operations, but this webgpu device \(no-subgroups\) lacks the 'subgroups' feature/);
    x.dispose();
  });
});

describe('which kernels need warps of at most 32 lanes', () => {
  it('a condition that splits warps only up to 32 lanes, and warpBallot; not threadIdx.x / warpSize', () => {
    expect(resolveKernel(first32, 'js', false).meta.warp).toEqual({ atMost32: true });
    expect(resolveKernel(wballot, 'wgsl', false).meta.warp).toEqual({ atMost32: true });
    expect(resolveKernel(firstWarp, 'cuda', false).meta.warp).toEqual({ atMost32: false });
    expect(resolveKernel(wsum, 'js', false).meta.warp).toEqual({ atMost32: false });
  });
});

describe('the lane-order probe decides', () => {
  const shape = (n: number, size: number, ok: (i: number) => boolean) => ({ sizes: Array<number>(n).fill(size), ok: Array.from({ length: n }, (_, i) => ok(i)) });
  it('warps of the subgroup size when lanes follow the linear index', () => {
    expect(decideWarps({ shapes: [{ cls: '1-D', ...shape(256, 16, () => true) }, { cls: '2-D and 3-D', ...shape(256, 16, () => true) }] })).toEqual({ size: 16 });
  });
  it('a refusal for the block shapes whose lanes do not', () => {
    const w = decideWarps({ shapes: [{ cls: '1-D', ...shape(256, 32, () => true) }, { cls: '2-D and 3-D', ...shape(256, 32, (i) => i !== 40) }] });
    expect(w.size).toBe(32);
    expect(w.badOrder?.['2-D and 3-D']).toMatch(/thread 40/);
    expect(warpLaunchProblem(meta(false), [32, 4, 1], w, 'dev')).toMatch(/lanes of a subgroup do not follow the linear thread index in 2-D and 3-D blocks \(thread 40/);
    expect(warpLaunchProblem(meta(false), [128, 1, 1], w, 'dev')).toBeNull();
  });
  it('no warps where the subgroup size varies', () => {
    expect(decideWarps({ shapes: [{ cls: '1-D', ...shape(256, 32, () => true) }], min: 8, max: 32 }).size).toBeNull();
    const mixed = decideWarps({ shapes: [{ cls: '1-D', ...shape(256, 32, () => true) }, { cls: '2-D and 3-D', ...shape(256, 16, () => true) }] });
    expect(mixed).toEqual({ size: null, missing: 'has subgroups of several sizes (16, 32)' });
  });
});
