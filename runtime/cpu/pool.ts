// The cpu device's worker threads (Node only): every thread of a launch, the calling one included,
// claims runs of consecutive blocks from a shared counter until none are left, so a thread that
// got cheap blocks takes more (a static split left the kernels' uneven blocks to one thread). The
// calling thread then waits until every worker has counted itself done, so a launch still
// completes before launch() returns (queued launches run in order, read() sees everything). Waits
// spin briefly before sleeping: launches come back to back, and waking a sleeping thread costs
// tens of microseconds. Arrays live in SharedArrayBuffers; each worker gets an array and a kernel's
// code once, by id. A block never spans two threads (shared memory and barriers are per block),
// and no block's result depends on which thread ran it.
import type * as WorkerThreads from 'node:worker_threads';
import type { TypedArray } from '../types.js';
import type { Dim3Tuple } from '../device.js';
import { DeviceError } from '../errors.js';
import { Float16Array, NATIVE_FLOAT16 } from '../../core/elements.js';
import { SPIN_MS, WORKER_SOURCE } from './worker-source.js';

/** The js target's entry over a range of blocks (targets/js/emit.ts). */
export type JsKernel = (
  args: (number | boolean | TypedArray)[],
  grid: Dim3Tuple,
  block: Dim3Tuple,
  first?: number,
  end?: number,
) => void;

interface Message {
  kernel: number;
  code?: string;
  /** [id, buffer, byteOffset, length, constructor name] of arrays the worker has not seen. */
  add: [number, ArrayBufferLike, number, number, string][];
  drop: number[];
  /** Scalars as they are; each array's slot is filled from `refs` ([slot, id, …]). */
  args: (number | boolean | null)[];
  refs: number[];
  grid: Dim3Tuple;
  block: Dim3Tuple;
  /** Blocks per claim. */
  chunk: number;
}

/** How long the calling thread sleeps between checks that its workers are still alive (ms). */
const WAIT_SLICE_MS = 200;

/** A worker's error report as text. */
function describeReply(m: unknown): string {
  const r = m as { name?: unknown; message?: unknown } | null;
  return r && typeof r === 'object' ? `${String(r.name ?? 'Error')}: ${String(r.message ?? '')}` : String(m);
}

/** Claims per thread a launch is cut into (more balances better, each costs a call's setup). */
const CLAIMS_PER_THREAD = 4;

/** Runs claimed block ranges of a launch until the counter passes the last block. */
export function runClaims(ctrl: Int32Array, run: JsKernel, args: (number | boolean | TypedArray)[], grid: Dim3Tuple, block: Dim3Tuple, chunk: number): void {
  const blocks = grid[0] * grid[1] * grid[2];
  for (let first = Atomics.add(ctrl, 2, chunk); first < blocks; first = Atomics.add(ctrl, 2, chunk)) {
    run(args, grid, block, first, Math.min(first + chunk, blocks));
  }
}

class Member {
  readonly kernels = new Set<number>();
  readonly arrays = new Set<number>();
  drop: number[] = [];
  constructor(
    readonly worker: WorkerThreads.Worker,
    readonly port: WorkerThreads.MessagePort,
  ) {}
}

export class CpuPool {
  private readonly members: Member[] = [];
  /** [0]: launch generation (workers wait on it), [1]: workers done with the current launch, [2]: next unclaimed block. */
  private readonly ctrl = new Int32Array(new SharedArrayBuffer(12));
  private readonly kernelIds = new WeakMap<JsKernel, number>();
  private readonly arrayIds = new WeakMap<TypedArray, number>();
  private nextId = 1;
  /** Set once a worker died: the pool is not used again (launches run in the calling thread). */
  broken = false;

  /** `threads` counts the calling thread: threads − 1 workers are started. */
  constructor(
    private readonly wt: typeof WorkerThreads,
    readonly threads: number,
  ) {
    for (let i = 1; i < threads; i++) {
      const { port1, port2 } = new wt.MessageChannel();
      const worker = new wt.Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { port: port2, ctrl: this.ctrl, gen: Atomics.load(this.ctrl, 0) },
        transferList: [port2],
      });
      // An undisposed device must not keep the process alive; dispose() stops the workers.
      worker.unref();
      this.members.push(new Member(worker, port1));
    }
  }

  /**
   * Runs blocks [0, blocks) of a launch over the threads. Throws the first error a thread raised
   * (after every thread has finished, so no block is still running).
   */
  run(run: JsKernel, code: string, args: readonly (number | boolean | TypedArray)[], grid: Dim3Tuple, block: Dim3Tuple): void {
    const blocks = grid[0] * grid[1] * grid[2];
    const parts = Math.min(this.threads, blocks);
    const chunk = Math.max(1, Math.floor(blocks / (parts * CLAIMS_PER_THREAD)));
    const kernel = this.kernelId(run);
    const ctrl = this.ctrl;
    Atomics.store(ctrl, 1, 0);
    Atomics.store(ctrl, 2, 0);
    for (let p = 1; p < parts; p++) {
      const m = this.members[p - 1] as Member;
      m.port.postMessage(this.message(m, kernel, code, args, grid, block, chunk));
    }
    Atomics.add(ctrl, 0, 1);
    Atomics.notify(ctrl, 0);
    let error: string | null = null;
    try {
      runClaims(ctrl, run, args as (number | boolean | TypedArray)[], grid, block, chunk);
    } catch (e) {
      error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      // Nothing more to claim: the workers finish what they hold and stop.
      Atomics.store(ctrl, 2, blocks);
    }
    const spinUntil = performance.now() + SPIN_MS;
    while (Atomics.load(ctrl, 1) < parts - 1 && performance.now() < spinUntil);
    for (let done = Atomics.load(ctrl, 1); done < parts - 1; done = Atomics.load(ctrl, 1)) {
      // Waits in slices: a worker that died (out of memory, killed) never counts itself done, and
      // its threadId reads -1 once it is no longer running.
      if (Atomics.wait(ctrl, 1, done, WAIT_SLICE_MS) === 'timed-out' && this.members.slice(0, parts - 1).some((m) => m.worker.threadId === -1)) {
        this.broken = true;
        throw new DeviceError('a worker thread of the cpu device stopped during a launch; the launch did not complete');
      }
    }
    for (let p = 1; p < parts; p++) {
      const reply = this.wt.receiveMessageOnPort((this.members[p - 1] as Member).port);
      if (reply && error === null) error = describeReply(reply.message);
    }
    if (error !== null) throw new DeviceError(error);
  }

  /** An array was disposed: workers holding it let it go with their next message. */
  forget(data: TypedArray): void {
    const id = this.arrayIds.get(data);
    if (id === undefined) return;
    for (const m of this.members) if (m.arrays.delete(id)) m.drop.push(id);
  }

  /** Stops the workers; the promise settles once every one has exited. */
  close(): Promise<void> {
    for (const m of this.members) m.port.postMessage({ stop: true });
    Atomics.add(this.ctrl, 0, 1);
    Atomics.notify(this.ctrl, 0);
    const exited = Promise.all(this.members.map((m) => m.worker.terminate()));
    this.members.length = 0;
    return exited.then(() => undefined);
  }

  get workers(): number {
    return this.members.length;
  }

  private kernelId(run: JsKernel): number {
    let id = this.kernelIds.get(run);
    if (id === undefined) this.kernelIds.set(run, (id = this.nextId++));
    return id;
  }

  private message(
    m: Member,
    kernel: number,
    code: string,
    args: readonly (number | boolean | TypedArray)[],
    grid: Dim3Tuple,
    block: Dim3Tuple,
    chunk: number,
  ): Message {
    const msg: Message = { kernel, add: [], drop: m.drop, args: [], refs: [], grid, block, chunk };
    m.drop = [];
    if (!m.kernels.has(kernel)) {
      m.kernels.add(kernel);
      msg.code = code;
    }
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as number | boolean | TypedArray;
      if (typeof a !== 'object') {
        msg.args.push(a);
        continue;
      }
      let id = this.arrayIds.get(a);
      if (id === undefined) this.arrayIds.set(a, (id = this.nextId++));
      if (!m.arrays.has(id)) {
        m.arrays.add(id);
        msg.add.push([id, a.buffer, a.byteOffset, a.length, workerCtor(a)]);
      }
      msg.args.push(null);
      msg.refs.push(i, id);
    }
    return msg;
  }
}

/**
 * The typed array a worker rebuilds `a` as, by its global constructor's name. A worker has no
 * polyfill: where the platform lacks Float16Array, an f16 array goes as a Uint16Array over the same
 * bytes, which is how the js target reads and writes f16 elements anyway (through their bits).
 */
function workerCtor(a: TypedArray): string {
  return !NATIVE_FLOAT16 && a instanceof Float16Array ? 'Uint16Array' : a.constructor.name;
}
