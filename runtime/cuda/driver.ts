// The CUDA driver API (libcuda), bound at run time through koffi: no native addon to build, and a
// machine without the NVIDIA driver gets a clear reason instead of a crash. Every handle
// (context, module, function, stream, event) is an opaque pointer that koffi hands over as a
// bigint; device pointers (CUdeviceptr) are 64-bit integers, also bigints. Out-parameters are
// passed as one-element typed arrays, which koffi lends to C in place.
import koffi from 'koffi';

export type Handle = bigint;
export type DevicePtr = bigint;

/** A failed driver call: names the call, the CUDA error and, where one was involved, the kernel. */
export class CudaError extends Error {
  override name = 'CudaError';
  constructor(
    readonly call: string,
    readonly code: number,
    readonly errorName: string,
    readonly kernel?: string,
    detail?: string,
  ) {
    super(
      `${call} failed with ${errorName} (${code})` +
        (kernel ? ` for kernel '${kernel}'` : '') +
        (detail ? `: ${detail}` : ''),
    );
  }
}

/** Device attribute numbers (CUdevice_attribute in cuda.h). */
export const ATTR = {
  maxThreadsPerBlock: 1,
  maxBlockDimX: 2,
  maxBlockDimY: 3,
  maxBlockDimZ: 4,
  maxGridDimX: 5,
  maxGridDimY: 6,
  maxGridDimZ: 7,
  maxSharedPerBlock: 8,
  multiprocessorCount: 16,
  /** What a kernel may use after raising its maxDynamicSharedBytes (CU_..._PER_BLOCK_OPTIN). */
  maxSharedPerBlockOptin: 97,
  ccMajor: 75,
  ccMinor: 76,
} as const;

/** Function attribute numbers (CUfunction_attribute). */
export const FUNC_ATTR = { maxThreadsPerBlock: 0, sharedSizeBytes: 1, maxDynamicSharedBytes: 8 } as const;

export const CUDA_SUCCESS = 0;
export const CUDA_ERROR_NOT_READY = 600;
const CU_JIT_ERROR_LOG_BUFFER = 5;
const CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES = 6;
const CU_STREAM_NON_BLOCKING = 1;

type Fn = (...args: unknown[]) => number;

// C prototypes of the calls we use; pointers to results are plain `void *`.
const PROTOS = {
  cuInit: 'int cuInit(unsigned int flags)',
  cuDriverGetVersion: 'int cuDriverGetVersion(void *version)',
  cuDeviceGetCount: 'int cuDeviceGetCount(void *count)',
  cuDeviceGet: 'int cuDeviceGet(void *device, int ordinal)',
  cuDeviceGetName: 'int cuDeviceGetName(void *name, int len, int dev)',
  cuDeviceGetAttribute: 'int cuDeviceGetAttribute(void *pi, int attrib, int dev)',
  cuDeviceTotalMem: 'int cuDeviceTotalMem_v2(void *bytes, int dev)',
  cuDevicePrimaryCtxRetain: 'int cuDevicePrimaryCtxRetain(void *pctx, int dev)',
  cuDevicePrimaryCtxRelease: 'int cuDevicePrimaryCtxRelease_v2(int dev)',
  cuCtxSetCurrent: 'int cuCtxSetCurrent(void *ctx)',
  cuModuleLoadDataEx:
    'int cuModuleLoadDataEx(void *module, const void *image, unsigned int n, void *options, void *values)',
  cuModuleUnload: 'int cuModuleUnload(void *module)',
  cuModuleGetFunction: 'int cuModuleGetFunction(void *fn, void *module, const char *name)',
  cuFuncGetAttribute: 'int cuFuncGetAttribute(void *pi, int attrib, void *fn)',
  cuFuncSetAttribute: 'int cuFuncSetAttribute(void *fn, int attrib, int value)',
  cuLaunchKernel:
    'int cuLaunchKernel(void *f, unsigned int gx, unsigned int gy, unsigned int gz, ' +
    'unsigned int bx, unsigned int by, unsigned int bz, unsigned int shared, void *stream, ' +
    'void *params, void *extra)',
  cuMemAlloc: 'int cuMemAlloc_v2(void *dptr, size_t bytes)',
  cuMemFree: 'int cuMemFree_v2(uint64_t dptr)',
  cuMemcpyHtoDAsync: 'int cuMemcpyHtoDAsync_v2(uint64_t dst, const void *src, size_t bytes, void *stream)',
  cuMemcpyDtoHAsync: 'int cuMemcpyDtoHAsync_v2(void *dst, uint64_t src, size_t bytes, void *stream)',
  cuMemcpyHtoD: 'int cuMemcpyHtoD_v2(uint64_t dst, const void *src, size_t bytes)',
  cuMemcpyDtoH: 'int cuMemcpyDtoH_v2(void *dst, uint64_t src, size_t bytes)',
  cuMemsetD8Async: 'int cuMemsetD8Async(uint64_t dst, unsigned char value, size_t n, void *stream)',
  cuMemsetD16Async: 'int cuMemsetD16Async(uint64_t dst, unsigned short value, size_t n, void *stream)',
  cuMemsetD32Async: 'int cuMemsetD32Async(uint64_t dst, unsigned int value, size_t n, void *stream)',
  cuStreamCreate: 'int cuStreamCreate(void *pstream, unsigned int flags)',
  cuStreamDestroy: 'int cuStreamDestroy_v2(void *stream)',
  cuStreamSynchronize: 'int cuStreamSynchronize(void *stream)',
  cuStreamQuery: 'int cuStreamQuery(void *stream)',
  cuEventCreate: 'int cuEventCreate(void *pevent, unsigned int flags)',
  cuEventRecord: 'int cuEventRecord(void *event, void *stream)',
  cuEventSynchronize: 'int cuEventSynchronize(void *event)',
  cuEventDestroy: 'int cuEventDestroy_v2(void *event)',
  cuGetErrorName: 'int cuGetErrorName(int error, _Out_ const char **name)',
} as const;

type Raw = Record<keyof typeof PROTOS | 'cuEventElapsedTime', Fn>;

/** Library names tried in order; KERNELSCRIPT_LIBCUDA names an explicit path. */
function libcudaCandidates(): string[] {
  const env = process.env.KERNELSCRIPT_LIBCUDA;
  if (env) return [env];
  if (process.platform === 'win32') return ['nvcuda.dll'];
  return ['libcuda.so.1', 'libcuda.so'];
}

/** Loads libcuda; throws an Error whose message is a one-line reason when it cannot. */
function loadRaw(): Raw {
  let lib: ReturnType<typeof koffi.load> | null = null;
  const tried: string[] = [];
  for (const name of libcudaCandidates()) {
    try {
      lib = koffi.load(name);
      break;
    } catch {
      tried.push(name);
    }
  }
  if (!lib) throw new Error(`no NVIDIA driver library (${tried.join(', ')} not found)`);
  const raw: Partial<Raw> = {};
  for (const [key, proto] of Object.entries(PROTOS)) {
    raw[key as keyof typeof PROTOS] = lib.func(proto) as Fn;
  }
  // cuEventElapsedTime_v2 appeared in CUDA 12.8; older drivers only have the first version.
  try {
    raw.cuEventElapsedTime = lib.func('int cuEventElapsedTime_v2(void *ms, void *start, void *end)') as Fn;
  } catch {
    raw.cuEventElapsedTime = lib.func('int cuEventElapsedTime(void *ms, void *start, void *end)') as Fn;
  }
  return raw as Raw;
}

/** A thin checked wrapper: each method throws CudaError on failure. */
export class Driver {
  private constructor(private readonly raw: Raw) {}

  private static memo: Driver | Error | null = null;

  /** The process-wide driver, loaded and initialised once; throws with a one-line reason. */
  static get(): Driver {
    if (Driver.memo === null) {
      try {
        const d = new Driver(loadRaw());
        d.check('cuInit', d.raw.cuInit(0));
        Driver.memo = d;
      } catch (e) {
        Driver.memo = e instanceof Error ? e : new Error(String(e));
      }
    }
    if (Driver.memo instanceof Error) throw Driver.memo;
    return Driver.memo;
  }

  errorName(code: number): string {
    const out: (string | null)[] = [null];
    try {
      if (this.raw.cuGetErrorName(code, out) === CUDA_SUCCESS && out[0]) return out[0];
    } catch {
      /* fall through to the number */
    }
    return `CUDA error ${code}`;
  }

  check(call: string, code: number, kernel?: string, detail?: string): void {
    if (code !== CUDA_SUCCESS) throw new CudaError(call, code, this.errorName(code), kernel, detail);
  }

  driverVersion(): number {
    const v = new Int32Array(1);
    this.check('cuDriverGetVersion', this.raw.cuDriverGetVersion(v));
    return v[0] ?? 0;
  }

  deviceCount(): number {
    const n = new Int32Array(1);
    this.check('cuDeviceGetCount', this.raw.cuDeviceGetCount(n));
    return n[0] ?? 0;
  }

  device(ordinal: number): number {
    const d = new Int32Array(1);
    this.check('cuDeviceGet', this.raw.cuDeviceGet(d, ordinal));
    return d[0] ?? 0;
  }

  deviceName(dev: number): string {
    const buf = Buffer.alloc(256);
    this.check('cuDeviceGetName', this.raw.cuDeviceGetName(buf, buf.length, dev));
    const end = buf.indexOf(0);
    return buf.toString('utf8', 0, end < 0 ? buf.length : end);
  }

  attribute(dev: number, attr: number): number {
    const v = new Int32Array(1);
    this.check('cuDeviceGetAttribute', this.raw.cuDeviceGetAttribute(v, attr, dev));
    return v[0] ?? 0;
  }

  totalMem(dev: number): number {
    const v = new BigUint64Array(1);
    this.check('cuDeviceTotalMem', this.raw.cuDeviceTotalMem(v, dev));
    return Number(v[0] ?? 0n);
  }

  retainPrimaryContext(dev: number): Handle {
    const out = new BigUint64Array(1);
    this.check('cuDevicePrimaryCtxRetain', this.raw.cuDevicePrimaryCtxRetain(out, dev));
    return out[0] ?? 0n;
  }

  releasePrimaryContext(dev: number): void {
    this.check('cuDevicePrimaryCtxRelease', this.raw.cuDevicePrimaryCtxRelease(dev));
  }

  setCurrent(ctx: Handle): void {
    this.check('cuCtxSetCurrent', this.raw.cuCtxSetCurrent(ctx));
  }

  /** Loads a cubin or PTX image; a JIT failure reports the driver's error log. */
  loadModule(image: Buffer, kernel: string): Handle {
    const out = new BigUint64Array(1);
    const log = Buffer.alloc(8192);
    const options = new Int32Array([CU_JIT_ERROR_LOG_BUFFER, CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES]);
    // Option values are pointer-sized slots: the buffer's address, then its size cast to a pointer.
    const values = new BigUint64Array([koffi.address(log), BigInt(log.length)]);
    // PTX must be NUL-terminated text; a cubin is used as is.
    const data = image.subarray(0, 4).toString('latin1') === '\x7fELF' ? image : Buffer.concat([image, Buffer.from([0])]);
    const code = this.raw.cuModuleLoadDataEx(out, data, 2, options, values);
    if (code !== CUDA_SUCCESS) {
      const end = log.indexOf(0);
      const text = log.toString('utf8', 0, end < 0 ? log.length : end).trim();
      this.check('cuModuleLoadDataEx', code, kernel, text || undefined);
    }
    return out[0] ?? 0n;
  }

  unloadModule(mod: Handle): void {
    this.check('cuModuleUnload', this.raw.cuModuleUnload(mod));
  }

  getFunction(mod: Handle, name: string): Handle {
    const out = new BigUint64Array(1);
    this.check('cuModuleGetFunction', this.raw.cuModuleGetFunction(out, mod, name), name);
    return out[0] ?? 0n;
  }

  funcAttribute(fn: Handle, attr: number, kernel: string): number {
    const v = new Int32Array(1);
    this.check('cuFuncGetAttribute', this.raw.cuFuncGetAttribute(v, attr, fn), kernel);
    return v[0] ?? 0;
  }

  setFuncAttribute(fn: Handle, attr: number, value: number, kernel: string): void {
    this.check('cuFuncSetAttribute', this.raw.cuFuncSetAttribute(fn, attr, value), kernel);
  }

  launch(
    fn: Handle,
    grid: readonly [number, number, number],
    block: readonly [number, number, number],
    shared: number,
    stream: Handle,
    params: BigUint64Array,
    kernel: string,
  ): void {
    const code = this.raw.cuLaunchKernel(fn, grid[0], grid[1], grid[2], block[0], block[1], block[2], shared, stream, params, null);
    this.check('cuLaunchKernel', code, kernel);
  }

  memAlloc(bytes: number): DevicePtr {
    const out = new BigUint64Array(1);
    this.check('cuMemAlloc', this.raw.cuMemAlloc(out, bytes), undefined, `${bytes} bytes`);
    return out[0] ?? 0n;
  }

  memFree(ptr: DevicePtr): void {
    this.check('cuMemFree', this.raw.cuMemFree(ptr));
  }

  /** Host → device on a stream. From pageable memory the driver stages the data before returning. */
  copyHtoDAsync(dst: DevicePtr, src: ArrayBufferView, bytes: number, stream: Handle): void {
    this.check('cuMemcpyHtoDAsync', this.raw.cuMemcpyHtoDAsync(dst, bytesOf(src), bytes, stream));
  }

  /** Device → host on a stream. Into pageable memory it returns once the copy is complete. */
  copyDtoHAsync(dst: ArrayBufferView, src: DevicePtr, bytes: number, stream: Handle): void {
    this.check('cuMemcpyDtoHAsync', this.raw.cuMemcpyDtoHAsync(bytesOf(dst), src, bytes, stream));
  }

  copyHtoD(dst: DevicePtr, src: ArrayBufferView, bytes: number): void {
    this.check('cuMemcpyHtoD', this.raw.cuMemcpyHtoD(dst, bytesOf(src), bytes));
  }

  copyDtoH(dst: ArrayBufferView, src: DevicePtr, bytes: number): void {
    this.check('cuMemcpyDtoH', this.raw.cuMemcpyDtoH(bytesOf(dst), src, bytes));
  }

  memsetD32Async(dst: DevicePtr, value: number, count: number, stream: Handle): void {
    this.check('cuMemsetD32Async', this.raw.cuMemsetD32Async(dst, value, count, stream));
  }

  /**
   * Zeroes `bytes` bytes at `dst` (an allocation start, so aligned) on a stream, in the widest unit
   * that divides the size: any element width works, and 4-byte elements keep the fast D32 fill.
   */
  memsetZeroAsync(dst: DevicePtr, bytes: number, stream: Handle): void {
    if (bytes % 4 === 0) this.memsetD32Async(dst, 0, bytes / 4, stream);
    else if (bytes % 2 === 0) this.check('cuMemsetD16Async', this.raw.cuMemsetD16Async(dst, 0, bytes / 2, stream));
    else this.check('cuMemsetD8Async', this.raw.cuMemsetD8Async(dst, 0, bytes, stream));
  }

  createStream(): Handle {
    const out = new BigUint64Array(1);
    this.check('cuStreamCreate', this.raw.cuStreamCreate(out, CU_STREAM_NON_BLOCKING));
    return out[0] ?? 0n;
  }

  destroyStream(s: Handle): void {
    this.check('cuStreamDestroy', this.raw.cuStreamDestroy(s));
  }

  streamSynchronize(s: Handle, kernel?: string): void {
    this.check('cuStreamSynchronize', this.raw.cuStreamSynchronize(s), kernel);
  }

  /** True when all work on the stream is done; false while some is still running. */
  streamDone(s: Handle, kernel?: string): boolean {
    const code = this.raw.cuStreamQuery(s);
    if (code === CUDA_ERROR_NOT_READY) return false;
    this.check('cuStreamQuery', code, kernel);
    return true;
  }

  createEvent(): Handle {
    const out = new BigUint64Array(1);
    this.check('cuEventCreate', this.raw.cuEventCreate(out, 0));
    return out[0] ?? 0n;
  }

  recordEvent(e: Handle, s: Handle): void {
    this.check('cuEventRecord', this.raw.cuEventRecord(e, s));
  }

  eventSynchronize(e: Handle, kernel?: string): void {
    this.check('cuEventSynchronize', this.raw.cuEventSynchronize(e), kernel);
  }

  elapsedMs(start: Handle, end: Handle): number {
    const ms = new Float32Array(1);
    this.check('cuEventElapsedTime', this.raw.cuEventElapsedTime(ms, start, end));
    return ms[0] ?? 0;
  }

  destroyEvent(e: Handle): void {
    this.check('cuEventDestroy', this.raw.cuEventDestroy(e));
  }
}

/**
 * The bytes of a host array as koffi takes them: a plain Uint8Array over the same memory, since a
 * Float16Array polyfill (a Proxy around its storage) is no typed array to koffi.
 */
function bytesOf(v: ArrayBufferView): Uint8Array {
  return v instanceof Uint8Array ? v : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}
