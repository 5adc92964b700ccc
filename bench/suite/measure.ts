// Checking and timing one implementation: the result is compared with its reference first, and only
// a result within tolerance is timed. Times are device times from gpu.time() (CUDA events, WebGPU
// timestamp queries, the wall clock on cpu), medians of several timings, each over several launches.
import { LaunchError, type Backend } from '../../index.js';
import type { Gpu } from '../../samples/lib/cli.js';
import type { Check, Measurement, Rate, RowId } from './types.js';

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Largest |got − want| / max(1, |want|): relative for large values, absolute near zero. */
export function maxRelError(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length !== want.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    const e = Math.abs(got[i] - want[i]) / Math.max(1, Math.abs(want[i]));
    // NaN compares false, so a NaN result must be caught explicitly.
    if (!(e <= worst)) worst = Number.isNaN(e) ? Infinity : e;
  }
  return worst;
}

/** ‖got − want‖ / ‖want‖. */
export function relL2(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length !== want.length) return Infinity;
  let num = 0;
  let den = 0;
  for (let i = 0; i < want.length; i++) {
    num += (got[i] - want[i]) ** 2;
    den += want[i] ** 2;
  }
  const e = Math.sqrt(num / (den || 1));
  return Number.isNaN(e) ? Infinity : e;
}

export interface Timed {
  ms: number;
  timings: number[];
  launches: number;
}

/**
 * Warm-up on both input sets (warmUp), then `timings` timings of `launches` launches each, alternating
 * between the two sets (separate buffers, so a set that fits in the GPU's L2 is not still there
 * when it is next used). Returns milliseconds per launch.
 */
export async function timeLaunches(gpu: Gpu, launch: (set: number) => void, timings: number, launches: number): Promise<Timed> {
  await warmUp(gpu, launch, launches);
  const per: number[] = [];
  for (let t = 0; t < timings; t++) {
    const ms = await gpu.time(() => {
      for (let i = 0; i < launches; i++) launch(i & 1);
    });
    per.push(ms / launches);
  }
  return { ms: median(per), timings: per, launches };
}

/**
 * Launches on both sets for at least WARM_MS of wall time. Right after large buffers are created,
 * launches on NVIDIA's Vulkan driver ran at a third of their later speed for about 0.3 s
 * (bench/webgpu-timing.ts; bench/RESULTS.md), which two warm-up launches did not cover.
 */
const WARM_MS = 500;
async function warmUp(gpu: Gpu, launch: (set: number) => void, launches: number): Promise<void> {
  // The cpu backend has no driver to settle: one round warms its compiled kernels.
  const budget = gpu.backend === 'cpu' ? 0 : WARM_MS;
  const t0 = performance.now();
  do {
    for (let i = 0; i < launches; i++) launch(i & 1);
    await gpu.synchronize();
  } while (performance.now() - t0 < budget);
}

/** One untimed warm-up run, then `runs` timed runs of a whole training loop (reads included). */
export async function timeRuns(gpu: Gpu, run: () => Promise<unknown>, runs: number): Promise<Timed> {
  await run();
  const per: number[] = [];
  for (let r = 0; r < runs; r++) per.push(await gpu.time(async () => void (await run())));
  return { ms: median(per), timings: per, launches: 1 };
}

/** Thrown by a body whose result is beyond tolerance; the measurement records the check. */
export class CheckFailed extends Error {
  constructor(readonly check: Check) {
    super(`${check.against}: error ${check.error.toExponential(2)} exceeds ${check.tolerance.toExponential(1)}`);
  }
}

/** Returns the check, or throws CheckFailed when its error is beyond tolerance (NaN included). */
export function expectWithin(against: string, error: number, tolerance: number): Check {
  const check = { against, error, tolerance };
  if (!(error <= tolerance)) throw new CheckFailed(check);
  return check;
}

export interface Identity {
  row: RowId;
  size: string;
  impl: string;
  by: 'kernelscript' | 'peer';
  backend: Backend;
}

/**
 * Runs one implementation's check-then-time body and turns its outcome into a measurement: a
 * LaunchError (a launch this device refuses, e.g. warp operations without subgroups) is a skip,
 * anything else thrown a failure.
 */
export async function attempt(
  id: Identity, body: () => Promise<{ check: Check; timed: Timed }>, rate?: (ms: number) => Rate,
): Promise<Measurement> {
  try {
    const { check, timed } = await body();
    const m: Measurement = { ...id, status: 'ok', check, ms: timed.ms, timings: timed.timings, launches: timed.launches };
    if (rate) m.rate = rate(timed.ms);
    return m;
  } catch (e) {
    if (e instanceof CheckFailed) return { ...id, status: 'failed', reason: e.message, check: e.check };
    const reason = e instanceof Error ? e.message.split('\n')[0] ?? e.name : String(e);
    return { ...id, status: e instanceof LaunchError ? 'skipped' : 'failed', reason };
  }
}

/** Bytes moved per millisecond as GB/s. */
export const gbs = (bytes: number) => (ms: number): Rate => ({ value: bytes / (ms * 1e6), unit: 'GB/s' });
/** Flops per millisecond as TFLOP/s (GFLOP/s below 1 TFLOP/s, so cpu figures stay readable). */
export const flopRate = (flops: number) => (ms: number): Rate => {
  const g = flops / (ms * 1e6);
  return g >= 1000 ? { value: g / 1000, unit: 'TFLOP/s' } : { value: g, unit: 'GFLOP/s' };
};

/**
 * The worst rel. L2 error, over both input sets, of the sampled `rows` of an n×n result C: C is
 * filled with NaN first, so a kernel that leaves part of it unwritten cannot pass.
 */
export async function worstRowsError(
  sets: readonly { c: { write(d: Float32Array): void; read(): Promise<Float32Array> } }[],
  launch: (set: number) => void, rows: readonly number[], n: number, want: ArrayLike<number>,
): Promise<number> {
  let worst = 0;
  for (const [s, set] of sets.entries()) {
    set.c.write(new Float32Array(n * n).fill(NaN));
    launch(s);
    const got = await set.c.read();
    const picked = new Float32Array(rows.length * n);
    rows.forEach((row, r) => picked.set(got.subarray(row * n, row * n + n), r * n));
    worst = Math.max(worst, relL2(picked, want));
  }
  return worst;
}
