// Vector addition (checked against float64: the only difference is the f32 rounding of each
// sum), built up as the classic tutorials do: first one block per element (the grid does
// all the work, each block is one thread), then blocks × threads (256 threads per block, the usual
// shape), each checked against a plain-JS reference.
import { kernel, blockIdx, blockDim, threadIdx, type i32 } from 'kernelscript';
import { runSample } from './lib/cli.js';
import { Random, freshSeed } from './lib/rng.js';
import { relativeError, expectClose, fmtMs } from './lib/check.js';
import { timeLaunches } from './lib/bench.js';

/** Step 1: launched with one thread per block; the block index picks the element. */
export const addPerBlock = kernel(function addPerBlock(a: Float32Array, b: Float32Array, c: Float32Array, n: i32) {
  const i = blockIdx.x;
  if (i < n) {
    c[i] = a[i] + b[i];
  }
});

/** Step 2: many threads per block; each thread finds its element from both indices. */
export const addThreads = kernel(function addThreads(a: Float32Array, b: Float32Array, c: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    c[i] = a[i] + b[i];
  }
});

const THREADS = 256;

await runSample({ n: 50_000, seed: 0, reps: 10 }, async (gpu, { flags }, out) => {
  const n = flags.n;
  const rng = new Random(flags.seed || freshSeed());
  const ha = rng.uniformArray(n);
  const hb = rng.uniformArray(n);
  const want = new Float64Array(n);
  for (let i = 0; i < n; i++) want[i] = ha[i] + hb[i];

  const a = gpu.array(ha);
  const b = gpu.array(hb);
  const c = gpu.alloc(Float32Array, n);
  try {
    // One block per element: grid size is capped (65,535 blocks per dimension on WebGPU).
    const nBlocks = Math.min(n, gpu.limits.maxGridDim[0]);
    const perBlockLaunch = (): void => gpu.launch(addPerBlock, { grid: nBlocks, block: 1 }, a, b, c, nBlocks);
    perBlockLaunch();
    const perBlock = await c.read();
    const errBlocks = relativeError(perBlock.subarray(0, nBlocks), want.subarray(0, nBlocks));
    expectClose('one block per element', errBlocks, 1e-7);

    const grid = Math.ceil(n / THREADS);
    c.write(new Float32Array(n)); // so step 2 cannot pass on step 1's output
    const threadsLaunch = (): void => gpu.launch(addThreads, { grid, block: THREADS }, a, b, c, n);
    threadsLaunch();
    const errThreads = relativeError(await c.read(), want);
    expectClose('blocks × threads', errThreads, 1e-7);
    const tBlocks = await timeLaunches(gpu, perBlockLaunch, flags.reps);
    const tThreads = await timeLaunches(gpu, threadsLaunch, flags.reps);

    out.log(`vector-add on ${gpu.backend}, n = ${n}`);
    out.log(`  one block per element (${nBlocks} blocks × 1 thread): ${fmtMs(tBlocks)}, relative error ${errBlocks.toExponential(2)}`);
    out.log(`  ${grid} blocks × ${THREADS} threads: ${fmtMs(tThreads)}, relative error ${errThreads.toExponential(2)}`);
    out.done({ sample: 'vector-add', backend: gpu.backend, n, perBlockN: nBlocks, errBlocks, errThreads, msBlocks: tBlocks, msThreads: tThreads, ok: true });
  } finally {
    a.dispose();
    b.dispose();
    c.dispose();
  }
});
