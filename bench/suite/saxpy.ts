// saxpy, y = a·x + y on f32: the KernelScript scalar and load4/store4 kernels and, on cuda, the
// hand-written CUDA C scalar and float4 kernels through the same runtime. 12 bytes move per element
// (x and y read, y written).
import { Random } from '../../samples/lib/rng.js';
import type { RowContext } from './context.js';
import { attempt, expectWithin, gbs, timeLaunches } from './measure.js';
import { saxpy, saxpy4, saxpyFloat4, saxpyHandScalar } from './saxpy-kernels.js';
import { sizeLabel } from './sizes.js';
import type { Measurement } from './types.js';

export const SAXPY_A = 1.25;
/** The hand-written CUDA C peers' names (cuda only). */
export const HAND_CUDA = ['hand-written CUDA C, scalar', 'hand-written CUDA C, float4'] as const;
const BLOCK = 256;

export async function saxpyRow({ gpu, sizes }: RowContext): Promise<Measurement[]> {
  const n = sizes.saxpy;
  const a = SAXPY_A;
  const rng = new Random(1);
  const xs = rng.uniformArray(n);
  const ys = rng.uniformArray(n);
  // Two sets in separate buffers: timings alternate between them (see timeLaunches).
  const sets = [0, 1].map(() => ({ x: gpu.array(xs), y: gpu.array(ys) }));
  const scalarGrid = Math.ceil(n / BLOCK);
  const quadGrid = Math.ceil((Math.floor(n / 4) + 1) / BLOCK);
  type Variant = { impl: string; by: 'kernelscript' | 'peer'; k: typeof saxpy; grid: number };
  const variants: Variant[] = [
    { impl: 'scalar', by: 'kernelscript', k: saxpy, grid: scalarGrid },
    { impl: 'load4/store4', by: 'kernelscript', k: saxpy4, grid: quadGrid },
  ];
  if (gpu.backend === 'cuda') {
    variants.push(
      { impl: HAND_CUDA[0], by: 'peer', k: saxpyHandScalar, grid: scalarGrid },
      { impl: HAND_CUDA[1], by: 'peer', k: saxpyFloat4, grid: quadGrid },
    );
  }
  const out: Measurement[] = [];
  try {
    for (const v of variants) {
      const launch = (s: number): void => {
        const { x, y } = sets[s];
        gpu.launch(v.k, { grid: v.grid, block: BLOCK }, a, x, y, n);
      };
      const id = { row: 'saxpy', size: sizeLabel.saxpy(n), impl: v.impl, by: v.by, backend: gpu.backend } as const;
      out.push(await attempt(id, async () => {
        let worst = 0;
        for (const [s, set] of sets.entries()) {
          set.y.write(ys);
          launch(s);
          const got = await set.y.read();
          for (let i = 0; i < n; i++) {
            const want = a * xs[i] + ys[i];
            const e = Math.abs(got[i] - want) / Math.max(1, Math.abs(want));
            if (!(e <= worst)) worst = Number.isNaN(e) ? Infinity : e;
          }
        }
        const check = expectWithin('max rel. error vs float64', worst, 1e-6);
        return { check, timed: await timeLaunches(gpu, launch, sizes.timings, sizes.launches) };
      }, gbs(12 * n)));
    }
  } finally {
    for (const { x, y } of sets) {
      x.dispose();
      y.dispose();
    }
  }
  return out;
}
