// How many threads the cpu device runs blocks on, and the Node modules that need. Every core by
// default (os.availableParallelism()); KERNELSCRIPT_CPU_THREADS overrides it, and 1 keeps every
// launch on the calling thread. Browsers always run in-thread: their main thread may not block in
// Atomics.wait, which a launch that completes before launch() returns would need.
import type * as WorkerThreads from 'node:worker_threads';
import type * as Os from 'node:os';
import { envVar, isNode } from '../env.js';
import { DeviceError } from '../errors.js';

export const THREADS_ENV = 'KERNELSCRIPT_CPU_THREADS';

// Computed specifiers: bundlers for the browser must not follow them.
const WORKER_THREADS = 'node:worker_threads';
const OS = 'node:os';

export interface Threads {
  count: number;
  /** node:worker_threads when count > 1. */
  wt: typeof WorkerThreads | null;
}

/** The thread count from the environment (null when unset); throws on a malformed value. */
export function threadsFromEnv(): number | null {
  const raw = envVar(THREADS_ENV);
  if (raw === undefined || raw.trim() === '') return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new DeviceError(`${THREADS_ENV} must be a positive integer, got '${raw}'`);
  return n;
}

/** The most threads per core KERNELSCRIPT_CPU_THREADS may ask for. */
const MAX_THREADS_PER_CORE = 4;

export async function cpuThreads(): Promise<Threads> {
  const set = threadsFromEnv();
  if (!isNode() || set === 1) return { count: 1, wt: null };
  const os = (await import(/* @vite-ignore */ OS)) as typeof Os;
  // More threads than a few per core only cost memory (each worker is a V8 isolate).
  const count = Math.min(set ?? os.availableParallelism(), MAX_THREADS_PER_CORE * os.availableParallelism());
  if (count <= 1) return { count: 1, wt: null };
  return { count, wt: (await import(/* @vite-ignore */ WORKER_THREADS)) as typeof WorkerThreads };
}
