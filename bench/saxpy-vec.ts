// saxpy three ways on one device, in one run: the scalar kernel, the same kernel written with
// load4/store4 (one 16-byte access per four elements), and, on cuda, a hand-written float4 CUDA C
// kernel launched through the same runtime. Every result is checked against a float64 reference
// before timing; times are medians of warm device timings. Prints one JSON line.
//
//   npx tsx bench/saxpy-vec.ts [--backend cuda|webgpu|cpu] [--n 16777216]
import { parseArgs } from 'node:util';
import { createDevice, type BackendChoice } from '../index.js';
import { saxpy, saxpy4, saxpyFloat4 } from './suite/saxpy-kernels.js';

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
