// The device interface every backend implements. Devices never build source strings: they take
// CompiledKernel objects from the compiler (ahead of time or through the JIT hook).
import type { ElemType } from '../core/ir/types.js';
import type { CompiledKernel } from '../core/output.js';
import type { HostArrays, TypedArray, TypedArrayCtor } from '../core/elements.js';
import type { Kernel, KernelFn } from '../core/kernel.js';
import type { MatrixSupport } from '../core/matrix.js';

export type Backend = 'cuda' | 'webgpu' | 'cpu';
export type BackendChoice = Backend | 'auto';

export type { TypedArray, TypedArrayCtor };

/** A grid or block shape: a number, or [x, y?, z?]. */
export type Dim3 = number | readonly [number, number?, number?];

export interface LaunchConfig {
  grid: Dim3;
  block: Dim3;
}

/** An array that lives on a device. */
export interface DeviceArray<T extends TypedArray = TypedArray> {
  readonly device: Device;
  readonly length: number;
  readonly type: ElemType;
  readonly disposed: boolean;
  /** Copies the contents back to the host, after every queued launch that writes it. */
  read(): Promise<T>;
  /** Replaces the contents (same length), ordered after queued launches. */
  write(data: T): void;
  dispose(): void;
}

export interface DeviceOptions {
  backend?: BackendChoice;
  /**
   * Debug mode: kernels are compiled with every array access bounds-checked, and the first
   * out-of-bounds access throws a KernelFaultError at the next synchronize()/read(). Default:
   * KERNELSCRIPT_DEBUG=1 in the environment (Node), else false.
   */
  debug?: boolean;
  /**
   * Where the lines kernels print with console.log go, one call per line (default: console.log).
   * The webgpu and cpu backends write them at the synchronize()/read() after the launch; CUDA's
   * printf writes to the process's stdout itself and does not use it.
   */
  log?: (line: string) => void;
  /** Bytes of the log buffer each printing launch gets on webgpu and cpu (default 65536); records beyond it are dropped and counted. */
  logBytes?: number;
}

export interface DeviceLimits {
  maxThreadsPerBlock: number;
  maxBlockDim: [number, number, number];
  maxGridDim: [number, number, number];
  maxSharedBytes: number;
}

/** What a launch accepts for one kernel parameter. */
export type LaunchArg = number | boolean | DeviceArray;

export interface Device {
  readonly backend: Backend;
  /** Human-readable adapter / GPU name. */
  readonly name: string;
  readonly limits: DeviceLimits;
  /** Whether kernels run bounds-checked (see DeviceOptions.debug). */
  readonly debug: boolean;
  /**
   * Lanes per warp that warp operations see (warpSize in kernels): 32 on cuda and cpu, the subgroup
   * size on webgpu; null on a webgpu device without subgroups. Kernels using warp operations need
   * blockDim.x to be a multiple of it.
   */
  readonly warpSize: number | null;
  /**
   * Whether kernels with matrix operations (matrixMma…, core/matrix.ts) run here, and when not, why:
   * cpu always (emulated), cuda from compute capability 7.0, webgpu where the adapter offers subgroup
   * matrices of f16 × f16 + f32 at 16×16×16. Launching such a kernel where not is a LaunchError (KS4065).
   */
  readonly matrix: MatrixSupport;
  array<T extends TypedArray>(data: T): DeviceArray<T>;
  alloc<T extends TypedArray>(type: TypedArrayCtor<T>, length: number): DeviceArray<T>;
  /**
   * Queues a launch of a kernel (compiled for this device on first use) or of a compiled kernel;
   * checked like launchCompiled. One signature, not overloads: a mismatch is then reported at the
   * wrong argument, where tsc 7 would blame the kernel for failing the last overload.
   */
  launch<K extends Kernel | CompiledKernel>(kernel: K, config: LaunchConfig, ...args: KernelArgs<K>): void;
  /** Queues a launch; throws before queueing anything if the arguments do not fit the kernel. */
  launchCompiled(kernel: CompiledKernel, config: LaunchConfig, args: readonly LaunchArg[]): void;
  synchronize(): Promise<void>;
  /** Runs `work` (which queues launches) and returns the device time it took, in milliseconds. */
  time(work: () => void | Promise<void>): Promise<number>;
  dispose(): void;
}

/** Host-side typing of launch arguments: arrays become device arrays of the same element type. */
export type LaunchArgs<F extends KernelFn> = DeviceArgs<Parameters<F>>;
/** What launch accepts after a kernel: its typed arguments, or any LaunchArg for a compiled kernel. */
// Not distributive: a `never` kernel would otherwise take no argument list at all.
export type KernelArgs<K> = [K] extends [Kernel<infer F>] ? LaunchArgs<F> : LaunchArg[];
// Mapping over a type parameter (not over `Parameters<F>` directly) keeps the result a tuple.
type DeviceArgs<P extends unknown[]> = {
  [K in keyof P]: P[K] extends TypedArray ? DeviceArrayOf<P[K]> : P[K];
};
/** The device array of a host array's element type, one HostArrays row each. */
type DeviceArrayOf<A> = { [E in ElemType]: A extends HostArrays[E] ? DeviceArray<HostArrays[E]> : never }[ElemType];
