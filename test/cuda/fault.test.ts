// A kernel that faults on the GPU: the asynchronous error surfaces at the next wait, names the
// driver call, the CUDA error and the kernel, marks the device unusable, and a new device works.
// In a file of its own: a faulting kernel poisons the process's CUDA context until it is released.
import { describe, expect, it } from 'vitest';
import { createCudaDevice, probeCuda } from '../../runtime/cuda/index.js';
import { Rng } from '../helpers/case.js';
import { cudaKernel, saxpy } from './kernels.js';

const probe = probeCuda();
const rng = new Rng();

const wild = cudaKernel(
  'wildWrite',
  `extern "C" __global__ void wildWrite(float* y, int n) {
  y[(long long)n * 1000000000LL + threadIdx.x] = 1.0f;
}
`,
  [
    { name: 'y', kind: 'array', type: 'f32', access: 'write' },
    { name: 'n', kind: 'scalar', type: 'i32' },
  ],
);

describe.skipIf(!probe.ok)(`a faulting kernel (${probe.reason ?? 'GPU present'})`, () => {
  it('reports the CUDA error with the kernel name, then a fresh device runs again', async () => {
    const gpu = await createCudaDevice({ cacheDir: null });
    const y = gpu.alloc(Float32Array, 4);
    gpu.launchCompiled(wild, { grid: 1, block: 32 }, [y, 1000]);
    await expect(gpu.synchronize()).rejects.toThrow(/cuStreamQuery failed with CUDA_ERROR_ILLEGAL_ADDRESS \(700\) for kernel 'wildWrite'/);
    expect(() => gpu.alloc(Float32Array, 4)).toThrow(/device is unusable: .*ILLEGAL_ADDRESS/);
    gpu.dispose();

    const again = await createCudaDevice({ cacheDir: null });
    const n = rng.int(100, 5000);
    const x = rng.f32Array(n);
    const y0 = rng.f32Array(n);
    const dx = again.array(x);
    const dy = again.array(y0);
    again.launchCompiled(saxpy, { grid: Math.ceil(n / 128), block: 128 }, [2, dx, dy, n]);
    const got = await dy.read();
    got.forEach((v, i) => expect(Math.abs(v - (2 * (x[i] as number) + (y0[i] as number)))).toBeLessThan(1e-5));
    again.dispose();
  });
});
