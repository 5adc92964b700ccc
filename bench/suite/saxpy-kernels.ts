// saxpy (y = a·x + y, f32) written four ways: the KernelScript scalar kernel, the same with
// load4/store4 (one 16-byte access per four elements), and two hand-written CUDA C kernels (scalar
// and float4), the peers KernelScript's CUDA output is held to. The hand-written ones ride on kernel
// objects whose only compiled output is that CUDA C, so the runtime launches them like any other
// kernel, on cuda only. Shared by bench/run.ts and bench/saxpy-vec.ts.
import { createHash } from 'node:crypto';
import {
  blockDim, blockIdx, kernel, load4, store4, threadIdx, vadd, vscale,
  type CompiledKernel, type f32, type i32,
} from '../../index.js';

export const saxpy = kernel(function saxpy(a: f32, x: Float32Array, y: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    y[i] = a * x[i]! + y[i]!;
  }
});

// Thread i handles elements 4i … 4i+3; the last thread also handles a tail shorter than four.
export const saxpy4 = kernel(function saxpy4(a: f32, x: Float32Array, y: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  const quads = n >> 2;
  if (i < quads) {
    store4(y, i, vadd(vscale(load4(x, i), a), load4(y, i)));
  } else if (i === quads) {
    for (let j = quads * 4; j < n; j++) y[j] = a * x[j]! + y[j]!;
  }
});

const HAND_SCALAR = `extern "C" __global__ void saxpy_scalar(float a, const float* __restrict__ x, float* __restrict__ y, int n) {
  const int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] = a * x[i] + y[i];
}
`;

const HAND_FLOAT4 = `extern "C" __global__ void saxpy_float4(float a, const float* __restrict__ x, float* __restrict__ y, int n) {
  const int i = blockIdx.x * blockDim.x + threadIdx.x;
  const int quads = n >> 2;
  if (i < quads) {
    const float4 xv = reinterpret_cast<const float4*>(x)[i];
    float4 yv = reinterpret_cast<float4*>(y)[i];
    yv.x = a * xv.x + yv.x;
    yv.y = a * xv.y + yv.y;
    yv.z = a * xv.z + yv.z;
    yv.w = a * xv.w + yv.w;
    reinterpret_cast<float4*>(y)[i] = yv;
  } else if (i == quads) {
    for (int j = quads * 4; j < n; j++) y[j] = a * x[j] + y[j];
  }
}
`;

/** A CompiledKernel for hand-written CUDA C taking (a, x, y, n) like the kernels above. */
function handCuda(name: string, code: string): CompiledKernel {
  return {
    target: 'cuda',
    name,
    code,
    entryPoint: name,
    params: [
      { name: 'a', kind: 'scalar', type: 'f32' },
      { name: 'x', kind: 'array', type: 'f32', access: 'read' },
      { name: 'y', kind: 'array', type: 'f32', access: 'read_write' },
      { name: 'n', kind: 'scalar', type: 'i32' },
    ],
    meta: { usesBarrier: false, sharedBytes: 0, atomicParams: [] },
    hash: createHash('sha256').update(code).digest('hex'),
  };
}

export const saxpyHandScalar = kernel(
  function saxpy_scalar(_a: f32, _x: Float32Array, _y: Float32Array, _n: i32) {},
  { cuda: handCuda('saxpy_scalar', HAND_SCALAR) },
);
export const saxpyFloat4 = kernel(
  function saxpy_float4(_a: f32, _x: Float32Array, _y: Float32Array, _n: i32) {},
  { cuda: handCuda('saxpy_float4', HAND_FLOAT4) },
);
