// Matrix multiplication C = A·B (A: M×K, B: K×N, row-major), four ways (naive, shared-memory
// tiled, register-blocked, and the pipelined SGEMM; the kernels are in lib/matmul-kernels.ts), each
// checked against a float64 reference and timed. The pipelined kernel needs M and N multiples of
// 128 and K of 8; at other sizes its row runs the register kernel (sgemmPlan) and says so.
import { runSample, type Gpu } from './lib/cli.js';
import { Random, freshSeed } from './lib/rng.js';
import { relativeError, expectClose, fmtMs } from './lib/check.js';
import { timeLaunches } from './lib/bench.js';
import { BM, BN, TILE, matmulNaive, matmulRegister, matmulTiled, referenceRows, sgemmPlan } from './lib/matmul-kernels.js';

async function runVariant(
  gpu: Gpu, name: string, launch: () => void, c: { read(): Promise<Float32Array> },
  rows: number[], want: Float64Array, n: number, flops: number, reps: number,
): Promise<{ name: string; err: number; ms: number; gflops: number }> {
  launch();
  const got = await c.read();
  const picked = new Float32Array(rows.length * n);
  rows.forEach((row, r) => picked.set(got.subarray(row * n, row * n + n), r * n));
  const err = relativeError(picked, want);
  expectClose(`matmul ${name}`, err, 1e-5);
  const ms = await timeLaunches(gpu, launch, reps);
  return { name, err, ms, gflops: flops / (ms * 1e6) };
}

await runSample({ m: 0, n: 0, k: 0, seed: 0, reps: 5 }, async (gpu, { flags }, out) => {
  const size = gpu.backend === 'cpu' ? 128 : 1024;
  const m = flags.m || size;
  const n = flags.n || size;
  const k = flags.k || size;
  const rng = new Random(flags.seed || freshSeed());
  const ha = rng.uniformArray(m * k);
  const hb = rng.uniformArray(k * n);
  // Check every row of small products, 64 random rows of large ones.
  const rows = m <= 256 ? [...Array(m).keys()] : [...rng.permutation(m).subarray(0, 64)].sort((x, y) => x - y);
  const want = referenceRows(ha, hb, rows, n, k);

  const a = gpu.array(ha);
  const b = gpu.array(hb);
  const c = gpu.alloc(Float32Array, m * n);
  try {
    const flops = 2 * m * n * k;
    const g16 = [Math.ceil(n / 16), Math.ceil(m / 16)] as const;
    const g64 = [Math.ceil(n / BN), Math.ceil(m / BM)] as const;
    const plan = sgemmPlan(m, n, k);
    const results = [];
    out.log(`matmul on ${gpu.backend}: (${m}×${k})·(${k}×${n})`);
    for (const [name, launch] of [
      ['naive', () => gpu.launch(matmulNaive, { grid: g16, block: [16, 16] }, a, b, c, m, n, k)],
      ['tiled', () => gpu.launch(matmulTiled, { grid: g16, block: [TILE, TILE] }, a, b, c, m, n, k)],
      ['register', () => gpu.launch(matmulRegister, { grid: g64, block: [16, 16] }, a, b, c, m, n, k)],
      ['pipelined', () => gpu.launch(plan.kernel, { grid: plan.grid, block: plan.block }, a, b, c, m, n, k)],
    ] as const) {
      c.write(new Float32Array(m * n)); // so a variant cannot pass on its predecessor's output
      const r = await runVariant(gpu, name, launch, c, rows, want, n, flops, flags.reps);
      results.push(r);
      out.log(`  ${name.padEnd(9)} ${fmtMs(r.ms).padStart(10)}  ${(r.gflops >= 100 ? r.gflops.toFixed(0) : r.gflops.toPrecision(3)).padStart(8)} GFLOP/s  error ${r.err.toExponential(2)}`);
    }
    if (plan.name !== 'pipelined') out.log(`  (pipelined needs M, N multiples of 128 and K of 8: it ran the ${plan.name} kernel)`);
    out.done({ sample: 'matmul', backend: gpu.backend, m, n, k, results, pipelined: plan.name, ok: true });
  } finally {
    a.dispose();
    b.dispose();
    c.dispose();
  }
});
