// Sum of a large array: a shared-memory tree reduction in two passes, and the same with warp
// shuffles; the kernels are in lib/reduction-kernels.ts (see there). Both sums are checked against
// float64 and timed.
import { runSample } from './lib/cli.js';
import { Random, freshSeed } from './lib/rng.js';
import { expectClose, fmtMs } from './lib/check.js';
import { timeLaunches } from './lib/bench.js';
import { BLOCK, reduceBlocks, reduceSum, reduceWarp } from './lib/reduction-kernels.js';

await runSample({ n: 0, seed: 0, reps: 20 }, async (gpu, { flags }, out) => {
  const n = flags.n || (gpu.backend === 'cpu' ? 1 << 20 : 1 << 24);
  const rng = new Random(flags.seed || freshSeed());
  // Positive values, so the sum is far from zero and its relative error is meaningful.
  const hx = rng.uniformArray(n, 0, 1);
  let want = 0;
  for (let i = 0; i < n; i++) want += hx[i];

  const blocks = reduceBlocks(n);
  const x = gpu.array(hx);
  const partial = gpu.alloc(Float32Array, blocks);
  const total = gpu.alloc(Float32Array, 1);
  try {
    const run = (): void => {
      gpu.launch(reduceSum, { grid: blocks, block: BLOCK }, x, partial, n);
      gpu.launch(reduceSum, { grid: 1, block: BLOCK }, partial, total, blocks);
    };
    const runWarp = (): void => {
      gpu.launch(reduceWarp, { grid: blocks, block: BLOCK }, x, partial, n);
      gpu.launch(reduceWarp, { grid: 1, block: BLOCK }, partial, total, blocks);
    };
    runWarp();
    const gotWarp = (await total.read())[0];
    const errWarp = Math.abs(gotWarp - want) / Math.abs(want);
    expectClose('reduction (warp shuffles)', errWarp, 1e-5);
    run();
    const got = (await total.read())[0];
    const err = Math.abs(got - want) / Math.abs(want);
    expectClose('reduction', err, 1e-5);
    const ms = await timeLaunches(gpu, run, flags.reps);
    const gbps = (4 * n) / (ms * 1e6);
    out.log(`reduction on ${gpu.backend}, n = ${n}: sum ${got} (float64 ${want.toFixed(3)}, relative error ${err.toExponential(2)})`);
    out.log(`  ${blocks} + 1 blocks of ${BLOCK}: ${fmtMs(ms)} per sum, ${gbps.toPrecision(3)} GB/s`);
    const msWarp = await timeLaunches(gpu, runWarp, flags.reps);
    out.log(`  with warp shuffles (warps of ${gpu.warpSize}): sum ${gotWarp}, relative error ${errWarp.toExponential(2)}, ${fmtMs(msWarp)} per sum`);
    out.done({ sample: 'reduction', backend: gpu.backend, n, sum: got, want, err, ms, gbps, sumWarp: gotWarp, errWarp, msWarp, ok: true });
  } finally {
    x.dispose();
    partial.dispose();
    total.dispose();
  }
});
