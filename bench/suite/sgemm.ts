// SGEMM, C = A·B with square f32 matrices: samples/matmul.ts's naive, shared-memory tiled,
// register-blocked and pipelined kernels; 2n³ flops each. Large products are checked on 64 random
// rows of C. The pipelined kernel runs where n fits its tile (sgemmPlan), else the row is skipped.
import {
  BM, BN, TILE, matmulNaive, matmulRegister, matmulTiled, referenceRows, sgemmPlan,
} from '../../samples/lib/matmul-kernels.js';
import { Random } from '../../samples/lib/rng.js';
import type { RowContext } from './context.js';
import { attempt, expectWithin, flopRate, timeLaunches, worstRowsError } from './measure.js';
import { sizeLabel } from './sizes.js';
import type { Measurement } from './types.js';

export async function sgemmRow(ctx: RowContext): Promise<Measurement[]> {
  const out: Measurement[] = [];
  for (const n of ctx.sizes.sgemm) out.push(...(await sgemmAt(ctx, n)));
  return out;
}

async function sgemmAt({ gpu, sizes, memo }: RowContext, n: number): Promise<Measurement[]> {
  const rng = new Random(3 + n);
  const ha = rng.uniformArray(n * n);
  const hb = rng.uniformArray(n * n);
  const rows = n <= 256 ? [...Array(n).keys()] : [...rng.permutation(n).subarray(0, 64)].sort((x, y) => x - y);
  // The inputs depend only on n, so backends at the same size share the reference.
  const want = memo(`sgemm ${n}`, () => referenceRows(ha, hb, rows, n, n));
  const sets = [0, 1].map(() => ({ a: gpu.array(ha), b: gpu.array(hb), c: gpu.alloc(Float32Array, n * n) }));
  const g16 = [Math.ceil(n / TILE), Math.ceil(n / TILE)] as const;
  const g64 = [Math.ceil(n / BN), Math.ceil(n / BM)] as const;
  const plan = sgemmPlan(n, n, n);
  const impls = [
    ['naive', matmulNaive, g16, [16, 16]],
    ['shared-memory tiled', matmulTiled, g16, [16, 16]],
    ['register-blocked', matmulRegister, g64, [16, 16]],
  ] as const;
  const out: Measurement[] = [];
  try {
    for (const [impl, k, grid, block] of [
      ...impls,
      ...(plan.name === 'pipelined' ? [['pipelined (float4, double-buffered)', plan.kernel, plan.grid, plan.block] as const] : []),
    ]) {
      const launch = (s: number): void => {
        const { a, b, c } = sets[s];
        gpu.launch(k, { grid, block }, a, b, c, n, n, n);
      };
      const id = { row: 'sgemm', size: sizeLabel.sgemm(n), impl, by: 'kernelscript', backend: gpu.backend } as const;
      out.push(await attempt(id, async () => {
        const worst = await worstRowsError(sets, launch, rows, n, want);
        const check = expectWithin('rel. L2 error vs float64', worst, 1e-5);
        return { check, timed: await timeLaunches(gpu, launch, sizes.timings, sizes.launches) };
      }, flopRate(2 * n ** 3)));
    }
  } finally {
    for (const s of sets) for (const arr of Object.values(s)) arr.dispose();
  }
  return out;
}
