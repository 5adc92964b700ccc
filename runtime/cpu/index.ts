// The cpu device: arrays are host typed arrays and a launch runs the kernel's js-target output
// immediately. It is the reference execution of the kernel language, always available.
import type { ElemType } from '../../compiler/ir/types.js';
import type { CompiledKernel } from '../../compiler/output.js';
import { BaseArray, BaseDevice, newTyped, type Dim3Tuple, type LaunchShape } from '../device.js';
import type { DeviceLimits, LaunchArg, TypedArray } from '../types.js';

/** The js target's entry: `new Function(code)()` returns it. */
type JsKernel = (args: (number | boolean | TypedArray)[], grid: Dim3Tuple, block: Dim3Tuple) => void;

class CpuArray extends BaseArray {
  constructor(
    device: CpuDevice,
    readonly data: TypedArray,
  ) {
    super(device, data.length, elemOf(data));
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

function elemOf(a: TypedArray): ElemType {
  return a instanceof Float32Array ? 'f32' : a instanceof Int32Array ? 'i32' : 'u32';
}

// Per-hash cache shared by every cpu device: the function is pure code, independent of the device.
const programs = new Map<string, JsKernel>();

function program(k: CompiledKernel): JsKernel {
  let run = programs.get(k.hash);
  if (!run) {
    let made: unknown;
    try {
      made = new Function(k.code)();
    } catch (e) {
      throw new Error(`kernel '${k.name}': its js code does not load: ${(e as Error).message}`, { cause: e });
    }
    if (typeof made !== 'function') throw new Error(`kernel '${k.name}': its js code does not return a function`);
    run = made as JsKernel;
    programs.set(k.hash, run);
  }
  return run;
}

export class CpuDevice extends BaseDevice {
  readonly backend = 'cpu' as const;
  readonly target = 'js' as const;
  readonly name = 'JavaScript (cpu)';
  // The same limits as CUDA devices, so a launch valid here is valid on a GPU.
  readonly limits: DeviceLimits = {
    maxThreadsPerBlock: 1024,
    maxBlockDim: [1024, 1024, 64],
    maxGridDim: [2 ** 31 - 1, 65535, 65535],
    maxSharedBytes: 48 * 1024,
  };

  protected createArray(type: ElemType, length: number, init: TypedArray | null): BaseArray {
    const data = newTyped(type, length);
    if (init) data.set(init);
    return new CpuArray(this, data);
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
