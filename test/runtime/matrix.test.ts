// The launch rule of kernels with matrix operations (runtime/matrix.ts): which devices run them
// (cpu always, cuda from compute capability 7.0, webgpu where the adapter lists f16×f16→f32 at
// 16×16×16), and the coded LaunchError (KS4065) a device that cannot run them throws, naming the
// kernel, the device and what it lacks, before anything is queued.
import { afterAll, describe, expect, it } from 'vitest';
import { kernel, matrixLoadA, matrixLoadB, matrixMma, matrixFill, matrixStore, Float16Array, type f32 } from '../../index.js';
import { cudaMatrixSupport, matrixLaunchError, webgpuMatrixSupport, type SubgroupMatrixConfig } from '../../runtime/matrix.js';
import { WebGpuDevice } from '../../runtime/webgpu/device.js';
import { LaunchError } from '../../runtime/errors.js';
import { resolveKernel } from '../../runtime/jit.js';
import { matrixLine } from '../../runtime/doctor.js';
import { closeDevices, openDevices } from '../helpers/devices.js';
import type { Device } from '../../runtime/types.js';

// One warp: out = a × b + bias (both row-major, 16×16).
export const tile = kernel(function tile(a: Float16Array, b: Float16Array, out: Float32Array, bias: f32) {
  const fa = matrixLoadA(a, 0, 16, 'row');
  const fb = matrixLoadB(b, 0, 16, 'row');
  const c = matrixFill(bias);
  const acc = matrixMma(fa, fb, c);
  matrixStore(out, 0, 16, acc, 'row');
});

const slots = await openDevices(['cpu', 'webgpu']);
afterAll(() => closeDevices(slots));
const cpu = slots[0]?.device as Device;
const webgpu = slots[1];

const F16_16: SubgroupMatrixConfig = { componentType: 'f16', resultComponentType: 'f32', M: 16, N: 16, K: 16 };
const APPLE: SubgroupMatrixConfig[] = [
  { componentType: 'f32', resultComponentType: 'f32', M: 8, N: 8, K: 8 },
  { componentType: 'f16', resultComponentType: 'f16', M: 8, N: 8, K: 8 },
];
const FEATURES = new Set(['subgroups', 'shader-f16', 'chromium-experimental-subgroup-matrix']);

describe('which devices run matrix operations', () => {
  it('webgpu: the adapter must list f16×f16→f32 16×16×16, on a device with the feature and shader-f16', () => {
    expect(webgpuMatrixSupport(true, FEATURES, [...APPLE, F16_16])).toEqual({ ok: true });
    expect(webgpuMatrixSupport(false, new Set(['subgroups']), [])).toEqual({
      ok: false,
      reason: "it lacks the 'chromium-experimental-subgroup-matrix' feature (its adapter reports subgroupMatrixConfigs: [])",
    });
    expect(webgpuMatrixSupport(true, FEATURES, APPLE)).toEqual({
      ok: false,
      reason: "its adapter's subgroup matrix configurations are f32×f32→f32 8×8×8, f16×f16→f16 8×8×8, without f16×f16→f32 16×16×16",
    });
    expect(webgpuMatrixSupport(true, new Set(['subgroups', 'chromium-experimental-subgroup-matrix']), [F16_16])).toMatchObject({ ok: false, reason: /shader-f16/ });
    expect(webgpuMatrixSupport(true, new Set(['subgroups', 'shader-f16']), [F16_16])).toMatchObject({ ok: false, reason: /could not be enabled/ });
  });

  it('cuda: compute capability 7.0 and later (wmma)', () => {
    expect(cudaMatrixSupport(7, 0)).toEqual({ ok: true });
    expect(cudaMatrixSupport(9, 0)).toEqual({ ok: true });
    expect(cudaMatrixSupport(6, 1)).toEqual({ ok: false, reason: 'its compute capability is 6.1, and tensor cores (wmma) need 7.0 or later' });
  });

  it('the doctor line says whether the configurations fit', () => {
    expect(matrixLine([])).toBe('no subgroup matrices; matrix operations need f16×f16→f32 16×16×16');
    expect(matrixLine([...APPLE, F16_16])).toBe('subgroup matrices f32×f32→f32 8×8×8, f16×f16→f16 8×8×8, f16×f16→f32 16×16×16; matrix operations run');
  });

  it('the error is KS4065, with the kernel, the device and the reason; other kernels pass', () => {
    const meta = { usesBarrier: false, sharedBytes: 0, atomicParams: [] };
    const no = { ok: false as const, reason: 'it lacks X' };
    const e = matrixLaunchError({ name: 'k', meta: { ...meta, matrix: true } }, no, 'this cuda device (GPU)');
    expect(e).toBeInstanceOf(LaunchError);
    expect(e?.code).toBe('KS4065');
    expect(e?.message).toBe(
      "KS4065: kernel 'k' uses matrix operations, which this cuda device (GPU) cannot run: it lacks X; run it on the cpu backend (which emulates them) or on a device with tensor cores",
    );
    expect(matrixLaunchError({ name: 'k', meta }, no, 'dev')).toBeNull();
    expect(matrixLaunchError({ name: 'k', meta: { ...meta, matrix: true } }, { ok: true }, 'dev')).toBeNull();
  });
});

describe('launching a matrix kernel', () => {
  it('cpu accepts it (emulated) and computes a × b + bias', async () => {
    expect(cpu.matrix).toEqual({ ok: true });
    await runTile(cpu);
  });

  it.skipIf(!webgpu?.device)('webgpu: a device without subgroup matrices refuses it with KS4065 and stays usable', async () => {
    const gpu = webgpu?.device as WebGpuDevice;
    // A device made without looking for the feature never has it, whatever the adapter offers.
    const bare = new WebGpuDevice(gpu.gpu, 'no-matrix', { size: 32 });
    expect(bare.matrix.ok).toBe(false);
    const [a, b, out] = [bare.array(new Float16Array(256)), bare.array(new Float16Array(256)), bare.array(new Float32Array(256))];
    const compiled = resolveKernel(tile, 'wgsl', false);
    let thrown: unknown = null;
    try {
      bare.launch(compiled, { grid: 1, block: 32 }, a, b, out, 1);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(LaunchError);
    expect((thrown as LaunchError).code).toBe('KS4065');
    expect((thrown as LaunchError).message).toMatch(
      /^KS4065: kernel 'tile' uses matrix operations, which this webgpu device \(no-matrix\) cannot run: it was created without the 'chromium-experimental-subgroup-matrix' feature; /,
    );
    // Nothing was queued: the device still works.
    expect((await out.read()).every((v) => v === 0)).toBe(true);
    for (const d of [a, b, out]) d.dispose();
  });

  it.skipIf(!webgpu?.device)('webgpu: the device runs it where its adapter offers the configuration, and refuses it naming what it lacks', async () => {
    const gpu = webgpu?.device as WebGpuDevice;
    const m = gpu.matrix;
    if (m.ok) {
      await runTile(gpu);
      return;
    }
    const x = [gpu.array(new Float16Array(256)), gpu.array(new Float16Array(256)), gpu.array(new Float32Array(256))] as const;
    expect(() => gpu.launch(tile, { grid: 1, block: 32 }, x[0], x[1], x[2], 1)).toThrow(`cannot run: ${m.reason};`);
    for (const d of x) d.dispose();
  });
});

/** Launches `tile` on `device` with fresh inputs and checks every element against float64. */
async function runTile(device: Device): Promise<void> {
  const a = new Float16Array(256);
  const b = new Float16Array(256);
  const seed = Math.floor(Math.random() * 1000);
  for (let i = 0; i < 256; i++) {
    a[i] = (((i + seed) * 7) % 13) / 8 - 0.75;
    b[i] = (((i + seed) * 5) % 11) / 8 - 0.5;
  }
  const [da, db, out] = [device.array(a), device.array(b), device.array(new Float32Array(256))];
  try {
    device.launch(tile, { grid: 1, block: 32 }, da, db, out, 0.25);
    const got = await out.read();
    for (let r = 0; r < 16; r++) {
      for (let c = 0; c < 16; c++) {
        let s = 0.25;
        for (let p = 0; p < 16; p++) s += (a[r * 16 + p] as number) * (b[p * 16 + c] as number);
        // Products of these f16 values and their sums are exact in f32.
        expect(got[r * 16 + c], `(${r}, ${c}), seed ${seed}`).toBe(s);
      }
    }
  } finally {
    for (const d of [da, db, out]) d.dispose();
  }
}
