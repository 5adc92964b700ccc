// Sum of a large array: a shared-memory tree reduction in two passes, the same with warp shuffles,
// and a bandwidth-bound one (load4, four loads in flight per thread, warpSum); the kernels are in
// lib/reduction-kernels.ts (see there). Every sum is checked against float64 and timed. --blocks
// caps the vector kernel's pass-1 grid (default VEC_BLOCKS).
import { runSample } from './lib/cli.js';
import { Random, freshSeed } from './lib/rng.js';
import { expectClose, fmtMs } from './lib/check.js';
import { timeLaunches } from './lib/bench.js';
import { BLOCK, VEC_BLOCK, VEC_BLOCKS, reduceBlocks, reduceSum, reduceVec4, reduceWarp, vec4Blocks } from './lib/reduction-kernels.js';

await runSample({ n: 0, seed: 0, reps: 20, blocks: 0 }, async (gpu, { flags }, out) => {
  const n = flags.n || (gpu.backend === 'cpu' ? 1 << 20 : 1 << 24);
  const rng = new Random(flags.seed || freshSeed());
  // Positive values, so the sum is far from zero and its relative error is meaningful.
  const hx = rng.uniformArray(n, 0, 1);
  let want = 0;
  for (let i = 0; i < n; i++) want += hx[i];

  const blocks = reduceBlocks(n);
  const vecBlocks = vec4Blocks(n, flags.blocks || VEC_BLOCKS);
  const x = gpu.array(hx);
  const partial = gpu.alloc(Float32Array, Math.max(blocks, vecBlocks));
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
    const runVec4 = (): void => {
      gpu.launch(reduceVec4, { grid: vecBlocks, block: VEC_BLOCK }, x, partial, n);
      gpu.launch(reduceVec4, { grid: 1, block: VEC_BLOCK }, partial, total, vecBlocks);
    };
    runVec4();
    const gotVec4 = (await total.read())[0];
    const errVec4 = Math.abs(gotVec4 - want) / Math.abs(want);
    expectClose('reduction (load4, warpSum)', errVec4, 1e-5);
    // Every addition's order is fixed by n and the grid: a second run gives the same bits.
    runVec4();
    const againVec4 = (await total.read())[0];
    if (!Object.is(againVec4, gotVec4)) throw new Error(`reduction (load4, warpSum): ${gotVec4} then ${againVec4} from the same input`);
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
    const msVec4 = await timeLaunches(gpu, runVec4, flags.reps);
    const gbpsVec4 = (4 * n) / (msVec4 * 1e6);
    out.log(`  load4 and warpSum, ${vecBlocks} + 1 blocks of ${VEC_BLOCK}: sum ${gotVec4}, relative error ${errVec4.toExponential(2)}, ${fmtMs(msVec4)} per sum, ${gbpsVec4.toPrecision(3)} GB/s`);
    out.done({
      sample: 'reduction', backend: gpu.backend, n, sum: got, want, err, ms, gbps, sumWarp: gotWarp, errWarp, msWarp,
      sumVec4: gotVec4, errVec4, msVec4, gbpsVec4, vecBlocks, ok: true,
    });
  } finally {
    x.dispose();
    partial.dispose();
    total.dispose();
  }
});
