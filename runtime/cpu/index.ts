// The cpu device: arrays are host typed arrays and a launch runs the kernel's js-target output
// immediately. It is the reference execution of the kernel language, always available.
import type { ElemType } from '../../core/ir/types.js';
import type { CompiledKernel } from '../../core/output.js';
import { newHostArray } from '../../core/elements.js';
import { BaseArray, BaseDevice, type Dim3Tuple, type LaunchShape } from '../device.js';
import { KernelLoadError, LaunchError } from '../errors.js';
import { kernelKey } from '../kernel-key.js';
import { PORTABLE_LIMITS } from '../limits.js';
import type { DeviceLimits, LaunchArg, TypedArray } from '../types.js';

/** The js target's entry: `new Function(code)()` returns it. */
type JsKernel = (args: (number | boolean | TypedArray)[], grid: Dim3Tuple, block: Dim3Tuple) => void;

class CpuArray extends BaseArray {
  constructor(
    device: CpuDevice,
    type: ElemType,
    readonly data: TypedArray,
  ) {
    super(device, data.length, type);
  }
  protected readImpl(): Promise<TypedArray> {
    return Promise.resolve(this.data.slice());
  }
  protected writeImpl(data: TypedArray): void {
    this.data.set(data);
  }
  protected release(): void {
    /* garbage-collected */
  }
}

// Shared by every cpu device (the function is pure code, independent of the device): per kernel
// object, then per content (kernelKey, not the `hash` field), so equal code loads once.
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
    run = made as JsKernel;
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
    const data = newHostArray(type, length);
    if (init) data.set(init);
    return new CpuArray(this, type, data);
  }

  protected enqueue(kernel: CompiledKernel, shape: LaunchShape, args: readonly LaunchArg[]): void {
    const run = program(kernel);
    const values = args.map((a) => (a instanceof CpuArray ? a.data : (a as number | boolean)));
    try {
      run(values, shape.grid, shape.block);
    } catch (e) {
      throw new Error(`kernel '${kernel.name}' failed on the cpu device: ${(e as Error).message}`, { cause: e });
    }
  }

  async synchronize(): Promise<void> {
    this.assertUsable();
  }

  /** Launches run when queued, so wall-clock time around `work` is the device time. */
  async time(work: () => void | Promise<void>): Promise<number> {
    this.assertUsable();
    const t0 = performance.now();
    await work();
    return performance.now() - t0;
  }

  protected release(): void {
    /* nothing held outside the arrays */
  }
}

export function createCpuDevice(): Promise<CpuDevice> {
  return Promise.resolve(new CpuDevice());
}
