// Sum of n f32: samples/reduction.ts's two-pass reductions (shared-memory tree, warp shuffles, and
// load4 with warpSum). One timed "launch" is one whole sum, both passes; 4 bytes are read per element.
import { BLOCK, VEC_BLOCK, reduceBlocks, reduceSum, reduceVec4, reduceWarp, vec4Blocks } from '../../samples/lib/reduction-kernels.js';
import { Random } from '../../samples/lib/rng.js';
import type { RowContext } from './context.js';
import { attempt, expectWithin, gbs, timeLaunches } from './measure.js';
import { sizeLabel } from './sizes.js';
import type { Measurement } from './types.js';

export async function sumRow({ gpu, sizes }: RowContext): Promise<Measurement[]> {
  const n = sizes.sum;
  // Positive values, so the sum is far from zero and its relative error is meaningful.
  const hx = new Random(2).uniformArray(n, 0, 1);
  let want = 0;
  for (let i = 0; i < n; i++) want += hx[i];
  const impls = [
    { impl: 'shared-memory tree', k: reduceSum, blocks: reduceBlocks(n), block: BLOCK },
    { impl: 'warp shuffles', k: reduceWarp, blocks: reduceBlocks(n), block: BLOCK },
    { impl: 'load4 and warpSum', k: reduceVec4, blocks: vec4Blocks(n), block: VEC_BLOCK },
  ] as const;
  const most = Math.max(...impls.map((m) => m.blocks));
  const sets = [0, 1].map(() => ({ x: gpu.array(hx), partial: gpu.alloc(Float32Array, most), total: gpu.alloc(Float32Array, 1) }));
  const out: Measurement[] = [];
  try {
    for (const { impl, k, blocks, block } of impls) {
      const launch = (s: number): void => {
        const { x, partial, total } = sets[s];
        gpu.launch(k, { grid: blocks, block }, x, partial, n);
        gpu.launch(k, { grid: 1, block }, partial, total, blocks);
      };
      const id = { row: 'sum', size: sizeLabel.sum(n), impl, by: 'kernelscript', backend: gpu.backend } as const;
      out.push(await attempt(id, async () => {
        let worst = 0;
        for (const [s, set] of sets.entries()) {
          set.total.write(Float32Array.of(NaN));
          launch(s);
          const e = Math.abs((await set.total.read())[0] - want) / want;
          worst = Number.isNaN(e) ? Infinity : Math.max(worst, e);
        }
        const check = expectWithin('rel. error vs float64 sum', worst, 1e-5);
        return { check, timed: await timeLaunches(gpu, launch, sizes.timings, sizes.launches) };
      }, gbs(4 * n)));
    }
  } finally {
    for (const s of sets) for (const arr of Object.values(s)) arr.dispose();
  }
  return out;
}
