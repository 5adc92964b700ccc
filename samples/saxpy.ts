// SAXPY (y ← a·x + y), the "hello world" of GPU computing, with its memory bandwidth.
import { kernel, blockIdx, blockDim, threadIdx, type f32, type i32 } from 'kernelscript';
import { runSample } from './lib/cli.js';
import { Random, freshSeed } from './lib/rng.js';
import { relativeError, expectClose, fmtMs } from './lib/check.js';
import { timeLaunches } from './lib/bench.js';

export const saxpy = kernel(function saxpy(a: f32, x: Float32Array, y: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    y[i] = a * x[i] + y[i];
  }
});

await runSample({ n: 1 << 20, seed: 0, reps: 10 }, async (gpu, { flags }, out) => {
  const n = flags.n;
  const rng = new Random(flags.seed || freshSeed());
  const a = Math.fround(rng.uniform(-2, 2));
  const hx = rng.uniformArray(n);
  const hy = rng.uniformArray(n);
  const want = new Float64Array(n);
  for (let i = 0; i < n; i++) want[i] = a * hx[i] + hy[i];

  const x = gpu.array(hx);
  const y = gpu.array(hy);
  try {
    const block = 256;
    const run = () => gpu.launch(saxpy, { grid: Math.ceil(n / block), block }, a, x, y, n);
    run();
    const err = relativeError(await y.read(), want);
    expectClose('saxpy', err, 1e-6);
    // Timed afterwards (y keeps accumulating, which costs the same).
    const ms = await timeLaunches(gpu, run, flags.reps);
    const gbps = (3 * 4 * n) / (ms * 1e6);
    out.log(`saxpy on ${gpu.backend}, n = ${n}: ${fmtMs(ms)} (${gbps.toPrecision(3)} GB/s), relative error ${err.toExponential(2)}`);
    out.done({ sample: 'saxpy', backend: gpu.backend, n, err, ms, gbps, ok: true });
  } finally {
    x.dispose();
    y.dispose();
  }
});
