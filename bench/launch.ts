// Launch cost and bandwidth on one device: host microseconds per launch of a tiny kernel (the
// runtime's own overhead: checks, marshalling, the driver call), device time per tiny launch, and
// device time per launch of a large saxpy. Prints one JSON line. bench/launch-native.cu measures
// the same host cost for a C program calling the CUDA driver directly (the floor on cuda).
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

// Host cost: tiny launches timed on the host while they are queued. A burst of BURST launches starts
// from an idle device, so it measures the runtime and the driver call; a long run of SUSTAINED
// launches also meets the driver's queue, which throttles the host to the rate the GPU retires
// launches (the device figure below), so it is reported apart.
const one = gpu.array(Float32Array.of(1));
const two = gpu.array(Float32Array.of(2));
const tiny = () => gpu.launch(saxpy, { grid: 1, block: 32 }, 1, one, two, 1);
const BURST = 100;
const SUSTAINED = gpu.backend === 'cpu' ? 2000 : 5000;
tiny();
await gpu.synchronize();
async function hostUs(count: number, reps: number): Promise<number> {
  const us: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (let i = 0; i < count; i++) tiny();
    us.push(((performance.now() - t0) * 1000) / count);
    await gpu.synchronize();
  }
  return median(us);
}
await hostUs(BURST, 20);
const burstUs = await hostUs(BURST, 51);
const sustainedUs = await hostUs(SUSTAINED, 5);
// A burst and the wait for it, per launch: what a loop that synchronizes every BURST launches pays
// on the host (webgpu encodes and submits the queued launches here), an upper bound of host cost.
const roundTrip: number[] = [];
for (let r = 0; r < 21; r++) {
  const t0 = performance.now();
  for (let i = 0; i < BURST; i++) tiny();
  await gpu.synchronize();
  roundTrip.push(((performance.now() - t0) * 1000) / BURST);
}
// Device time per tiny launch when launches run back to back (the GPU's own launch rate).
const deviceUs: number[] = [];
for (let r = 0; r < 5; r++) deviceUs.push(((await gpu.time(() => { for (let i = 0; i < 1000; i++) tiny(); })) * 1000) / 1000);

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
    hostUsPerLaunch: Number(burstUs.toFixed(2)),
    hostUsSustained: Number(sustainedUs.toFixed(2)),
    burstAndWaitUsPerLaunch: Number(median(roundTrip).toFixed(2)),
    deviceUsPerTinyLaunch: Number(median(deviceUs).toFixed(2)),
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
