// Why one saxpy measures differently on webgpu in two scripts: times the load4 and scalar saxpy on
// one device over the factors that differ between bench/run.ts and bench/saxpy-vec.ts (array size,
// one input set or two alternating ones, launches per timing, a cuda device alive in the same
// process). Every result is checked once before timing. Prints one JSON line per figure.
//
//   npx tsx bench/webgpu-timing.ts [--backend webgpu|cuda] [--with-cuda]
import { parseArgs } from 'node:util';
import { createDevice, type BackendChoice } from '../index.js';
import { Random } from '../samples/lib/rng.js';
import { median } from './suite/measure.js';
import { saxpy, saxpy4 } from './suite/saxpy-kernels.js';

const { values } = parseArgs({ options: { backend: { type: 'string', default: 'webgpu' }, 'with-cuda': { type: 'boolean', default: false } } });
// A cuda device alive (idle) in the process, as in bench/run.ts, which starts cuda first.
const other = values['with-cuda'] ? await createDevice({ backend: 'cuda' }).catch(() => null) : null;
const gpu = await createDevice({ backend: values.backend as BackendChoice });
const BLOCK = 256;
const A = 1.25;

for (const n of [2 ** 24, 2 ** 26]) {
  const rng = new Random(n);
  const xs = rng.uniformArray(n);
  const ys = rng.uniformArray(n);
  const sets = [0, 1].map(() => ({ x: gpu.array(xs), y: gpu.array(ys) }));
  for (const [impl, k, grid] of [['scalar', saxpy, Math.ceil(n / BLOCK)], ['load4', saxpy4, Math.ceil((n / 4 + 1) / BLOCK)]] as const) {
    const launch = (s: number): void => {
      const set = sets[s];
      if (set) gpu.launch(k, { grid, block: BLOCK }, A, set.x, set.y, n);
    };
    const first = sets[0];
    if (!first) continue;
    first.y.write(ys);
    launch(0);
    const got = await first.y.read();
    let worst = 0;
    for (let i = 0; i < n; i += 997) worst = Math.max(worst, Math.abs(got[i]! - (A * xs[i]! + ys[i]!)));
    if (!(worst < 1e-5)) throw new Error(`${impl} n=${n}: wrong result (error ${worst})`);
    for (const alternate of [false, true]) {
      for (const launches of [1, 10, 20]) {
        launch(0);
        launch(1);
        await gpu.synchronize();
        const per: number[] = [];
        for (let t = 0; t < 9; t++) {
          const ms = await gpu.time(() => {
            for (let i = 0; i < launches; i++) launch(alternate ? i & 1 : 0);
          });
          per.push(ms / launches);
        }
        const ms = median(per);
        const wall0 = performance.now();
        for (let i = 0; i < launches; i++) launch(alternate ? i & 1 : 0);
        await gpu.synchronize();
        const wallMs = (performance.now() - wall0) / launches;
        console.log(JSON.stringify({
          backend: gpu.backend, withCuda: other !== null, n, impl, alternate, launches,
          ms, gbs: (12 * n) / (ms * 1e6), wallMs, spread: [Math.min(...per), Math.max(...per)],
        }));
      }
    }
  }
  for (const s of sets) {
    s.x.dispose();
    s.y.dispose();
  }
}
gpu.dispose();
other?.dispose();
