// The benchmark suite as one command: saxpy, sum, SGEMM, f16 GEMM on the tensor cores, softmax
// regression and MNIST on every backend that starts (cuda, webgpu, cpu), each figure checked against
// float64 before it is timed, then the peers (hand-written CUDA C through the runtime; PyTorch, CuPy
// and NumPy in one Python process), and writes bench/results/<date>.json, .md (figures, peers, ratios) and .svg (a chart
// of the ratios). A quick run writes <date>-quick.*, so it never replaces a full run's record.
//
//   npm run bench [-- --quick] [--backends cuda,webgpu,cpu] [--out DIR] [--sizes JSON]
//   sh .bundle/kernelscript-linux-x64.run tsx bench/run.ts [same options]      (GPU machine, no Node)
//
// --sizes merges into the size table per kind of device, e.g. '{"cpu": {"saxpy": 4096}}' (see
// bench/suite/sizes.ts); the test of this command uses it for tiny sizes. Exits 1 if any check failed.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDevice, NoDeviceError, type Backend } from '../index.js';
import { SOFTWARE } from '../runtime/webgpu/gpu.js';
import { chart } from './suite/chart.js';
import { referenceCache, type RowContext } from './suite/context.js';
import { commit, machine } from './suite/machine.js';
import { fmtMs, fmtRate, markdown } from './suite/markdown.js';
import { runPeers, type PeerRequest } from './suite/peers.js';
import { ratios } from './suite/ratios.js';
import { HAND_CUDA, saxpyRow } from './suite/saxpy.js';
import { sgemmRow } from './suite/sgemm.js';
import { hgemmRow } from './suite/hgemm.js';
import { sizeLabel, sizesFor, type DeviceClass } from './suite/sizes.js';
import { sumRow } from './suite/sum.js';
import { mnistDigits, mnistRow, softmaxRow } from './suite/training.js';
import type { BenchReport, Measurement, RowId } from './suite/types.js';

const ROOT = join(import.meta.dirname, '..');
const BACKENDS: readonly Backend[] = ['cuda', 'webgpu', 'cpu'];
const ROWS: readonly [RowId, (ctx: RowContext) => Promise<Measurement[]>][] = [
  ['saxpy', saxpyRow], ['sum', sumRow], ['sgemm', sgemmRow], ['hgemm', hgemmRow], ['softmax', softmaxRow], ['mnist', mnistRow],
];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    backends: { type: 'string', default: BACKENDS.join(',') },
    sizes: { type: 'string', default: '{}' },
    out: { type: 'string', default: join(ROOT, 'bench', 'results') },
  },
});
const backends = values.backends.split(',').map((b) => b.trim()).filter(Boolean) as Backend[];
for (const b of backends) if (!BACKENDS.includes(b)) throw new Error(`--backends: unknown backend '${b}' (cuda, webgpu, cpu)`);
const sizes = sizesFor(values.quick, JSON.parse(values.sizes) as Parameters<typeof sizesFor>[1]);
// Dawn's Vulkan loader warns when XDG_RUNTIME_DIR is unset (the bundle's launcher sets it too).
process.env.XDG_RUNTIME_DIR ??= mkdtempSync(join(tmpdir(), 'xdg-'));

const t0 = performance.now();
const memo = referenceCache();
const measurements: Measurement[] = [];
const started: BenchReport['backends'] = [];

function show(m: Measurement): void {
  // The seconds since the start lead each line, so that a slow row shows in the log.
  const at = `${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s`;
  const what = `${at} ${m.backend.padEnd(6)} ${m.row} ${m.size}, ${m.impl}${m.by === 'peer' ? ' (peer)' : ''}`;
  if (m.status !== 'ok') console.log(`${what}: ${m.status.toUpperCase()} ${m.reason ?? ''}`);
  else console.log(`${what}: ${fmtMs(m.ms ?? NaN)}${m.rate ? `, ${fmtRate(m.rate)}` : ''} (error ${m.check?.error.toExponential(1)})`);
}

for (const backend of backends) {
  let gpu;
  try {
    gpu = await createDevice({ backend });
  } catch (e) {
    const reason = e instanceof NoDeviceError ? (e.reasons[0]?.reason ?? e.message) : (e as Error).message;
    started.push({ backend, reason });
    console.log(`${backend}: not run (${reason})`);
    continue;
  }
  // A software WebGPU adapter runs on the CPU: the GPU sizes would take it hours.
  const cls: DeviceClass = backend === 'cpu' || (backend === 'webgpu' && SOFTWARE.test(gpu.name)) ? 'cpu' : 'gpu';
  started.push({ backend, device: gpu.name, sizes: cls });
  console.log(`${backend}: ${gpu.name} (${cls} sizes)`);
  const ctx: RowContext = { gpu, sizes: sizes[cls], memo };
  try {
    for (const [row, run] of ROWS) {
      let got: Measurement[];
      try {
        got = await run(ctx);
      } catch (e) {
        // Setting a row up failed (its data or buffers): recorded, and the other rows still run.
        got = [{ row, size: '', impl: 'all', by: 'kernelscript', backend, status: 'failed', reason: (e as Error).message }];
      }
      got.forEach(show);
      measurements.push(...got);
    }
  } finally {
    gpu.dispose();
  }
}

// The hand-written CUDA C peers run through the cuda device: say so where it did not start.
const cuda = started.find((b) => b.backend === 'cuda');
if (!cuda?.device && started.some((b) => b.sizes === 'gpu')) {
  const reason = cuda ? `the cuda backend did not start: ${cuda.reason}` : 'cuda is not among --backends';
  for (const impl of HAND_CUDA) {
    const m: Measurement = { row: 'saxpy', size: sizeLabel.saxpy(sizes.gpu.saxpy), impl, by: 'peer', backend: 'cuda', status: 'skipped', reason };
    show(m);
    measurements.push(m);
  }
}

const ran = (c: DeviceClass): boolean => started.some((b) => b.sizes === c);
const request: PeerRequest = {};
if (ran('gpu')) request.gpu = sizes.gpu;
if (ran('cpu')) request.cpu = { sizes: sizes.cpu, train: mnistDigits({ memo }) };
console.log('peers: bench/peers_all.py');
const peers = await runPeers(request);
if (peers.reason) console.log(`peers: not run (${peers.reason})`);
peers.measurements.forEach(show);
measurements.push(...peers.measurements);

// Grouped for the table: by row, then size (in order of first appearance), KernelScript before
// peers, then backend.
const sizeOrder = [...new Set(measurements.map((m) => m.size))];
const rank = (m: Measurement): number[] => [
  ROWS.findIndex(([r]) => r === m.row), sizeOrder.indexOf(m.size), m.by === 'kernelscript' ? 0 : 1, BACKENDS.indexOf(m.backend),
];
measurements.sort((a, b) => {
  const [ra, rb] = [rank(a), rank(b)];
  return ra.reduce((d, x, i) => d || x - (rb[i] ?? 0), 0);
});

const date = new Date().toISOString().slice(0, 10);
const report: BenchReport = {
  schema: 1,
  date,
  commit: commit(ROOT),
  quick: values.quick,
  args: process.argv.slice(2),
  machine: machine(),
  backends: started,
  peers: peers.versions ? { versions: peers.versions } : { reason: peers.reason ?? 'unknown' },
  // Only the kinds of device that ran.
  sizes: Object.fromEntries((['gpu', 'cpu'] as const).filter(ran).map((c) => [c, sizes[c]])),
  measurements,
  ratios: ratios(measurements),
  seconds: (performance.now() - t0) / 1000,
};
const base = join(values.out, `${date}${values.quick ? '-quick' : ''}`);
mkdirSync(values.out, { recursive: true });
const md = markdown(report, { svg: `${date}${values.quick ? '-quick' : ''}.svg` });
writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(`${base}.md`, md);
writeFileSync(`${base}.svg`, chart(report));
console.log(`\n${md}`);
console.log(`wrote ${base}.json, .md and .svg in ${report.seconds.toFixed(0)} s`);
const failed = measurements.filter((m) => m.status === 'failed');
if (failed.length > 0) {
  console.error(`${failed.length} figure(s) failed their check or run`);
  process.exitCode = 1;
}
