// The cpu backend beside NumPy on the same machine, in one run: MNIST training (the loop of
// samples/mnist.ts at its default size) and a naive and a tiled matmul, each with 1 thread and with
// every core, medians of warm runs; NumPy (bench/cpu_peers.py) does the same minibatch SGD and
// matmul on the same inputs, and its results are checked against the cpu backend's before the
// times are trusted. Prints a table and appends it to bench/RESULTS.md.
//
//   npm run bench:cpu [-- --epochs 30 --size 256 --reps 3 --no-record]
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDevice } from '../index.js';
import { THREADS_ENV } from '../runtime/cpu/threads.js';
import { loadMnist } from '../samples/lib/mnist-data.js';
import { MNIST_DEFAULTS } from '../samples/lib/mnist-model.js';
import { trainSoftmaxKernels } from '../samples/lib/softmax-kernels.js';
import { mnistOptions, readF32, writeMnistInputs } from './suite/mnist-numpy.js';
// The naive and tiled kernels of the test cases (samples/lib/matmul-kernels.ts has the same two;
// these are the ones the earlier records here were measured with).
import { matmulNaive } from '../test/cases/matmul-naive.js';
import { matmulTiled } from '../test/cases/matmul-tiled.js';

const { values: flags } = parseArgs({
  options: {
    epochs: { type: 'string', default: String(MNIST_DEFAULTS.epochs) },
    size: { type: 'string', default: '256' },
    reps: { type: 'string', default: '3' },
    'no-record': { type: 'boolean', default: false },
  },
});
const epochs = Number(flags.epochs);
const size = Number(flags.size);
const reps = Number(flags.reps);
const cores = availableParallelism();

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** ‖x − y‖ / ‖y‖. */
function relL2(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < y.length; i++) {
    num += ((x[i] ?? NaN) - (y[i] ?? 0)) ** 2;
    den += (y[i] ?? 0) ** 2;
  }
  return Math.sqrt(num / den);
}

async function cpuDevice(threads: number): ReturnType<typeof createDevice> {
  process.env[THREADS_ENV] = String(threads);
  try {
    return await createDevice({ backend: 'cpu' });
  } finally {
    delete process.env[THREADS_ENV];
  }
}

const { train } = loadMnist();
const opts = mnistOptions(epochs);
const rand = (n: number, seed: number): Float32Array => {
  const a = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) a[i] = ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  return a;
};
const A = rand(size * size, 1);
const B = rand(size * size, 2);

interface CpuRun {
  threads: number;
  mnistMs: number;
  naiveMs: number;
  tiledMs: number;
  w: Float32Array;
  b: Float32Array;
  c: Float32Array[];
}

async function runCpu(threads: number): Promise<CpuRun> {
  const gpu = await cpuDevice(threads);
  try {
    // X and the labels stay on the device, as NumPy's are in memory and the GPU rows of bench/run.ts keep theirs.
    const inputs = { x: gpu.array(train.x), labels: gpu.array(train.labels) };
    await trainSoftmaxKernels(gpu, train, { ...opts, epochs: 1 }, {}, inputs); // compile and warm up
    const times: number[] = [];
    let last = await trainSoftmaxKernels(gpu, train, opts, {}, inputs);
    for (let r = 0; r < reps; r++) {
      const t0 = performance.now();
      last = await trainSoftmaxKernels(gpu, train, opts, {}, inputs);
      times.push(performance.now() - t0);
    }
    const [a, b] = [gpu.array(A), gpu.array(B)];
    const c = gpu.alloc(Float32Array, size * size);
    const mm: number[] = [];
    const outs: Float32Array[] = [];
    for (const k of [matmulNaive, matmulTiled]) {
      const launch = (): void => gpu.launch(k, { grid: [size / 16, size / 16], block: [16, 16] }, a, b, c, size, size, size);
      launch();
      launch(); // the second launch is the first that may go to the workers
      const ts: number[] = [];
      for (let r = 0; r < Math.max(reps, 5); r++) ts.push(await gpu.time(launch));
      mm.push(median(ts));
      outs.push(await c.read());
    }
    return { threads, mnistMs: median(times), naiveMs: mm[0] ?? NaN, tiledMs: mm[1] ?? NaN, w: Float32Array.from(last.w), b: Float32Array.from(last.b), c: outs };
  } finally {
    gpu.dispose();
  }
}

function runNumpy(): { mnistMs: number; matmulMs: number; numpy: string; w: Float32Array; b: Float32Array; c: Float32Array } {
  const dir = mkdtempSync(join(tmpdir(), 'ks-bench-cpu-'));
  try {
    const mnist = writeMnistInputs(dir, train, opts);
    const bytes = (a: Float32Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    writeFileSync(join(dir, 'a.f32'), bytes(A));
    writeFileSync(join(dir, 'bm.f32'), bytes(B));
    writeFileSync(join(dir, 'spec.json'), JSON.stringify({ reps, mnist, matmul: { m: size, n: size, k: size } }));
    const out = JSON.parse(execFileSync('python3', [join(import.meta.dirname, 'cpu_peers.py'), dir], { encoding: 'utf8' })) as { mnistMs: number; matmulMs: number; numpy: string };
    return { ...out, w: readF32(dir, 'w.f32'), b: readF32(dir, 'b.f32'), c: readF32(dir, 'c.f32') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const load0 = loadavg()[0] ?? NaN;
const runs = [await runCpu(1)];
if (cores > 1) runs.push(await runCpu(cores));
const np = runNumpy();
const load1 = loadavg()[0] ?? NaN;

// Check before trusting any time: every cpu run against NumPy, and 1 vs N threads bit for bit.
const checks: string[] = [];
for (const r of runs) {
  const ew = relL2(r.w, np.w);
  const eb = relL2(r.b, np.b);
  const ec = r.c.map((c) => relL2(c, np.c));
  checks.push(`${r.threads} thread(s): W rel. L2 ${ew.toExponential(1)}, b ${eb.toExponential(1)}, C ${ec.map((e) => e.toExponential(1)).join(' / ')}`);
  if (!(ew < 1e-3 && eb < 1e-3 && ec.every((e) => e < 1e-5))) throw new Error(`results differ from NumPy: ${checks.at(-1)}`);
}
const same = (x: Float32Array, y: Float32Array | undefined): boolean =>
  !!y && x.length === y.length && new Uint32Array(x.buffer).every((v, i) => v === new Uint32Array(y.buffer)[i]);
const [one, all] = [runs[0] as CpuRun, runs.at(-1) as CpuRun];
if (!(same(one.w, all.w) && same(one.b, all.b) && one.c.every((c, i) => same(c, all.c[i])))) throw new Error('1 and N threads differ');

const gflops = (ms: number): string => ((2 * size ** 3) / (ms * 1e6)).toFixed(2);
const rows = [
  '| run | MNIST training | matmul naive | matmul tiled |',
  '| --- | --- | --- | --- |',
  ...runs.map((r) => `| cpu backend, ${r.threads} thread${r.threads > 1 ? 's' : ''} | ${(r.mnistMs / 1000).toFixed(2)} s | ${r.naiveMs.toFixed(1)} ms (${gflops(r.naiveMs)} GFLOP/s) | ${r.tiledMs.toFixed(1)} ms (${gflops(r.tiledMs)} GFLOP/s) |`),
  `| NumPy ${np.numpy} | ${(np.mnistMs / 1000).toFixed(2)} s | ${np.matmulMs.toFixed(2)} ms (${gflops(np.matmulMs)} GFLOP/s) | |`,
  `| cpu, ${all.threads} threads ÷ NumPy | ${(all.mnistMs / np.mnistMs).toFixed(1)}× | ${(all.naiveMs / np.matmulMs).toFixed(0)}× | ${(all.tiledMs / np.matmulMs).toFixed(0)}× |`,
];
const cpuModel = cpus()[0]?.model.trim() ?? 'unknown CPU';
const text = [
  `### cpu backend beside NumPy (${new Date().toISOString().slice(0, 10)})`,
  '',
  `${cores} cores (${cpuModel}), Node ${process.versions.node}; 1-minute load average ${load0.toFixed(2)} at the start, ${load1.toFixed(2)} at the end.`,
  `MNIST: samples/mnist.ts's training loop (${train.n} digits, ${epochs} epochs, batch ${opts.batch}, X and labels already on the device); matmul ${size}³ f32. Medians of ${reps} warm runs (matmul: of ${Math.max(reps, 5)} launches).`,
  '',
  ...rows,
  '',
  `Checked against NumPy before timing: ${checks.join('; ')}; 1 and ${all.threads} threads bit-identical.`,
  '',
].join('\n');
console.log(text);
if (!flags['no-record']) appendFileSync(join(import.meta.dirname, 'RESULTS.md'), `\n${text}`);
