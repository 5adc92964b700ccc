// A kernel that faults on the GPU: the asynchronous error surfaces at the next wait, names the
// driver call, the CUDA error and the kernel, and marks the device unusable. CUDA documents such
// an error as fatal to the process's CUDA state, so a new cuda device fails too, with the same
// error named (createDevice('auto') then moves on to webgpu). In a file of its own: the faulting
// kernel ends CUDA for the whole test process.
import { describe, expect, it } from 'vitest';
import { createCudaDevice, probeCuda } from '../../runtime/cuda/index.js';
import { cudaKernel } from './kernels.js';

const probe = probeCuda();

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
  it('reports the CUDA error with the kernel name, and the device (and CUDA) says it is unusable', async () => {
    const gpu = await createCudaDevice({ cacheDir: null });
    const y = gpu.alloc(Float32Array, 4);
    gpu.launchCompiled(wild, { grid: 1, block: 32 }, [y, 1000]);
    await expect(gpu.synchronize()).rejects.toThrow(/cuStreamQuery failed with CUDA_ERROR_ILLEGAL_ADDRESS \(700\) for kernel 'wildWrite'/);
    expect(() => gpu.alloc(Float32Array, 4)).toThrow(/device is unusable: .*ILLEGAL_ADDRESS.*restart/);
    await expect(gpu.synchronize()).rejects.toThrow(/unusable/);
    y.dispose();
    gpu.dispose();
    await expect(createCudaDevice({ cacheDir: null })).rejects.toThrow(/CUDA_ERROR_ILLEGAL_ADDRESS/);
  });
});
