// Where a cpu launch runs: in the calling thread, or split over the worker pool. Handing blocks to
// workers costs tens of microseconds, so a launch goes to the pool only when it has two blocks or
// more and its kernel's measured cost per thread (from its earlier launches) says it would run
// longer than PARALLEL_MIN_NS on one thread; a kernel's first launch runs in-thread and is timed.
import type { ElemType } from '../../core/ir/types.js';
import { ELEMENTS, newHostArray } from '../../core/elements.js';
import type { Dim3Tuple } from '../device.js';
import type { TypedArray } from '../types.js';
import { canTeam, CpuPool, type JsKernel } from './pool.js';
import type { Threads } from './threads.js';
import { cpuHeap } from './heap.js';

/** A launch estimated to take at least this long on one thread (ns) runs on the pool. */
export const PARALLEL_MIN_NS = 200_000;

type Values = (number | boolean | TypedArray)[];

export class Launcher {
  private pool: CpuPool | null = null;
  /** Measured nanoseconds per thread of each kernel (a running mean over its launches). */
  private readonly cost = new WeakMap<JsKernel, number>();
  /** Launches that ran on the pool, and those of them that ran as a team (for tests and benchmarks). */
  parallelLaunches = 0;
  teamLaunches = 0;

  constructor(private threads: Threads) {}

  get count(): number {
    return this.threads.count;
  }

  /**
   * A zeroed host array: in the WebAssembly loops' memory where there is one (heap.ts), else in
   * shared memory when workers may touch it.
   */
  hostArray(type: ElemType, length: number): TypedArray {
    const inHeap = cpuHeap()?.array(type, length);
    if (inHeap) return inHeap;
    if (this.threads.count === 1) return newHostArray(type, length);
    const ctor = ELEMENTS[type].host as unknown as new (buffer: SharedArrayBuffer) => TypedArray;
    return new ctor(new SharedArrayBuffer(length * ELEMENTS[type].bytes));
  }

  /** Runs a launch to completion; `inThread` forces the calling thread (debug fault records). */
  run(run: JsKernel, code: string, values: Values, grid: Dim3Tuple, block: Dim3Tuple, inThread: boolean): void {
    const wt = this.threads.wt;
    if (wt === null) {
      run(values, grid, block);
      return;
    }
    const blocks = grid[0] * grid[1] * grid[2];
    const threads = blocks * block[0] * block[1] * block[2];
    const est = this.cost.get(run);
    // Code that takes no block range (five parameters, targets/js/emit.ts) always runs whole; one
    // block goes to the pool only where a team of threads can share it (targets/js/team.ts).
    const parallel = !inThread && (blocks > 1 || canTeam(run)) && run.length >= 5 && est !== undefined && est * threads >= PARALLEL_MIN_NS;
    const t0 = performance.now();
    let parts = 1;
    if (parallel) {
      this.pool ??= new CpuPool(wt, this.threads.count);
      const pool = this.pool;
      try {
        const ran = pool.run(run, code, values, grid, block);
        parts = ran.parts;
        if (ran.team) this.teamLaunches++;
      } finally {
        // A pool that lost a worker is let go; later launches run in the calling thread.
        if (pool.broken) {
          this.closed = pool.close();
          // The other workers may still be finishing blocks: memory disposed meanwhile is given back once they exited.
          const draining = this.closed.then(() => {
            if (this.draining === draining) this.draining = null;
          });
          this.draining = draining;
          this.pool = null;
          this.threads = { count: 1, wt: null };
        }
      }
      this.parallelLaunches++;
    } else {
      run(values, grid, block);
    }
    const ns = ((performance.now() - t0) * 1e6 * parts) / threads;
    this.cost.set(run, est === undefined ? ns : (est + ns) / 2);
  }

  /** A disposed array: workers let it go, and its memory is given back. */
  forget(data: TypedArray): void {
    this.pool?.forget(data);
    const heap = cpuHeap();
    if (heap === null) return;
    if (this.draining) void this.draining.then(() => heap.dispose(data));
    else heap.dispose(data);
  }

  /** Set from a worker's death until the pool's workers have exited. */
  private draining: Promise<void> | null = null;

  /** Settles once the workers have exited (after close()). */
  closed: Promise<void> = Promise.resolve();

  /** Worker threads running now (0 until a launch first needs them, and after close()). */
  get workers(): number {
    return this.pool?.workers ?? 0;
  }

  close(): void {
    if (this.pool) this.closed = this.pool.close();
    this.pool = null;
  }
}
