// f16 GEMM on the tensor cores, C = A·B with f16 inputs and f32 accumulation (samples/hgemm.ts's
// kernel, written with the warp-level matrix functions); 2n³ flops. Large products are checked on 64
// random rows of C against float64. A device without matrix operations records a skip with its reason.
import { hgemm, hgemmLaunch, hgemmReferenceRows, randomHalves } from '../../samples/lib/hgemm-kernels.js';
import { Random } from '../../samples/lib/rng.js';
import type { RowContext } from './context.js';
import { attempt, expectWithin, flopRate, timeLaunches, worstRowsError } from './measure.js';
import { sizeLabel } from './sizes.js';
import type { Measurement } from './types.js';

export async function hgemmRow(ctx: RowContext): Promise<Measurement[]> {
  const out: Measurement[] = [];
  for (const n of ctx.sizes.hgemm) out.push(await hgemmAt(ctx, n));
  return out;
}

async function hgemmAt({ gpu, sizes, memo }: RowContext, n: number): Promise<Measurement> {
  const id = { row: 'hgemm', size: sizeLabel.hgemm(n), impl: 'warp-level matrices (mma)', by: 'kernelscript', backend: gpu.backend } as const;
  if (!gpu.matrix.ok) return { ...id, status: 'skipped', reason: gpu.matrix.reason };
  if (gpu.warpSize !== 32) return { ...id, status: 'skipped', reason: `the kernel's warp layout needs 32-lane warps, this device has ${gpu.warpSize}` };
  const rng = new Random(5 + n);
  const { halves: ha, values: va } = randomHalves(rng, n * n);
  const { halves: hb, values: vb } = randomHalves(rng, n * n);
  const rows = n <= 256 ? [...Array(n).keys()] : [...rng.permutation(n).subarray(0, 64)].sort((x, y) => x - y);
  const want = memo(`hgemm ${n}`, () => hgemmReferenceRows(va, vb, rows, n, n));
  const sets = [0, 1].map(() => ({ a: gpu.array(ha), b: gpu.array(hb), c: gpu.alloc(Float32Array, n * n) }));
  const shape = hgemmLaunch(n, n, gpu.warpSize);
  try {
    const launch = (s: number): void => {
      const { a, b, c } = sets[s];
      gpu.launch(hgemm, shape, a, b, c, n, n, n);
    };
    return await attempt(id, async () => {
      const worst = await worstRowsError(sets, launch, rows, n, want);
      // Products of f16 values are exact in f32: the error is f32 accumulation, as for SGEMM.
      const check = expectWithin('rel. L2 error vs float64', worst, 1e-5);
      return { check, timed: await timeLaunches(gpu, launch, sizes.timings, sizes.launches) };
    }, flopRate(2 * n ** 3));
  } finally {
    for (const s of sets) for (const arr of Object.values(s)) arr.dispose();
  }
}
