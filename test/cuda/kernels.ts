// Hand-written CUDA C kernels as CompiledKernel literals: they test the cuda device and the
// toolchain independently of the compiler's cuda target.
import { createHash } from 'node:crypto';
import type { CompiledKernel, ParamInfo } from '../../core/output.js';

export function cudaKernel(name: string, code: string, params: ParamInfo[], sharedBytes = 0): CompiledKernel {
  return {
    target: 'cuda',
    name,
    code,
    entryPoint: name,
    params,
    meta: { usesBarrier: false, sharedBytes, atomicParams: [] },
    hash: createHash('sha256').update(code).digest('hex'),
  };
}

export const saxpy = cudaKernel(
  'saxpy',
  `extern "C" __global__ void saxpy(float a, const float* x, float* y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] = a * x[i] + y[i];
}
`,
  [
    { name: 'a', kind: 'scalar', type: 'f32' },
    { name: 'x', kind: 'array', type: 'f32', access: 'read' },
    { name: 'y', kind: 'array', type: 'f32', access: 'read_write' },
    { name: 'n', kind: 'scalar', type: 'i32' },
  ],
);

/** One parameter of every scalar type, interleaved with arrays: exercises the parameter layout. */
export const scalars = cudaKernel(
  'scalars',
  `extern "C" __global__ void scalars(float a, float* fo, int b, bool flag, int* io, unsigned int c, bool off, unsigned int* uo) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  fo[i] = a * (float)i;
  io[i] = b - i + (flag ? 1000 : 0) + (off ? 7 : 0);
  uo[i] = c + (unsigned int)i;
}
`,
  [
    { name: 'a', kind: 'scalar', type: 'f32' },
    { name: 'fo', kind: 'array', type: 'f32', access: 'write' },
    { name: 'b', kind: 'scalar', type: 'i32' },
    { name: 'flag', kind: 'scalar', type: 'bool' },
    { name: 'io', kind: 'array', type: 'i32', access: 'write' },
    { name: 'c', kind: 'scalar', type: 'u32' },
    { name: 'off', kind: 'scalar', type: 'bool' },
    { name: 'uo', kind: 'array', type: 'u32', access: 'write' },
  ],
);

/** Block-wide sum through shared memory and a barrier; one partial sum per block. */
export const blockSum = cudaKernel(
  'blockSum',
  `extern "C" __global__ void blockSum(const float* x, float* out, int n) {
  __shared__ float s[256];
  int t = threadIdx.x;
  int i = blockIdx.x * 256 + t;
  s[t] = i < n ? x[i] : 0.0f;
  __syncthreads();
  for (int w = 128; w > 0; w >>= 1) {
    if (t < w) s[t] += s[t + w];
    __syncthreads();
  }
  if (t == 0) out[blockIdx.x] = s[0];
}
`,
  [
    { name: 'x', kind: 'array', type: 'f32', access: 'read' },
    { name: 'out', kind: 'array', type: 'f32', access: 'write' },
    { name: 'n', kind: 'scalar', type: 'i32' },
  ],
  1024,
);

export const broken = cudaKernel(
  'broken',
  `extern "C" __global__ void broken(float* y) { y[0] = undefined_name; }\n`,
  [{ name: 'y', kind: 'array', type: 'f32', access: 'write' }],
);
