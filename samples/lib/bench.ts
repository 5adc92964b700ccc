// Timing helper: one untimed warm-up (kernels compile on first launch), then the mean of `reps`.
import type { Gpu } from './cli.js';

export async function timeLaunches(gpu: Gpu, work: () => void, reps: number): Promise<number> {
  work();
  await gpu.synchronize();
  const ms = await gpu.time(() => {
    for (let r = 0; r < reps; r++) work();
  });
  return ms / reps;
}
