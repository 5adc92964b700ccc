// f16 matrix multiplication on the tensor cores: C = A·B with A and B in f16 and C accumulated in
// f32, written with the warp-level matrix functions (matrixLoadA/B, matrixMma, matrixStore). On cuda
// they become `wmma` instructions, on webgpu subgroup matrices, on cpu an emulation. Checked against
// float64 on a sample of rows, then timed.
import { runSample } from './lib/cli.js';
import { Random, freshSeed } from './lib/rng.js';
import { relativeError, expectClose, fmtMs } from './lib/check.js';
import { timeLaunches } from './lib/bench.js';
import { hgemm, hgemmLaunch, hgemmReferenceRows, hgemmShapeError, randomHalves } from './lib/hgemm-kernels.js';

await runSample({ m: 256, n: 256, k: 256, seed: 0, reps: 10 }, async (gpu, { flags }, out) => {
  const { m, n, k } = flags;
  const shape = hgemmShapeError(m, n, k);
  if (shape) throw new Error(shape);
  // A device without tensor cores (or subgroup matrices) would refuse the launch; say so up front.
  if (!gpu.matrix.ok) throw new Error(`hgemm: ${gpu.backend} device ${gpu.name} cannot run matrix operations: ${gpu.matrix.reason}`);
  const rng = new Random(flags.seed || freshSeed());
  // Inputs are f16 values (multiples of 1/1024 in [-1, 1]); the reference multiplies exactly those.
  const { halves: ha, values: va } = randomHalves(rng, m * k);
  const { halves: hb, values: vb } = randomHalves(rng, k * n);
  const rows = m <= 256 ? [...Array(m).keys()] : [...rng.permutation(m).subarray(0, 64)].sort((x, y) => x - y);
  const want = hgemmReferenceRows(va, vb, rows, n, k);

  const a = gpu.array(ha);
  const b = gpu.array(hb);
  const c = gpu.alloc(Float32Array, m * n);
  try {
    const run = () => gpu.launch(hgemm, hgemmLaunch(m, n, gpu.warpSize), a, b, c, m, n, k);
    run();
    const got = await c.read();
    const picked = new Float32Array(rows.length * n);
    rows.forEach((row, r) => picked.set(got.subarray(row * n, row * n + n), r * n));
    const err = relativeError(picked, want);
    // Products of f16 values are exact in f32; the error is f32 accumulation over k terms.
    expectClose('hgemm', err, 1e-5);
    const ms = await timeLaunches(gpu, run, flags.reps);
    const tflops = (2 * m * n * k) / (ms * 1e9);
    out.log(`hgemm on ${gpu.backend}, ${m}×${n}×${k}: ${fmtMs(ms)} (${tflops.toPrecision(3)} TFLOP/s), relative error ${err.toExponential(2)}`);
    out.done({ sample: 'hgemm', backend: gpu.backend, m, n, k, err, ms, tflops, ok: true });
  } finally {
    a.dispose();
    b.dispose();
    c.dispose();
  }
});
