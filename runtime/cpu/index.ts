// The cpu device: arrays are host typed arrays and a launch runs the kernel's js-target output
// immediately, its blocks spread over worker threads where that pays (launcher.ts). It is the
// reference execution of the kernel language, always available.
import type { ElemType } from '../../core/ir/types.js';
import type { CompiledKernel } from '../../core/output.js';
import type { MatrixSupport } from '../../core/matrix.js';
import { BaseArray, BaseDevice, type LaunchShape } from '../device.js';
import { DeviceError, KernelLoadError, LaunchError } from '../errors.js';
import { faultOf, newFaultRecord } from '../fault.js';
import { newRaceRecord, raceOf } from '../race.js';
import { decodeLog } from '../log.js';
import { kernelKey } from '../kernel-key.js';
import { PORTABLE_LIMITS } from '../limits.js';
import type { DeviceLimits, LaunchArg, TypedArray } from '../types.js';
import { Launcher } from './launcher.js';
import type { JsKernel } from './pool.js';
import { cpuThreads, type Threads } from './threads.js';
import { cpuHeap } from './heap.js';


class CpuArray extends BaseArray {
  constructor(
    device: CpuDevice,
    type: ElemType,
    readonly data: TypedArray,
  ) {
    super(device, data.length, type);
  }
  protected readImpl(): Promise<TypedArray> {
    this.device.flushLog();
    this.device.throwFault();
    return Promise.resolve(this.data.slice());
  }
  protected writeImpl(data: TypedArray): void {
    this.data.set(data);
  }
  protected release(): void {
    // Garbage-collected; workers that hold it are told to let it go.
    (this.device as CpuDevice).launcher.forget(this.data);
  }
}

// Shared by every cpu device (the function depends on no device; the scratch it keeps between
// calls, targets/js/scratch.ts, is reused by one launch at a time): per kernel object, then per
// content (kernelKey, not the `hash` field), so equal code loads once.
const byKernel = new WeakMap<CompiledKernel, JsKernel>();
const programs = new Map<string, JsKernel>();

function program(k: CompiledKernel): JsKernel {
  let run = byKernel.get(k);
  if (run) return run;
  const key = kernelKey(k);
  run = programs.get(key);
  if (!run) {
    let made: unknown;
    try {
      made = new Function(k.code)();
    } catch (e) {
      throw new KernelLoadError(`kernel '${k.name}': its js code does not load: ${(e as Error).message}`, { cause: e });
    }
    if (typeof made !== 'function') throw new KernelLoadError(`kernel '${k.name}': its js code does not return a function`);
    // Its WebAssembly loops, if any, read the arrays in the device memory (heap.ts).
    run = cpuHeap()?.thread.link(made as JsKernel) ?? (made as JsKernel);
    programs.set(key, run);
  }
  byKernel.set(k, run);
  return run;
}

/**
 * The most threads one cpu launch may run: one to ten seconds of the simplest kernel on one core
 * (100 million to a billion threads a second, depending on the block size). CUDA accepts grids of
 * 2^31 - 1 blocks, which would run here for hours while blocking the process (a launch runs
 * synchronously), so such launches are refused up front.
 */
export const CPU_MAX_THREADS_PER_LAUNCH = 2 ** 30;

export class CpuDevice extends BaseDevice {
  readonly backend = 'cpu' as const;
  readonly target = 'js' as const;
  readonly name = 'JavaScript (cpu)';
  // The portable limits (CUDA's), so a launch valid here is valid on a GPU.
  readonly limits: DeviceLimits = {
    maxThreadsPerBlock: PORTABLE_LIMITS.maxThreadsPerBlock,
    maxBlockDim: [...PORTABLE_LIMITS.maxBlockDim],
    maxGridDim: [...PORTABLE_LIMITS.maxGridDim],
    maxSharedBytes: 48 * 1024,
  };
  /** Matrix operations are emulated (targets/js/matrix.ts), so they always run here. */
  readonly matrix: MatrixSupport = { ok: true };
  /** Runs launches in-thread or on the worker pool. */
  readonly launcher: Launcher;

  constructor(threads: Threads = { count: 1, wt: null }) {
    super();
    this.launcher = new Launcher(threads);
  }

  /** Threads launches may run on (KERNELSCRIPT_CPU_THREADS, else every core; 1 in browsers). */
  get threads(): number {
    return this.launcher.count;
  }

  /** Refuses launches too large to finish here (see CPU_MAX_THREADS_PER_LAUNCH). */
  protected override checkShape(kernel: CompiledKernel, shape: LaunchShape): void {
    super.checkShape(kernel, shape);
    const { grid, block } = shape;
    const threads = grid[0] * grid[1] * grid[2] * block[0] * block[1] * block[2];
    if (threads > CPU_MAX_THREADS_PER_LAUNCH) {
      throw new LaunchError(
        `kernel '${kernel.name}': grid [${grid.join(', ')}] × block [${block.join(', ')}] is ${threads} threads; ` +
          `the cpu device runs at most 2^30 (${CPU_MAX_THREADS_PER_LAUNCH}) per launch (use a GPU backend, or a grid-stride loop)`,
      );
    }
  }

  protected createArray(type: ElemType, length: number, init: TypedArray | null): BaseArray {
    const data = this.launcher.hostArray(type, length);
    if (init) data.set(init);
    return new CpuArray(this, type, data);
  }

  protected enqueue(kernel: CompiledKernel, shape: LaunchShape, args: readonly LaunchArg[]): void {
    const run = program(kernel);
    const values = args.map((a) => (a instanceof CpuArray ? a.data : (a as number | boolean)));
    // A debug build takes a fault record after its arguments; it is read as soon as the launch ran.
    const rec = kernel.meta.debug ? newFaultRecord() : null;
    if (rec) values.push(rec);
    const races = newRaceRecord(kernel);
    if (races) values.push(races);
    // A printing kernel's log buffer comes last; such kernels run on this thread (the code keeps
    // the buffer as module state), and their lines wait for the next synchronize()/read().
    const log = kernel.meta.prints ? new Uint32Array(this.logBytes / Uint32Array.BYTES_PER_ELEMENT) : null;
    if (log) values.push(log);
    try {
      this.launcher.run(run, kernel.code, values, shape.grid, shape.block, rec !== null || log !== null || addsFloatsAtomically(kernel));
    } catch (e) {
      throw new DeviceError(`kernel '${kernel.name}' failed on the cpu device: ${(e as Error).message}`, { cause: e });
    }
    if (log) this.noteLog(decodeLog(kernel, log));
    if (rec) this.noteFault(faultOf(kernel, rec) ?? raceOf(kernel, races));
  }

  async synchronize(): Promise<void> {
    this.assertUsable();
    this.flushLog();
    this.throwFault();
  }

  /** Launches run when queued, so wall-clock time around `work` is the device time. */
  async time(work: () => void | Promise<void>): Promise<number> {
    this.assertUsable();
    const t0 = performance.now();
    await work();
    return performance.now() - t0;
  }

  protected release(): void {
    this.launcher.close();
  }
}

export async function createCpuDevice(): Promise<CpuDevice> {
  return new CpuDevice(await cpuThreads());
}

/**
 * Whether the kernel adds into a global f32 array atomically. f32 addition is not associative, so
 * such a sum depends on the order of the adds: run on one thread, blocks go in order and the cpu
 * backend (every other backend's reference) gives the same bits every time.
 */
function addsFloatsAtomically(kernel: CompiledKernel): boolean {
  return kernel.meta.atomicParams.some((name) => kernel.params.find((p) => p.name === name)?.type === 'f32');
}
