// The cpu device's worker threads (Node only): every thread of a launch, the calling one included,
// claims runs of consecutive blocks from a shared counter until none are left, so a thread that
// got cheap blocks takes more (a static split left the kernels' uneven blocks to one thread). The
// calling thread then waits until every worker has counted itself done, so a launch still
// completes before launch() returns (queued launches run in order, read() sees everything). Waits
// spin briefly before sleeping: launches come back to back, and waking a sleeping thread costs
// tens of microseconds. Arrays live in the WebAssembly memory (heap.ts) or in SharedArrayBuffers;
// each worker gets an array and a kernel's code once, by id. A block never spans two threads (shared memory and barriers are per block),
// and no block's result depends on which thread ran it. A launch of too few blocks to share out
// that way runs as a team where its code allows (targets/js/team.ts): every thread runs every
// block, taking its turn at each region's threads, and the team's barrier stands for the block's.
import type * as WorkerThreads from 'node:worker_threads';
import type { TypedArray } from '../types.js';
import type { Dim3Tuple } from '../device.js';
import { DeviceError } from '../errors.js';
import { Float16Array, NATIVE_FLOAT16 } from '../../core/elements.js';
import { ARENA_BYTES, cpuHeap } from './heap.js';
import { CTRL, SPIN_MS, TEAM_FAIL_SOURCE, TEAM_STOPPED, TEAM_SYNC_SOURCE, WORKER_SOURCE } from './worker-source.js';

type Args = (number | boolean | TypedArray)[];

/** A member's part in a team launch (targets/js/team.ts). */
interface Team {
  p: number;
  parts: number;
  mem: unknown[];
  sync: () => void;
}

/** The js target's entry over a range of blocks (targets/js/emit.ts); a team build's takes a team. */
export type JsKernel = ((args: Args, grid: Dim3Tuple, block: Dim3Tuple, first?: number, end?: number, team?: Team) => void) & {
  /** Team builds: the arrays a team shares, each allocated by `make` (`site` numbers the code's allocations). */
  memory?: (args: Args, grid: Dim3Tuple, block: Dim3Tuple, make: (site: number, ctor: TypedArrayCtor, length: number) => unknown) => unknown[];
};

type TypedArrayCtor = (new (buffer: SharedArrayBuffer, offset: number, length: number) => unknown) & { name: string; BYTES_PER_ELEMENT: number };

/** Whether the kernel's code can run one block on several threads (targets/js/team.ts). */
export const canTeam = (run: JsKernel): boolean => run.length >= 6 && typeof run.memory === 'function';

/** A team's shared arrays as the pool sent them (by id) for one kernel and their sizes (key). */
interface TeamMemory {
  id: number;
  key: string;
  arrays: unknown[];
  /** Where the arrays are in the WebAssembly memory (heap.ts), as workers rebuild them; else null. */
  heap: [string, number, number][] | null;
}

interface Message {
  kernel: number;
  code?: string;
  /** [id, buffer (null: the WebAssembly memory, heap.ts), byteOffset, length, constructor name] of arrays the worker has not seen. */
  add: [number, ArrayBufferLike | null, number, number, string][];
  drop: number[];
  /** Scalars as they are; each array's slot is filled from `refs` ([slot, id, …]). */
  args: (number | boolean | null)[];
  refs: number[];
  grid: Dim3Tuple;
  block: Dim3Tuple;
  /** Blocks per claim. */
  chunk: number;
  /**
   * A team launch: the member's number, the team's size, its memory (by id; the arrays the first
   * time, or where they are in the WebAssembly memory, [constructor name, byteOffset, length] each).
   */
  team?: { p: number; parts: number; id: number; mem?: unknown[]; heap?: [string, number, number][] };
  dropTeams: number[];
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
export function runClaims(ctrl: Int32Array, run: JsKernel, args: Args, grid: Dim3Tuple, block: Dim3Tuple, chunk: number): void {
  const blocks = grid[0] * grid[1] * grid[2];
  for (let first = Atomics.add(ctrl, CTRL.next, chunk); first < blocks; first = Atomics.add(ctrl, CTRL.next, chunk)) {
    run(args, grid, block, first, Math.min(first + chunk, blocks));
  }
}

class Member {
  readonly kernels = new Set<number>();
  readonly arrays = new Set<number>();
  readonly teams = new Set<number>();
  drop: number[] = [];
  dropTeams: number[] = [];
  constructor(
    readonly worker: WorkerThreads.Worker,
    readonly port: WorkerThreads.MessagePort,
    /** Whether the worker has the WebAssembly memory (heap.ts): its arrays there go by offset. */
    readonly heap: boolean,
  ) {}
}

export class CpuPool {
  private readonly members: Member[] = [];
  /** Control words (worker-source.ts CTRL). */
  private readonly ctrl = new Int32Array(new SharedArrayBuffer(CTRL.words * 4));
  private readonly kernelIds = new WeakMap<JsKernel, number>();
  private readonly teams = new WeakMap<JsKernel, TeamMemory>();
  /** The calling thread's side of a team's barrier, and what marks a team launch failed. */
  private readonly teamSync: () => void;
  private readonly teamFail: () => void;
  private readonly arrayIds = new WeakMap<TypedArray, number>();
  private nextId = 1;
  /** Set once a worker died: the pool is not used again (launches run in the calling thread). */
  broken = false;
  /** Each worker's part of the WebAssembly memory (heap.ts ARENA_BYTES), given back once it exited. */
  private readonly arenas: number[] = [];

  /** `threads` counts the calling thread: threads − 1 workers are started. */
  constructor(
    private readonly wt: typeof WorkerThreads,
    readonly threads: number,
  ) {
    const heap = cpuHeap();
    for (let i = 1; i < threads; i++) {
      const { port1, port2 } = new wt.MessageChannel();
      const arena = heap?.allocate(ARENA_BYTES) ?? -1;
      if (arena >= 0) this.arenas.push(arena);
      const memory = arena >= 0 ? heap?.memory : undefined;
      const worker = new wt.Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { port: port2, ctrl: this.ctrl, gen: Atomics.load(this.ctrl, 0), memory, arena },
        transferList: [port2],
      });
      // An undisposed device must not keep the process alive; dispose() stops the workers.
      worker.unref();
      this.members.push(new Member(worker, port1, arena >= 0));
    }
    // Built from the source the workers run, so both sides keep one protocol.
    const sync = new Function(`${TEAM_SYNC_SOURCE}; return teamSync;`)() as (ctrl: Int32Array, parts: number, alive: () => void) => () => void;
    this.teamSync = sync(this.ctrl, threads, () => this.checkAlive(this.members.length));
    const fail = new Function(`${TEAM_FAIL_SOURCE}; return teamFail;`)() as (ctrl: Int32Array) => void;
    this.teamFail = () => fail(this.ctrl);
  }

  /** Throws (and retires the pool) if one of the first `n` workers is no longer running. */
  private checkAlive(n: number): void {
    // A worker's threadId reads -1 once it is no longer running (out of memory, killed).
    if (this.members.slice(0, n).some((m) => m.worker.threadId === -1)) {
      this.broken = true;
      throw new DeviceError('a worker thread of the cpu device stopped during a launch; the launch did not complete');
    }
  }


  /**
   * Runs blocks [0, blocks) of a launch over the threads, and says how many ran it and whether as a
   * team. Throws the first error a thread raised (after every thread has finished, so no block is
   * still running).
   */
  run(run: JsKernel, code: string, args: readonly (number | boolean | TypedArray)[], grid: Dim3Tuple, block: Dim3Tuple): { parts: number; team: boolean } {
    const blocks = grid[0] * grid[1] * grid[2];
    // A launch of fewer blocks than threads runs as a team where the code allows: claiming would leave threads idle.
    const team = canTeam(run) && blocks < this.threads ? this.teamMemory(run, args as Args, grid, block) : null;
    const parts = team ? this.threads : Math.min(this.threads, blocks);
    const chunk = Math.max(1, Math.floor(blocks / (parts * CLAIMS_PER_THREAD)));
    const kernel = this.kernelId(run);
    const ctrl = this.ctrl;
    Atomics.store(ctrl, CTRL.done, 0);
    Atomics.store(ctrl, CTRL.next, 0);
    Atomics.store(ctrl, CTRL.arrived, 0);
    Atomics.store(ctrl, CTRL.failed, 0);
    for (let p = 1; p < parts; p++) {
      const m = this.members[p - 1] as Member;
      const msg = this.message(m, kernel, code, args, grid, block, chunk);
      if (team) {
        msg.team = { p, parts, id: team.id, ...(m.teams.has(team.id) ? {} : team.heap ? { heap: team.heap } : { mem: team.arrays }) };
        m.teams.add(team.id);
      }
      m.port.postMessage(msg);
    }
    Atomics.add(ctrl, CTRL.gen, 1);
    Atomics.notify(ctrl, CTRL.gen);
    let error: string | null = null;
    try {
      if (team) {
        run(args as Args, grid, block, 0, blocks, { p: 0, parts, mem: team.arrays, sync: this.teamSync });
      } else runClaims(ctrl, run, args as Args, grid, block, chunk);
    } catch (e) {
      // Nothing more to claim: the workers finish what they hold and stop (a team's at its next barrier).
      Atomics.store(ctrl, CTRL.next, blocks);
      if (team) this.teamFail();
      if (this.broken) throw e;
      error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    const spinUntil = performance.now() + SPIN_MS;
    while (Atomics.load(ctrl, CTRL.done) < parts - 1 && performance.now() < spinUntil);
    for (let done = Atomics.load(ctrl, CTRL.done); done < parts - 1; done = Atomics.load(ctrl, CTRL.done)) {
      // Waits in slices: a worker that died never counts itself done.
      if (Atomics.wait(ctrl, CTRL.done, done, WAIT_SLICE_MS) === 'timed-out') this.checkAlive(parts - 1);
    }
    const errors = error === null ? [] : [error];
    for (let p = 1; p < parts; p++) {
      const reply = this.wt.receiveMessageOnPort((this.members[p - 1] as Member).port);
      if (reply) errors.push(describeReply(reply.message));
    }
    // A member that stopped because another failed reports that failure, not its own stop.
    const first = errors.find((e) => !e.endsWith(TEAM_STOPPED)) ?? errors[0];
    if (first !== undefined) throw new DeviceError(first);
    return { parts, team: team !== null };
  }

  /**
   * The arrays a team shares for this launch of `run`, in one SharedArrayBuffer: kept per kernel
   * and reused while their sizes stay the same (the workers keep them by id).
   */
  private teamMemory(run: JsKernel, args: Args, grid: Dim3Tuple, block: Dim3Tuple): TeamMemory {
    const memory = run.memory;
    if (!memory) throw new DeviceError('internal: a team launch of code without team memory');
    const sizes: [TypedArrayCtor, number][] = [];
    memory(args, grid, block, (_site, ctor, length) => sizes.push([ctor, length]));
    const key = sizes.map(([c, n]) => `${c.name}:${n}`).join(',');
    const old = this.teams.get(run);
    if (old?.key === key) return old;
    const mem = { id: this.nextId++, key, ...this.teamArrays(run, args, grid, block, sizes) };
    this.teams.set(run, mem);
    if (old) {
      for (const m of this.members) if (m.teams.delete(old.id)) m.dropTeams.push(old.id);
    }
    return mem;
  }

  /**
   * A team's arrays: in the WebAssembly memory where every worker has it (the code's WebAssembly
   * loops then read them there), else in one SharedArrayBuffer.
   */
  private teamArrays(run: JsKernel, args: Args, grid: Dim3Tuple, block: Dim3Tuple, sizes: [TypedArrayCtor, number][]): Pick<TeamMemory, 'arrays' | 'heap'> {
    const memory = run.memory as NonNullable<JsKernel['memory']>;
    const heap = cpuHeap();
    if (heap && this.members.every((m) => m.heap)) {
      const arrays = sizes.map(([c, n]) => heap.arrayOf(c as unknown as Parameters<typeof heap.arrayOf>[0], n));
      if (arrays.every((a) => a !== null)) {
        let i = 0;
        const made = memory(args, grid, block, () => arrays[i++]);
        return { arrays: made, heap: (made as TypedArray[]).map((a) => [workerCtor(a), a.byteOffset, a.length]) };
      }
    }
    // Each array starts on an 8-byte boundary, as every element type needs.
    const bytes = (c: TypedArrayCtor, n: number): number => Math.ceil((c.BYTES_PER_ELEMENT * n) / 8) * 8;
    const buffer = new SharedArrayBuffer(sizes.reduce((sum, [c, n]) => sum + bytes(c, n), 0));
    let offset = 0;
    const arrays = memory(args, grid, block, (_site, ctor, length) => {
      const a = new ctor(buffer, offset, length);
      offset += bytes(ctor, length);
      return a;
    });
    return { arrays, heap: null };
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
    const exited = Promise.allSettled(this.members.map((m) => m.worker.terminate()));
    this.members.length = 0;
    const arenas = this.arenas.splice(0);
    return exited.then(() => {
      for (const a of arenas) cpuHeap()?.release(a);
    });
  }

  get workers(): number {
    return this.members.length;
  }

  /** Code the workers linked to the WebAssembly memory (heap.ts), over the pool's life (tests). */
  get linked(): number {
    return Atomics.load(this.ctrl, CTRL.linked);
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
    const msg: Message = { kernel, add: [], drop: m.drop, dropTeams: m.dropTeams, args: [], refs: [], grid, block, chunk };
    m.drop = [];
    m.dropTeams = [];
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
        msg.add.push([id, m.heap && cpuHeap()?.thread.has(a) ? null : a.buffer, a.byteOffset, a.length, workerCtor(a)]);
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
