// The cuda device on a real GPU, with hand-written CUDA C kernels; every result is compared with a
// float64 reference on fresh random inputs. Without a GPU, the cuda backend must decline with a
// one-line reason (checked here too).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCudaDevice, probeCuda, type CudaDevice } from '../../runtime/cuda/index.js';
import { LaunchError } from '../../runtime/errors.js';
import { Rng } from '../helpers/case.js';
import { blockSum, broken, cudaKernel, saxpy, scalars } from './kernels.js';
import { relL2 } from '../helpers/compare.js';

const probe = probeCuda();
const rng = new Rng();

describe.skipIf(probe.ok)('cuda backend without a usable GPU', () => {
  it('declines with a one-line reason', async () => {
    expect(probe.reason).toBeTruthy();
    expect(probe.reason).not.toMatch(/\n/);
    await expect(createCudaDevice()).rejects.toThrow(probe.reason as string);
  });
});

describe.skipIf(!probe.ok)(`cuda device (${probe.reason ?? 'GPU present'}; seed ${rng.seed})`, () => {
  let gpu: CudaDevice;
  const cacheDir = mkdtempSync(join(tmpdir(), 'ks-cuda-dev-'));
  beforeAll(async () => {
    gpu = await createCudaDevice({ cacheDir });
  });
  afterAll(() => {
    gpu?.dispose();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('reports its name, architecture and limits', () => {
    expect(gpu.backend).toBe('cuda');
    expect(gpu.name.length).toBeGreaterThan(0);
    expect(gpu.arch).toMatch(/^sm_\d+$/);
    expect(gpu.limits.maxThreadsPerBlock).toBeGreaterThanOrEqual(512);
    expect(gpu.limits.maxSharedBytes).toBeGreaterThanOrEqual(16 * 1024);
  });

  it('runs saxpy and matches the float64 reference', async () => {
    const n = rng.int(1000, 100_000);
    const a = rng.f32(-2, 2);
    const x = rng.f32Array(n);
    const y = rng.f32Array(n);
    const dx = gpu.array(x);
    const dy = gpu.array(y);
    gpu.launchCompiled(saxpy, { grid: Math.ceil(n / 256), block: 256 }, [a, dx, dy, n]);
    await gpu.synchronize();
    const got = await dy.read();
    const want = Float64Array.from(y, (v, i) => a * (x[i] as number) + v);
    expect(relL2(got, want)).toBeLessThan(1e-6);
    dx.dispose();
    dy.dispose();
  });

  it('passes every scalar type in the C layout (f32, i32, u32, bool between arrays)', async () => {
    const n = 256 * rng.int(1, 8);
    const a = rng.f32(-10, 10);
    const b = rng.int(-1e6, 1e6);
    const c = rng.int(2 ** 31, 2 ** 32 - n);
    const flag = rng.next() < 0.5;
    const off = !flag;
    const fo = gpu.alloc(Float32Array, n);
    const io = gpu.alloc(Int32Array, n);
    const uo = gpu.alloc(Uint32Array, n);
    gpu.launchCompiled(scalars, { grid: n / 256, block: 256 }, [a, fo, b, flag, io, c, off, uo]);
    const [f, i32, u32] = await Promise.all([fo.read(), io.read(), uo.read()]);
    for (let i = 0; i < n; i++) {
      expect(f[i]).toBe(Math.fround(a * i));
      expect(i32[i]).toBe(b - i + (flag ? 1000 : 0) + (off ? 7 : 0));
      expect(u32[i]).toBe(c + i);
    }
    for (const d of [fo, io, uo]) d.dispose();
  });

  it('uses shared memory and barriers (block sums), and overwrites with write()', async () => {
    const blocks = rng.int(4, 64);
    const n = blocks * 256 - rng.int(0, 200);
    const out = gpu.alloc(Float32Array, blocks);
    const dx = gpu.alloc(Float32Array, n);
    const x = rng.f32Array(n) as Float32Array<ArrayBuffer>;
    dx.write(x);
    gpu.launchCompiled(blockSum, { grid: blocks, block: 256 }, [dx, out, n]);
    const got = await out.read();
    const want = new Float64Array(blocks);
    x.forEach((v, i) => {
      const b = Math.floor(i / 256);
      want[b] = (want[b] ?? 0) + v;
    });
    expect(relL2(got, want)).toBeLessThan(1e-5);
    out.dispose();
    dx.dispose();
  });

  it('allocates zero-filled arrays, including empty ones', async () => {
    const n = rng.int(1, 5000);
    const z = gpu.alloc(Int32Array, n);
    expect((await z.read()).every((v) => v === 0)).toBe(true);
    const e = gpu.alloc(Float32Array, 0);
    expect((await e.read()).length).toBe(0);
    z.dispose();
    e.dispose();
  });

  it('times work with CUDA events, in milliseconds', async () => {
    const n = 1 << 22;
    const dx = gpu.array(rng.f32Array(n));
    const dy = gpu.array(rng.f32Array(n));
    const ms = await gpu.time(() => {
      for (let r = 0; r < 10; r++) gpu.launchCompiled(saxpy, { grid: n / 256, block: 256 }, [1.5, dx, dy, n]);
    });
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThan(10_000);
    dx.dispose();
    dy.dispose();
  });

  it('checks the launch shape against the device before launching', () => {
    const y = gpu.alloc(Float32Array, 4);
    const x = gpu.alloc(Float32Array, 4);
    expect(() => gpu.launchCompiled(saxpy, { grid: 1, block: 2048 }, [1, x, y, 4])).toThrow(LaunchError);
    expect(() => gpu.launchCompiled(saxpy, { grid: 1, block: [1, 1, 128] }, [1, x, y, 4])).toThrow(/block\.z = 128/);
    expect(() => gpu.launchCompiled(saxpy, { grid: [1, 1 << 20], block: 32 }, [1, x, y, 4])).toThrow(/grid\.y/);
    const huge = cudaKernel('huge', saxpy.code.replace(/saxpy/g, 'huge'), saxpy.params, 1 << 20);
    expect(() => gpu.launchCompiled(huge, { grid: 1, block: 32 }, [1, x, y, 4])).toThrow(/shared memory/);
    x.dispose();
    y.dispose();
  });

  it('reports a CUDA compile error naming the kernel, and stays usable', async () => {
    const y = gpu.alloc(Float32Array, 1);
    expect(() => gpu.launchCompiled(broken, { grid: 1, block: 1 }, [y])).toThrow(/kernel 'broken'[\s\S]*undefined_name/);
    await gpu.synchronize();
    y.dispose();
  });

  it('leaves no live arrays behind', () => {
    expect(gpu.liveArrays).toBe(0);
  });
});
