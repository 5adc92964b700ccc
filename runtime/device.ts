// The part of every device that does not depend on the backend: argument and shape checking,
// array bookkeeping and disposal. A backend subclasses BaseDevice and BaseArray and fills in
// memory (createArray, readImpl/writeImpl/release), `enqueue` and `synchronize`/`time`.
import type { ElemType, ScalarType } from '../core/ir/types.js';
import { ELEMENTS, arrayTypeList, elementBytes, elementOfArray, elementOfCtor } from '../core/elements.js';
import type { CompiledKernel, ParamInfo, Target } from '../core/output.js';
import { DeviceError, LaunchError, describe, type KernelCheckError } from './errors.js';
import { WARPS_OF_32, warpLaunchProblem, type WarpSupport } from './warp.js';
import { matrixLaunchError } from './matrix.js';
import type { MatrixSupport } from '../core/matrix.js';
import { resolveKernel } from './jit.js';
import { checkDynamicShared } from './shared-memory.js';
import { consoleSink, type LogSink } from './log.js';
import { DEFAULT_LOG_BYTES } from '../core/printf.js';
import { isKernel, type Kernel, type KernelFn } from '../core/kernel.js';
import type { LaunchArgs } from './types.js';
import type {
  Backend,
  Device,
  DeviceArray,
  DeviceLimits,
  Dim3,
  LaunchArg,
  LaunchConfig,
  TypedArray,
  TypedArrayCtor,
} from './types.js';

export type Dim3Tuple = [number, number, number];

/** A launch shape after normalisation and checking. */
export interface LaunchShape {
  grid: Dim3Tuple;
  block: Dim3Tuple;
}

export abstract class BaseArray<T extends TypedArray = TypedArray> implements DeviceArray<T> {
  private isDisposed = false;

  constructor(
    readonly device: BaseDevice,
    readonly length: number,
    readonly type: ElemType,
  ) {}

  get disposed(): boolean {
    return this.isDisposed;
  }

  get byteLength(): number {
    return elementBytes(this.type, this.length);
  }

  /** `Float32Array(1000)`, for messages. */
  get label(): string {
    return `${ELEMENTS[this.type].host.name}(${this.length})`;
  }

  async read(): Promise<T> {
    this.assertUsable('read');
    const data = await this.readImpl();
    // A read settles after the work queued before it; if the array was disposed meanwhile, its
    // contents are gone (on cuda the memory may already hold another array): no data, an error.
    this.assertNotDisposedDuringRead();
    return data as T;
  }

  write(data: T): void {
    this.assertUsable('write');
    const type = elementOfArray(data);
    if (type !== this.type || data.length !== this.length) {
      throw new TypeError(`write(): this device array is a ${this.label}, got ${describe(data)}`);
    }
    this.writeImpl(data);
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.device.forget(this);
    this.release();
  }

  assertUsable(op: string): void {
    if (this.isDisposed) throw new DeviceError(`cannot ${op} a disposed device array ${this.label}`);
    this.device.assertUsable();
  }

  /** For backends whose readImpl waits before copying: call after the wait, before touching memory. */
  protected assertNotDisposedDuringRead(): void {
    if (this.isDisposed) throw new DeviceError(`the device array ${this.label} was disposed before read() completed`);
    this.device.assertUsable();
  }

  protected abstract readImpl(): Promise<TypedArray>;
  protected abstract writeImpl(data: TypedArray): void;
  /** Frees the memory; called once. */
  protected abstract release(): void;
}

export abstract class BaseDevice implements Device {
  abstract readonly backend: Backend;
  /** The compiler target whose output this device runs. */
  abstract readonly target: Target;
  abstract readonly name: string;
  abstract readonly limits: DeviceLimits;
  /** Whether kernels with matrix operations run here (Device.matrix). */
  abstract readonly matrix: MatrixSupport;

  private readonly live = new Set<BaseArray>();
  private isDisposed = false;
  private debugMode = false;
  /** The first fault of a debug launch not yet thrown (backends that learn of faults as they run). */
  private pendingFault: KernelCheckError | null = null;
  /** Why the device can no longer be used (lost, or an unrecoverable error); null while healthy. */
  protected broken: string | null = null;

  get disposed(): boolean {
    return this.isDisposed;
  }

  get debug(): boolean {
    return this.debugMode;
  }

  /** Debug mode (DeviceOptions.debug): set by createDevice before the device is handed out. */
  setDebug(on: boolean): void {
    this.debugMode = on;
  }

  /** Where printed lines go, and each launch's log buffer size (DeviceOptions.log, logBytes). */
  private logSink: LogSink = consoleSink;
  /** Bytes of the log buffer a printing launch gets (webgpu and cpu). */
  logBytes = DEFAULT_LOG_BYTES;
  /** Lines printed by launches that ran, written by the next synchronize()/read(). */
  private pendingLines: string[] = [];

  /** The log sink and buffer size (DeviceOptions): set by createDevice before the device is handed out. */
  setLog(sink: LogSink | undefined, bytes: number | undefined): void {
    if (sink) this.logSink = sink;
    if (bytes !== undefined) this.logBytes = bytes;
  }

  /** Keeps lines a launch printed for the next flushLog(). */
  noteLog(lines: readonly string[]): void {
    for (const l of lines) this.pendingLines.push(l);
  }

  /** Writes the waiting lines to the sink, in launch order. */
  flushLog(): void {
    const lines = this.pendingLines;
    if (lines.length === 0) return;
    this.pendingLines = [];
    for (const l of lines) this.logSink(l);
  }

  /** Keeps `f` to be thrown by the next synchronize()/read(), unless an earlier fault waits. */
  noteFault(f: KernelCheckError | null): void {
    this.pendingFault ??= f;
  }

  /** Throws the waiting fault, if any, and forgets it: the device stays usable. */
  throwFault(): void {
    const f = this.pendingFault;
    if (f) {
      this.pendingFault = null;
      throw f;
    }
  }

  /** Largest array length, in elements of `type`, this device can hold. */
  protected maxArrayLength(_type: ElemType): number {
    return 2 ** 31 - 1;
  }

  array<T extends TypedArray>(data: T): DeviceArray<T> {
    this.assertUsable();
    const type = elementOfArray(data);
    if (!type) throw new TypeError(`array(): expected a ${arrayTypeList()}, got ${describe(data)}`);
    this.checkLength(type, data.length, 'array()');
    return this.track(this.createArray(type, data.length, data)) as unknown as DeviceArray<T>;
  }

  alloc<T extends TypedArray>(ctor: TypedArrayCtor<T>, length: number): DeviceArray<T> {
    this.assertUsable();
    const type = elementOfCtor(ctor);
    if (!type) throw new TypeError(`alloc(): expected ${arrayTypeList()} as the type, got ${describe(ctor)}`);
    this.checkLength(type, length, 'alloc()');
    return this.track(this.createArray(type, length, null)) as unknown as DeviceArray<T>;
  }

  /** Queues a launch of a kernel (compiled for this device's target on first use). */
  launch<F extends KernelFn>(kernel: Kernel<F>, config: LaunchConfig, ...args: LaunchArgs<F>): void;
  launch(kernel: CompiledKernel, config: LaunchConfig, ...args: LaunchArg[]): void;
  launch(kernel: Kernel | CompiledKernel, config: LaunchConfig, ...args: unknown[]): void {
    if (!isKernel(kernel) && !isCompiledKernel(kernel)) {
      throw new LaunchError(`launch(): expected a kernel(...) object or a compiled kernel, got ${describe(kernel)}`);
    }
    this.assertUsable();
    this.launchCompiled(resolveKernel(kernel, this.target, this.debugMode), config, args as LaunchArg[]);
  }

  launchCompiled(kernel: CompiledKernel, config: LaunchConfig, args: readonly LaunchArg[]): void {
    this.assertUsable();
    if (kernel.target !== this.target) {
      throw new LaunchError(`kernel '${kernel.name}' was compiled for ${kernel.target}, but this device runs ${this.target}`);
    }
    if (this.debugMode && !kernel.meta.debug) {
      throw new LaunchError(
        `kernel '${kernel.name}' is a default build, but this device is in debug mode, where every array access is checked: ` +
          `compile it with { debug: true }, or pass the kernel(...) object`,
      );
    }
    if (typeof config !== 'object' || config === null) {
      throw new LaunchError(`kernel '${kernel.name}': the launch config must be { grid, block }, got ${describe(config)}`);
    }
    const shape: LaunchShape = {
      grid: normaliseDim(config.grid, 'grid', kernel.name),
      block: normaliseDim(config.block, 'block', kernel.name),
    };
    this.checkShape(kernel, shape);
    this.checkArgs(kernel, args);
    this.enqueue(kernel, shape, args);
  }

  abstract synchronize(): Promise<void>;
  abstract time(work: () => void | Promise<void>): Promise<number>;

  dispose(): void {
    if (this.isDisposed) return;
    for (const a of [...this.live]) a.dispose();
    this.isDisposed = true;
    this.release();
  }

  assertUsable(): void {
    if (this.isDisposed) throw new DeviceError(`the ${this.backend} device has been disposed`);
    if (this.broken !== null) throw new DeviceError(`the ${this.backend} device is unusable: ${this.broken}`);
  }

  /** Called by an array when it is disposed. */
  forget(a: BaseArray): void {
    this.live.delete(a);
  }

  /** Number of arrays allocated and not yet disposed (for leak checks). */
  get liveArrays(): number {
    return this.live.size;
  }

  protected abstract createArray(type: ElemType, length: number, init: TypedArray | null): BaseArray;
  /** Queues (or runs) a launch whose shape and arguments are already checked. */
  protected abstract enqueue(kernel: CompiledKernel, shape: LaunchShape, args: readonly LaunchArg[]): void;
  /** Frees the device itself; arrays are already disposed. Called once. */
  protected abstract release(): void;

  /** Checks a shape against `limits`; backends with extra rules override and call super. */
  protected checkShape(kernel: CompiledKernel, { grid, block }: LaunchShape): void {
    // Messages are built only on failure: this runs on every launch.
    const lim = this.limits;
    const threads = block[0] * block[1] * block[2];
    if (threads > lim.maxThreadsPerBlock) {
      throw new LaunchError(
        `kernel '${kernel.name}': block [${block.join(', ')}] has ${threads} threads; this ${this.backend} device allows at most ${lim.maxThreadsPerBlock} per block`,
      );
    }
    // Only a 1-D grid may be wider than the other axes' limit: WebGPU dispatches such a grid folded
    // into two dimensions, which a 2-D or 3-D grid has no room for. Every backend applies the rule,
    // so a launch shape that runs on one runs on all.
    if (grid[0] > lim.maxGridDim[1] && (grid[1] > 1 || grid[2] > 1)) {
      throw new LaunchError(
        `kernel '${kernel.name}': grid.x = ${grid[0]} exceeds this device's ${lim.maxGridDim[1]} blocks per dimension; ` +
          `only 1-D grids may be larger`,
      );
    }
    for (let i = 0; i < 3; i++) {
      if ((block[i] ?? 1) > (lim.maxBlockDim[i] ?? 1)) {
        throw new LaunchError(
          `kernel '${kernel.name}': block.${'xyz'[i]} = ${block[i]} exceeds this device's limit of ${lim.maxBlockDim[i]}`,
        );
      }
      if ((grid[i] ?? 1) > (lim.maxGridDim[i] ?? 1)) {
        throw new LaunchError(
          `kernel '${kernel.name}': grid.${'xyz'[i]} = ${grid[i]} exceeds this device's limit of ${lim.maxGridDim[i]}`,
        );
      }
    }
    if (kernel.meta.sharedBytes > lim.maxSharedBytes) {
      throw new LaunchError(
        `kernel '${kernel.name}' uses ${kernel.meta.sharedBytes} bytes of shared memory; this device allows at most ${lim.maxSharedBytes}`,
      );
    }
    if (kernel.meta.dynamicShared) checkDynamicShared(kernel, block, this.sharedLimit, this.backend);
    // Before the warp rule: a device without matrix support is the more useful thing to hear.
    if (kernel.meta.matrix) {
      const error = matrixLaunchError(kernel, this.matrix, `this ${this.backend} device (${this.name})`);
      if (error) throw error;
    }
    if (kernel.meta.warp) {
      const problem = warpLaunchProblem(kernel, block, this.warps, `this ${this.backend} device (${this.name})`);
      if (problem !== null) throw new LaunchError(problem);
    }
  }

  /** What this device offers warp operations: warps of 32 lanes, unless the backend says otherwise. */
  protected get warps(): WarpSupport {
    return WARPS_OF_32;
  }

  /** Lanes per warp in kernels (warpSize): 32 on cuda and cpu, the subgroup size on webgpu; null without warps. */
  get warpSize(): number | null {
    return this.warps.size;
  }

  /**
   * The most shared memory one block may use, block-sized arrays included: the device's limit,
   * unless the backend can raise it for a kernel (CUDA's opt-in limit).
   */
  protected get sharedLimit(): number {
    return this.limits.maxSharedBytes;
  }

  private checkArgs(kernel: CompiledKernel, args: readonly unknown[]): void {
    const params = kernel.params;
    if (args.length !== params.length) {
      const names = params.map((p) => p.name).join(', ');
      throw new LaunchError(`kernel '${kernel.name}' takes ${params.length} arguments (${names}), got ${args.length}`);
    }
    // A plain loop with the message built only on failure: this runs on every launch.
    for (let i = 0; i < params.length; i++) {
      const p = params[i] as ParamInfo;
      const arg = args[i];
      if (p.kind === 'array') {
        if (!(arg instanceof BaseArray && arg.device === this && !arg.disposed && arg.type === p.type)) {
          throw new LaunchError(arrayArgProblem(kernel, p, i, arg, this));
        }
        checkAliasing(kernel, params, args, i);
        continue;
      }
      const problem = scalarProblem(p.type, arg);
      if (problem) throw new LaunchError(`${argWhere(kernel, p, i)}: expected ${problem}, got ${describe(arg)}`);
    }
  }

  private checkLength(type: ElemType, length: number, op: string): void {
    if (!Number.isInteger(length) || length < 0) {
      throw new RangeError(`${op}: the length must be a non-negative integer, got ${describe(length)}`);
    }
    const max = this.maxArrayLength(type);
    if (length > max) {
      throw new RangeError(`${op}: ${length} elements exceed this ${this.backend} device's limit of ${max}`);
    }
  }

  private track(a: BaseArray): BaseArray {
    this.live.add(a);
    return a;
  }
}

function isCompiledKernel(k: unknown): k is CompiledKernel {
  if (typeof k !== 'object' || k === null) return false;
  const c = k as Partial<CompiledKernel>;
  return typeof c.code === 'string' && typeof c.target === 'string' && Array.isArray(c.params) && typeof c.meta === 'object';
}

/**
 * Refuses an array passed for two parameters when the kernel writes either: WebGPU forbids a
 * written binding that aliases another, and the CUDA target declares arrays `__restrict__`, so the
 * result would differ between backends (or be undefined). Checked on every backend alike.
 */
function checkAliasing(kernel: CompiledKernel, params: readonly ParamInfo[], args: readonly unknown[], i: number): void {
  // Few parameters: comparing with the earlier ones beats building a set on every launch.
  const arg = args[i];
  for (let j = 0; j < i; j++) {
    if (args[j] !== arg) continue;
    const a = params[j] as ParamInfo;
    const b = params[i] as ParamInfo;
    if ((a.access ?? 'read_write') === 'read' && (b.access ?? 'read_write') === 'read') continue;
    throw new LaunchError(
      `kernel '${kernel.name}': the same array is passed as '${a.name}' and '${b.name}', and the kernel writes one of them; ` +
        `an array the kernel writes may not also be passed for another parameter`,
    );
  }
}

/** What a scalar parameter expects when `v` does not fit, or null when it fits. */
function scalarProblem(type: ScalarType, v: unknown): string | null {
  switch (type) {
    case 'f32':
      // NaN and ±Infinity are f32 values and pass as they are; a finite number the f32 rounding
      // would turn into Infinity is almost certainly a mistake, so it is refused.
      return typeof v === 'number' && !(Number.isFinite(v) && !Number.isFinite(Math.fround(v)))
        ? null
        : 'a number in the f32 range (magnitude up to about 3.4028235e38; NaN and ±Infinity pass as they are)';
    case 'f16':
      // Rounded to the nearest f16 at launch; a finite number beyond ±65504 (that rounds to Infinity) is refused, as for f32.
      return typeof v === 'number' && !(Number.isFinite(v) && Math.abs(v) >= 65520)
        ? null
        : 'a number in the f16 range (magnitude up to 65504; NaN and ±Infinity pass as they are)';
    case 'f64':
      return typeof v === 'number' ? null : 'a number (f64)';
    case 'i32':
      return typeof v === 'number' && Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31
        ? null
        : 'an integer in [-2^31, 2^31) (i32)';
    case 'u32':
      return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 2 ** 32 ? null : 'an integer in [0, 2^32) (u32)';
    case 'bool':
      return typeof v === 'boolean' ? null : 'a boolean (bool)';
  }
}

const isDimValue = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;

/** `n` or `[x, y?, z?]` → [x, y, z] of positive integers. */
export function normaliseDim(d: Dim3, what: 'grid' | 'block', kernel: string): Dim3Tuple {
  // No closures here: this runs twice on every launch.
  if (typeof d === 'number') {
    if (!isDimValue(d)) throw badDim(d, what, kernel);
    return [d, 1, 1];
  }
  if (!Array.isArray(d) || d.length < 1 || d.length > 3) throw badDim(d, what, kernel);
  const [x, y = 1, z = 1] = d as readonly unknown[];
  if (!isDimValue(x) || !isDimValue(y) || !isDimValue(z)) throw badDim(d, what, kernel);
  return [x, y, z];
}

function badDim(d: unknown, what: 'grid' | 'block', kernel: string): LaunchError {
  return new LaunchError(
    `kernel '${kernel}': ${what} must be a positive integer or [x, y?, z?] of positive integers, got ${
      Array.isArray(d) ? `[${d.map((v) => describe(v)).join(', ')}]` : describe(d)
    }`,
  );
}

function argWhere(kernel: CompiledKernel, p: ParamInfo, i: number): string {
  return `kernel '${kernel.name}', parameter '${p.name}' (argument ${i + 1})`;
}

/** Why `arg` does not fit array parameter `p` (called once a check has failed). */
function arrayArgProblem(kernel: CompiledKernel, p: ParamInfo, i: number, arg: unknown, device: BaseDevice): string {
  const where = argWhere(kernel, p, i);
  const want = `a ${ELEMENTS[p.type as ElemType].host.name} device array`;
  if (!(arg instanceof BaseArray)) {
    const hint = elementOfArray(arg) ? ' (a host array: upload it with array() first)' : '';
    return `${where}: expected ${want}, got ${describe(arg)}${hint}`;
  }
  if (arg.device !== device) return `${where}: the array ${arg.label} belongs to another device`;
  if (arg.disposed) return `${where}: the array ${arg.label} has been disposed`;
  return `${where}: expected ${want}, got a ${arg.label} device array`;
}
