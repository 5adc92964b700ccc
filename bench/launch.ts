// Launch cost and bandwidth on one device: host microseconds per launch of a tiny kernel (the
// runtime's own overhead: checks, marshalling, the driver call), and device time per launch of a
// large saxpy. Prints one JSON line.
//
//   npx tsx bench/launch.ts [--backend cuda|webgpu|cpu]
import { parseArgs } from 'node:util';
import { blockDim, blockIdx, createDevice, kernel, threadIdx, type BackendChoice, type f32, type i32 } from '../index.js';

export const saxpy = kernel(function saxpy(a: f32, x: Float32Array, y: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    y[i] = a * x[i]! + y[i]!;
  }
});

const { values } = parseArgs({ options: { backend: { type: 'string' } } });
const gpu = await createDevice({ backend: (values.backend ?? 'auto') as BackendChoice });

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

// Host cost: tiny launches, timed on the host while they are queued.
const one = gpu.array(Float32Array.of(1));
const two = gpu.array(Float32Array.of(2));
const tiny = () => gpu.launch(saxpy, { grid: 1, block: 32 }, 1, one, two, 1);
tiny();
await gpu.synchronize();
const hostUs: number[] = [];
const count = gpu.backend === 'cpu' ? 2000 : 5000;
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  for (let i = 0; i < count; i++) tiny();
  hostUs.push(((performance.now() - t0) * 1000) / count);
  await gpu.synchronize();
}

// Bandwidth: a large saxpy, device time per launch.
const n = gpu.backend === 'cpu' ? 1 << 20 : 1 << 24;
const x = gpu.array(new Float32Array(n).fill(1.5));
const y = gpu.array(new Float32Array(n).fill(0.25));
const big = () => gpu.launch(saxpy, { grid: Math.ceil(n / 256), block: 256 }, 2, x, y, n);
big();
await gpu.synchronize();
const ms: number[] = [];
for (let r = 0; r < 7; r++) ms.push((await gpu.time(() => { for (let i = 0; i < 10; i++) big(); })) / 10);
const m = median(ms);
console.log(
  JSON.stringify({
    backend: gpu.backend,
    device: gpu.name,
    hostUsPerLaunch: Number(median(hostUs).toFixed(2)),
    saxpyN: n,
    saxpyMs: Number(m.toFixed(4)),
    saxpyGBs: Number(((3 * 4 * n) / (m * 1e6)).toFixed(1)),
  }),
);
x.dispose();
y.dispose();
one.dispose();
two.dispose();
gpu.dispose();
