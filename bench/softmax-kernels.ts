// Where the softmax-regression row's time goes, per backend: device time of each of the step's two
// kernels (100 launches of one, timed alone), of the two together, and of whole warm training runs
// (the first and the later ones apart: each allocates its arrays, which the runtime may reuse).
// The 10000×500×5 case of bench/run.ts. Prints one JSON line per figure.
//
//   npx tsx bench/softmax-kernels.ts [--backend cuda|webgpu|cpu] [--n 10000 --d 500 --k 5]
import { parseArgs } from 'node:util';
import { createDevice, type BackendChoice } from '../index.js';
import { makeClusters, softmaxOrder, type SoftmaxOptions } from '../samples/lib/softmax-data.js';
import { launchApply, launchStep, stepArrays, trainSoftmaxKernels } from '../samples/lib/softmax-kernels.js';
import { median } from './suite/measure.js';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'auto' },
    n: { type: 'string', default: '10000' },
    d: { type: 'string', default: '500' },
    k: { type: 'string', default: '5' },
  },
});
const [n, d, k] = [values.n, values.d, values.k].map(Number) as [number, number, number];
const gpu = await createDevice({ backend: values.backend as BackendChoice });
const data = makeClusters(n, d, k, 1);
const LAUNCHES = 100;
const TIMINGS = 9;
const print = (what: string, ms: number[], per: number): void =>
  console.log(JSON.stringify({ backend: gpu.backend, what, n, d, k, usMedian: (median(ms) * 1000) / per, msTimings: ms.map((v) => +v.toFixed(4)) }));

// Full batches in order, as the row trains.
const opts: SoftmaxOptions = { rate: 0.1, epochs: LAUNCHES, batch: n, seed: 1, shuffle: false, l2: 0 };
const a = stepArrays(gpu, data, n, LAUNCHES);
a.order.write(softmaxOrder(opts, 0, n));
const kernels: [string, () => void][] = [
  ['softmaxStep', () => launchStep(gpu, a, d, k, 0, n)],
  ['softmaxApply', () => launchApply(gpu, a, d, k, n, opts.rate, 0, 0)],
  ['step + apply', () => {
    launchStep(gpu, a, d, k, 0, n);
    launchApply(gpu, a, d, k, n, opts.rate, 0, 0);
  }],
];
for (const [what, launch] of kernels) {
  for (let i = 0; i < LAUNCHES; i++) launch(); // warm
  await gpu.synchronize();
  const ms: number[] = [];
  for (let t = 0; t < TIMINGS; t++) ms.push(await gpu.time(() => { for (let i = 0; i < LAUNCHES; i++) launch(); }));
  print(`${what} (device µs per launch)`, ms, LAUNCHES);
}
for (const arr of Object.values(a)) arr.dispose();

// Whole runs as bench/run.ts times them: X and the labels uploaded once, the rest per run.
const inputs = { x: gpu.array(data.x), labels: gpu.array(data.labels) };
const runs: number[] = [];
for (let r = 0; r < TIMINGS; r++) runs.push(await gpu.time(async () => void (await trainSoftmaxKernels(gpu, data, opts, {}, inputs))));
print('first training run of 100 iterations (device µs)', runs.slice(0, 1), 1);
print('later training runs of 100 iterations (device µs)', runs.slice(1), 1);
inputs.x.dispose();
inputs.labels.dispose();
await gpu.dispose();
