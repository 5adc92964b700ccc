// The cuda device: the driver API on the device's primary context, one non-blocking stream that
// orders every copy and launch, and kernels compiled to cubins for the device's own architecture
// (through the on-disk cache). Waiting never blocks the event loop: synchronize() polls the stream
// (wait.ts).
import { withPrintfFlushed } from './stdio.js';
import type { ElemType } from '../../core/ir/types.js';
import { FAULT_BYTES, FAULT_WORDS, type CompiledKernel, type ParamInfo } from '../../core/output.js';
import { faultOf } from '../fault.js';
import { elementBytes, newHostArray } from '../../core/elements.js';
import { dynamicSharedLayout } from '../../core/shared-size.js';
import { BaseArray, BaseDevice, type LaunchShape } from '../device.js';
import { LaunchError } from '../errors.js';
import { kernelKey } from '../kernel-key.js';
import type { DeviceLimits, LaunchArg, TypedArray } from '../types.js';
import { CudaCompiler } from './compile.js';
import { ATTR, CudaError, Driver, FUNC_ATTR, type DevicePtr, type Handle } from './driver.js';
import { CudaCompileError } from './nvcc.js';
import { ParamBlock } from './params.js';
import { pollUntil } from './wait.js';
import { cudaMatrixSupport } from '../matrix.js';
import type { MatrixSupport } from '../../core/matrix.js';

interface Loaded {
  module: Handle;
  fn: Handle;
  maxThreads: number;
  /** Its CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES: raised when a launch needs more. */
  maxDynamicShared: number;
  /** The kernel's argument slots, rewritten by each launch. */
  params: ParamBlock;
}

class CudaArray extends BaseArray {
  constructor(
    readonly owner: CudaDevice,
    type: ElemType,
    length: number,
    readonly ptr: DevicePtr,
  ) {
    super(owner, length, type);
  }

  protected async readImpl(): Promise<TypedArray> {
    await this.owner.synchronize();
    // Disposed while waiting: its memory is freed (maybe reused); copying it would return garbage.
    this.assertNotDisposedDuringRead();
    const out = newHostArray(this.type, this.length);
    if (this.length > 0) this.owner.copyOut(out, this.ptr);
    return out;
  }

  protected writeImpl(data: TypedArray): void {
    if (this.length > 0) this.owner.copyIn(this.ptr, data);
  }

  protected release(): void {
    this.owner.free(this.ptr);
  }
}

// The context made current last; switching only when another device is used.
let currentCtx: Handle | null = null;

export class CudaDevice extends BaseDevice {
  readonly backend = 'cuda' as const;
  readonly target = 'cuda' as const;
  readonly name: string;
  readonly limits: DeviceLimits;
  /** The most shared memory a block may use once its kernel opts in (block-sized arrays). */
  private readonly optinShared: number;
  /** Real architecture the kernels are built for, e.g. 'sm_90'. */
  readonly arch: string;
  /** Matrix operations are `wmma`, from compute capability 7.0 (runtime/matrix.ts). */
  readonly matrix: MatrixSupport;
  readonly ordinal: number;
  private readonly ctx: Handle;
  private readonly stream: Handle;
  private readonly loaded = new Map<string, Loaded>();
  /** Per compiled-kernel object, so a launch finds its module without building a key string. */
  private readonly byKernel = new WeakMap<CompiledKernel, Loaded>();
  /** Kernels launched since the stream was last seen idle: named when an asynchronous error shows. */
  private inFlight = new Set<string>();
  /** A printing kernel was launched since the last synchronize() (console.log: CUDA printf). */
  private printed = false;
  /** The fault record of each debug launch not yet read back, in launch order. */
  private records: { kernel: CompiledKernel; ptr: DevicePtr }[] = [];

  constructor(
    private readonly driver: Driver,
    ordinal: number,
    private readonly compiler: CudaCompiler,
  ) {
    super();
    const dev = driver.device(ordinal);
    this.ordinal = dev;
    this.name = driver.deviceName(dev);
    const a = (attr: number): number => driver.attribute(dev, attr);
    this.arch = `sm_${a(ATTR.ccMajor)}${a(ATTR.ccMinor)}`;
    this.matrix = cudaMatrixSupport(a(ATTR.ccMajor), a(ATTR.ccMinor));
    this.limits = {
      maxThreadsPerBlock: a(ATTR.maxThreadsPerBlock),
      maxBlockDim: [a(ATTR.maxBlockDimX), a(ATTR.maxBlockDimY), a(ATTR.maxBlockDimZ)],
      maxGridDim: [a(ATTR.maxGridDimX), a(ATTR.maxGridDimY), a(ATTR.maxGridDimZ)],
      maxSharedBytes: a(ATTR.maxSharedPerBlock),
    };
    // Above 48 KiB a block's shared memory is opt-in per kernel (cuFuncSetAttribute, see enqueue).
    this.optinShared = Math.max(a(ATTR.maxSharedPerBlockOptin), this.limits.maxSharedBytes);
    this.ctx = driver.retainPrimaryContext(dev);
    this.use();
    try {
      this.stream = driver.createStream();
    } catch (e) {
      driver.releasePrimaryContext(dev);
      throw e;
    }
  }

  private use(): void {
    if (currentCtx !== this.ctx) {
      this.driver.setCurrent(this.ctx);
      currentCtx = this.ctx;
    }
  }

  /** Compiles (through the cache) and loads a kernel once per device. */
  private load(kernel: CompiledKernel): Loaded {
    const known = this.byKernel.get(kernel);
    if (known) return known;
    const key = kernelKey(kernel);
    const hit = this.loaded.get(key);
    if (hit) {
      this.byKernel.set(kernel, hit);
      return hit;
    }
    this.use();
    const module = this.driver.loadModule(this.image(kernel), kernel.name);
    try {
      const fn = this.driver.getFunction(module, kernel.entryPoint);
      const maxThreads = this.driver.funcAttribute(fn, FUNC_ATTR.maxThreadsPerBlock, kernel.name);
      const maxDynamicShared = kernel.meta.dynamicShared ? this.driver.funcAttribute(fn, FUNC_ATTR.maxDynamicSharedBytes, kernel.name) : 0;
      const l = { module, fn, maxThreads, maxDynamicShared, params: new ParamBlock(launchParams(kernel)) };
      this.loaded.set(key, l);
      this.byKernel.set(kernel, l);
      return l;
    } catch (e) {
      this.driver.unloadModule(module);
      throw e;
    }
  }

  /**
   * A cubin for this GPU; when the compiler does not know the GPU's architecture (a GPU newer than
   * the toolkit), PTX for the compiler's default virtual architecture, which the driver compiles.
   */
  private image(kernel: CompiledKernel): Buffer {
    const req = { code: kernel.code, name: kernel.name, arch: this.arch, format: 'cubin' as const };
    try {
      return this.compiler.build(req);
    } catch (e) {
      if (!(e instanceof CudaCompileError) || !/arch/i.test(e.log)) throw e;
      return this.compiler.build({ ...req, arch: '', format: 'ptx' });
    }
  }

  /** Adds the kernel's own limit (its register use can lower threads per block) to the device's. */
  protected override checkShape(kernel: CompiledKernel, shape: LaunchShape): void {
    super.checkShape(kernel, shape);
    const { maxThreads } = this.load(kernel);
    const threads = shape.block[0] * shape.block[1] * shape.block[2];
    if (threads > maxThreads) {
      throw new LaunchError(
        `kernel '${kernel.name}': block [${shape.block.join(', ')}] has ${threads} threads; ` +
          `this kernel can run at most ${maxThreads} per block on ${this.name} (register use)`,
      );
    }
  }

  protected override get sharedLimit(): number {
    return this.optinShared;
  }

  /**
   * The launch's dynamic shared memory: its block-sized arrays' bytes for this block shape (checked
   * against the opt-in limit by checkShape), with the kernel's maximum raised first where needed.
   */
  private dynamicShared(kernel: CompiledKernel, l: Loaded, block: readonly [number, number, number]): number {
    const layout = dynamicSharedLayout(kernel.meta.dynamicShared ?? [], block);
    const bytes = layout.ok ? layout.bytes : 0;
    if (bytes > l.maxDynamicShared) {
      this.driver.setFuncAttribute(l.fn, FUNC_ATTR.maxDynamicSharedBytes, bytes, kernel.name);
      l.maxDynamicShared = bytes;
    }
    return bytes;
  }

  protected enqueue(kernel: CompiledKernel, shape: LaunchShape, args: readonly LaunchArg[]): void {
    // The hot path: no allocation and no closure per launch.
    const loaded = this.load(kernel);
    const { fn, params } = loaded;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      params.set(i, a instanceof CudaArray ? a.ptr : (a as number | boolean));
    }
    this.use();
    const shared = kernel.meta.dynamicShared ? this.dynamicShared(kernel, loaded, shape.block) : 0;
    if (kernel.meta.debug) this.debugParams(kernel, args, params);
    try {
      this.driver.launch(fn, shape.grid, shape.block, shared, this.stream, params.pointers, kernel.name);
    } catch (e) {
      throw this.poisoned(e);
    }
    this.inFlight.add(kernel.name);
    if (kernel.meta.prints) this.printed = true;
  }

  /** A debug build's extra parameters: each array's length, then a fresh zeroed fault record. */
  private debugParams(kernel: CompiledKernel, args: readonly LaunchArg[], params: ParamBlock): void {
    let slot = args.length;
    for (const a of args) if (a instanceof CudaArray) params.set(slot++, a.length);
    const ptr = this.guard(() => this.driver.memAlloc(FAULT_BYTES));
    this.records.push({ kernel, ptr });
    this.guard(() => this.driver.memsetZeroAsync(ptr, FAULT_BYTES, this.stream));
    params.set(slot, ptr);
  }

  /** Reads back (the stream is idle) and frees every waiting fault record; throws the first fault. */
  private readFaults(): void {
    const records = this.records;
    this.records = [];
    const words = new Uint32Array(FAULT_WORDS);
    for (const r of records) {
      this.guard(() => this.driver.copyDtoH(words, r.ptr, FAULT_BYTES));
      this.noteFault(faultOf(r.kernel, words));
      this.guard(() => this.driver.memFree(r.ptr));
    }
    this.throwFault();
  }

  protected createArray(type: ElemType, length: number, init: TypedArray | null): BaseArray {
    this.use();
    const bytes = elementBytes(type, length);
    // cuMemAlloc rejects 0 bytes; an empty array still gets a (tiny) allocation of its own.
    const ptr = this.guard(() => this.driver.memAlloc(Math.max(1, bytes)));
    try {
      if (init && length > 0) this.copyIn(ptr, init);
      else if (length > 0) this.guard(() => this.driver.memsetZeroAsync(ptr, bytes, this.stream));
    } catch (e) {
      this.driver.memFree(ptr);
      throw e;
    }
    return new CudaArray(this, type, length, ptr);
  }

  copyIn(ptr: DevicePtr, data: TypedArray): void {
    this.use();
    this.guard(() => this.driver.copyHtoDAsync(ptr, data, data.byteLength, this.stream));
  }

  copyOut(out: TypedArray, ptr: DevicePtr): void {
    this.use();
    this.guard(() => this.driver.copyDtoHAsync(out, ptr, out.byteLength, this.stream));
  }

  free(ptr: DevicePtr): void {
    if (this.broken !== null) return; // the context is gone with its memory
    this.use();
    this.guard(() => this.driver.memFree(ptr));
  }

  /** Waits for the stream without blocking the event loop: polls, yielding between polls. */
  async synchronize(): Promise<void> {
    this.assertUsable();
    await pollUntil(() => {
      this.use();
      return this.guard(() => this.driver.streamDone(this.stream, this.inFlightNames()));
    });
    this.inFlight.clear();
    // CUDA writes device printf output at a synchronizing call, which polling the stream is not.
    if (this.printed) {
      this.printed = false;
      withPrintfFlushed(() => this.guard(() => this.driver.streamSynchronize(this.stream)));
    }
    if (this.records.length > 0) this.readFaults();
  }

  /** Device time between two events recorded around `work`, in milliseconds. */
  async time(work: () => void | Promise<void>): Promise<number> {
    this.assertUsable();
    this.use();
    const start = this.driver.createEvent();
    const end = this.driver.createEvent();
    try {
      this.driver.recordEvent(start, this.stream);
      await work();
      this.use();
      this.driver.recordEvent(end, this.stream);
      await this.synchronize();
      return this.driver.elapsedMs(start, end);
    } finally {
      this.driver.destroyEvent(start);
      this.driver.destroyEvent(end);
    }
  }

  protected release(): void {
    const d = this.driver;
    try {
      if (this.broken === null) {
        // Dispose is synchronous: finish queued work before freeing what it uses.
        this.use();
        d.streamSynchronize(this.stream);
        for (const l of this.loaded.values()) d.unloadModule(l.module);
        d.destroyStream(this.stream);
      }
    } catch {
      /* an asynchronous error surfaced here: releasing the context below frees everything */
    } finally {
      this.loaded.clear();
      d.releasePrimaryContext(this.ordinal);
      if (currentCtx === this.ctx) currentCtx = null;
    }
  }

  private inFlightNames(): string | undefined {
    return this.inFlight.size ? [...this.inFlight].join("', '") : undefined;
  }

  /**
   * Runs a driver call; an error that poisons the context (a kernel's illegal address, a launch
   * failure) marks the device unusable so later calls say why instead of failing obscurely.
   */
  private guard<T>(call: () => T): T {
    try {
      return call();
    } catch (e) {
      throw this.poisoned(e);
    }
  }

  /** Marks the device unusable when `e` poisons the context; returns `e` to be thrown. */
  private poisoned(e: unknown): unknown {
    if (e instanceof CudaError && STICKY.has(e.errorName)) {
      this.broken = `${e.message} (CUDA cannot be used again in this process: restart it)`;
    }
    return e;
  }
}


/**
 * The parameters a kernel's entry takes: its own, and in a debug build one i32 length per array
 * parameter, then the fault record (core/output.ts).
 */
export function launchParams(kernel: CompiledKernel): ParamInfo[] {
  if (!kernel.meta.debug) return kernel.params;
  const lengths = kernel.params.flatMap((p): ParamInfo[] => (p.kind === 'array' ? [{ name: `length of ${p.name}`, kind: 'scalar', type: 'i32' }] : []));
  return [...kernel.params, ...lengths, { name: 'fault record', kind: 'array', type: 'u32' }];
}

// Errors that leave the process's CUDA state unusable (cuda.h: "the process must be terminated
// and relaunched"); every later call, a new device's included, fails with the same error.
const STICKY = new Set([
  'CUDA_ERROR_ILLEGAL_ADDRESS',
  'CUDA_ERROR_LAUNCH_FAILED',
  'CUDA_ERROR_ILLEGAL_INSTRUCTION',
  'CUDA_ERROR_MISALIGNED_ADDRESS',
  'CUDA_ERROR_INVALID_PC',
  'CUDA_ERROR_HARDWARE_STACK_ERROR',
  'CUDA_ERROR_ASSERT',
  'CUDA_ERROR_LAUNCH_TIMEOUT',
]);
