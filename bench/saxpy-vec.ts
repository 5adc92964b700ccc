// saxpy three ways on one device, in one run: the scalar kernel, the same kernel written with
// load4/store4 (one 16-byte access per four elements), and, on cuda, a hand-written float4 CUDA C
// kernel launched through the same runtime. Every result is checked against a float64 reference
// before timing; times are medians of warm device timings. Prints one JSON line.
//
//   npx tsx bench/saxpy-vec.ts [--backend cuda|webgpu|cpu] [--n 16777216]
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import {
  blockDim, blockIdx, createDevice, kernel, load4, store4, threadIdx, vadd, vscale,
  type BackendChoice, type CompiledKernel, type f32, type i32,
} from '../index.js';

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

const HAND_CUDA = `extern "C" __global__ void saxpy_float4(float a, const float* __restrict__ x, float* __restrict__ y, int n) {
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
const hand: CompiledKernel = {
  target: 'cuda',
  name: 'saxpy_float4',
  code: HAND_CUDA,
  entryPoint: 'saxpy_float4',
  params: [
    { name: 'a', kind: 'scalar', type: 'f32' },
    { name: 'x', kind: 'array', type: 'f32', access: 'read' },
    { name: 'y', kind: 'array', type: 'f32', access: 'read_write' },
    { name: 'n', kind: 'scalar', type: 'i32' },
  ],
  meta: { usesBarrier: false, sharedBytes: 0, atomicParams: [] },
  hash: createHash('sha256').update(HAND_CUDA).digest('hex'),
};
// The hand-written kernel rides on a kernel object whose only compiled output is that CUDA C.
export const saxpyFloat4 = kernel(function saxpy_float4(_a: f32, _x: Float32Array, _y: Float32Array, _n: i32) {}, { cuda: hand });

const { values } = parseArgs({ options: { backend: { type: 'string' }, n: { type: 'string' } } });
const gpu = await createDevice({ backend: (values.backend ?? 'auto') as BackendChoice });
const n = Number(values.n ?? (gpu.backend === 'cpu' ? 1 << 20 : 1 << 24)) | 0;
const a = 1.25;
const xs = new Float32Array(n);
const ys = new Float32Array(n);
for (let i = 0; i < n; i++) {
  xs[i] = Math.random() * 2 - 1;
  ys[i] = Math.random() * 2 - 1;
}
const x = gpu.array(xs);
const y = gpu.array(ys);
const block = 256;

function median(v: number[]): number {
  const s = [...v].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

type Variant = { name: string; launch: () => void };
const variants: Variant[] = [
  { name: 'scalar', launch: () => gpu.launch(saxpy, { grid: Math.ceil(n / block), block }, a, x, y, n) },
  { name: 'load4', launch: () => gpu.launch(saxpy4, { grid: Math.ceil((n / 4 + 1) / block), block }, a, x, y, n) },
];
if (gpu.backend === 'cuda') {
  variants.push({ name: 'handFloat4', launch: () => gpu.launch(saxpyFloat4, { grid: Math.ceil((n / 4 + 1) / block), block }, a, x, y, n) });
}

const result: Record<string, number | string> = { backend: gpu.backend, device: gpu.name, n };
for (const v of variants) {
  // Check: one launch from the original y against the float64 reference.
  y.write(ys);
  v.launch();
  const got = await y.read();
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const want = a * xs[i]! + ys[i]!;
    worst = Math.max(worst, Math.abs(got[i]! - want) / Math.max(1, Math.abs(want)));
  }
  if (!(worst < 1e-6)) throw new Error(`${v.name}: wrong result (largest relative error ${worst})`);
  v.launch();
  await gpu.synchronize();
  const ms: number[] = [];
  for (let r = 0; r < 9; r++) ms.push((await gpu.time(() => { for (let k = 0; k < 20; k++) v.launch(); })) / 20);
  const m = median(ms);
  result[`${v.name}Ms`] = Number(m.toFixed(4));
  result[`${v.name}GBs`] = Number(((3 * 4 * n) / (m * 1e6)).toFixed(1));
}
console.log(JSON.stringify(result));
x.dispose();
y.dispose();
gpu.dispose();
