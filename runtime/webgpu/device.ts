// The WebGPU device. Launches, writes and reads are recorded into a batch (see batch.ts) that is
// submitted at synchronize()/read(); batches are submitted strictly in the order they were cut,
// even though each first waits for its pipelines.
import type { ElemType } from '../../core/ir/types.js';
import { FAULT_BYTES, type CompiledKernel, type WgslLayout } from '../../core/output.js';
import { faultOf } from '../fault.js';
import { decodeLog } from '../log.js';
import { ELEMENTS, SCALAR_BYTES, elementBytes, newHostArray } from '../../core/elements.js';
import { f16round } from '../../core/f16.js';
import { BaseDevice, type Dim3Tuple, type LaunchShape } from '../device.js';
import { DeviceError, LaunchError } from '../errors.js';
import { PORTABLE_LIMITS } from '../limits.js';
import type { DeviceLimits, LaunchArg, TypedArray } from '../types.js';
import { WebGpuArray, bufferSize, type BufferOwner } from './array.js';
import { encodeBatch, type Batch, type Op } from './batch.js';
import { PipelineCache } from './pipelines.js';
import { BufferPool } from './pool.js';
import { BufferUsage, MAP_READ } from './flags.js';
import { NO_SUBGROUPS } from './warp-probe.js';
import type { WarpSupport } from '../warp.js';
import type { MatrixSupport } from '../../core/matrix.js';
import { NO_MATRICES } from '../matrix.js';


/** Per compiled kernel: where its arguments go, found once instead of on every launch. */
interface LaunchPlan {
  wgsl: WgslLayout;
  /** Argument index of each array binding, in binding order. */
  arrayArgs: number[];
  bindings: number[];
  /** Argument index of each uniform field. */
  uniformArgs: number[];
  /** Debug builds: argument index of each array whose length the uniform block carries. */
  lengthArgs: number[];
  bindGroupLayout: GPUBindGroupLayout;
  /** The block shape of the last launch and its pipeline. */
  block: Dim3Tuple;
  pipeline: Promise<GPUComputePipeline> | null;
}

export class WebGpuDevice extends BaseDevice implements BufferOwner {
  readonly backend = 'webgpu' as const;
  readonly target = 'wgsl' as const;
  readonly limits: DeviceLimits;
  readonly hasTimestamps: boolean;
  private readonly maxWorkgroups: number;
  private readonly maxBinding: number;
  private readonly maxStorageBuffers: number;
  private readonly pipelines: PipelineCache;
  private readonly plans = new WeakMap<CompiledKernel, LaunchPlan>();

  private ops: Op[] = [];
  private temps: { destroy(): void }[] = [];
  /** Freed storage buffers, reused by later arrays of the same size (pool.ts says why). */
  private readonly pool = new BufferPool();
  private timing: GPUBuffer[] | null = null;
  /** Tail of the submit chain: every batch submits after the one cut before it. */
  private chain: Promise<void> = Promise.resolve();
  /** An uncaptured device error, reported by the next synchronize()/read(). */
  private uncaptured: string | null = null;
  /**
   * The per-launch records not yet read back, in launch order: a debug launch's fault record and a
   * printing launch's log buffer (core/printf.ts), both read back at the next synchronize()/read().
   */
  private records: { kernel: CompiledKernel; buffer: GPUBuffer; kind: 'fault' | 'log'; bytes: number }[] = [];

  constructor(
    readonly gpu: GPUDevice,
    readonly name: string,
    /** Subgroups as warps (warp-probe.ts); none unless the creator probed them. */
    private readonly subgroups: WarpSupport = NO_SUBGROUPS,
    /** Subgroup matrices (runtime/matrix.ts); none unless the creator found them. */
    readonly matrix: MatrixSupport = NO_MATRICES,
  ) {
    super();
    const l = gpu.limits;
    this.maxWorkgroups = l.maxComputeWorkgroupsPerDimension;
    this.maxBinding = Math.min(l.maxStorageBufferBindingSize, l.maxBufferSize);
    this.maxStorageBuffers = l.maxStorageBuffersPerShaderStage;
    this.limits = {
      maxThreadsPerBlock: l.maxComputeInvocationsPerWorkgroup,
      maxBlockDim: [l.maxComputeWorkgroupSizeX, l.maxComputeWorkgroupSizeY, l.maxComputeWorkgroupSizeZ],
      // A 1-D grid folds into two dispatch dimensions (the shader unfolds blockIdx.x), up to the
      // portable 2^31 - 1 blocks (blockIdx.x is an i32).
      maxGridDim: [
        Math.min(this.maxWorkgroups * this.maxWorkgroups, PORTABLE_LIMITS.maxGridDim[0]),
        this.maxWorkgroups,
        this.maxWorkgroups,
      ],
      maxSharedBytes: l.maxComputeWorkgroupStorageSize,
    };
    this.hasTimestamps = gpu.features.has('timestamp-query');
    this.pipelines = new PipelineCache(gpu);
    gpu.onuncapturederror = (ev: GPUUncapturedErrorEvent) => {
      this.uncaptured ??= ev.error.message;
    };
    void gpu.lost.then((info) => {
      if (!this.disposed) this.broken = `the GPU device was lost (${info.reason}): ${info.message}`;
    });
  }

  protected override get warps(): WarpSupport {
    return this.subgroups;
  }

  protected override maxArrayLength(type: ElemType): number {
    return Math.floor(this.maxBinding / ELEMENTS[type].bytes);
  }

  protected createArray(type: ElemType, length: number, init: TypedArray | null): WebGpuArray {
    const bytes = elementBytes(type, length);
    const pooled = this.pool.take(bufferSize(bytes));
    if (pooled) {
      // A buffer freed earlier, whose last uses are queued before these ops: zeroed or filled in order.
      const a = new WebGpuArray(this, type, length, pooled);
      if (init) this.writeBuffer(a, init);
      else this.ops.push({ k: 'clear', dst: pooled, size: pooled.size });
      return a;
    }
    const buffer = this.gpu.createBuffer({
      size: bufferSize(bytes),
      usage: BufferUsage.STORAGE | BufferUsage.COPY_SRC | BufferUsage.COPY_DST,
      mappedAtCreation: init !== null && length > 0,
    });
    if (init && length > 0) {
      new Uint8Array(buffer.getMappedRange()).set(new Uint8Array(init.buffer, init.byteOffset, bytes));
      buffer.unmap();
    }
    return new WebGpuArray(this, type, length, buffer);
  }

  protected enqueue(kernel: CompiledKernel, shape: LaunchShape, args: readonly LaunchArg[]): void {
    const plan = this.plans.get(kernel) ?? this.plan(kernel);
    const wgsl = plan.wgsl;
    const arrays: WebGpuArray[] = new Array<WebGpuArray>(plan.arrayArgs.length);
    for (let i = 0; i < arrays.length; i++) {
      const a = args[plan.arrayArgs[i] as number];
      if (!(a instanceof WebGpuArray)) {
        throw new LaunchError(`kernel '${kernel.name}': no array argument for binding '${wgsl.arrayBindings[i]?.name}'`);
      }
      arrays[i] = a;
    }
    // The last block shape's pipeline is kept: repeated launches skip the cache key.
    const [bx, by, bz] = shape.block;
    if (plan.block[0] !== bx || plan.block[1] !== by || plan.block[2] !== bz || plan.pipeline === null) {
      plan.pipeline = this.pipelines.pipeline(kernel, wgsl, shape.block);
      plan.block = [bx, by, bz];
    }
    const arrayEntries: GPUBindGroupEntry[] = new Array<GPUBindGroupEntry>(arrays.length);
    for (let i = 0; i < arrays.length; i++) {
      arrayEntries[i] = { binding: plan.bindings[i] as number, resource: { buffer: (arrays[i] as WebGpuArray).buffer } };
    }
    if (wgsl.faultBinding !== undefined) {
      // A fresh record per debug launch (new buffers are zeroed), read back at the next synchronize()/read().
      const buffer = this.gpu.createBuffer({ label: `${kernel.name} fault record`, size: FAULT_BYTES, usage: BufferUsage.STORAGE | BufferUsage.COPY_SRC });
      arrayEntries.push({ binding: wgsl.faultBinding, resource: { buffer } });
      this.records.push({ kernel, buffer, kind: 'fault', bytes: FAULT_BYTES });
    }
    if (wgsl.logBinding !== undefined) {
      // The same for a printing launch's log buffer: fresh, so zeroed, and decoded when read back.
      const bytes = this.logBytes;
      const buffer = this.gpu.createBuffer({ label: `${kernel.name} log`, size: bytes, usage: BufferUsage.STORAGE | BufferUsage.COPY_SRC });
      arrayEntries.push({ binding: wgsl.logBinding, resource: { buffer } });
      this.records.push({ kernel, buffer, kind: 'log', bytes });
    }
    this.ops.push({
      k: 'dispatch',
      kernel,
      pipeline: plan.pipeline,
      bindGroupLayout: plan.bindGroupLayout,
      uniform: uniformBytes(plan, args, shape.grid),
      uniformBinding: wgsl.uniformBinding,
      arrayEntries,
      workgroups: this.fold(shape.grid),
    });
  }

  /** What every launch of `kernel` shares, worked out (and checked) once. */
  private plan(kernel: CompiledKernel): LaunchPlan {
    const wgsl = kernel.meta.wgsl;
    if (!wgsl) throw new LaunchError(`kernel '${kernel.name}' has no WGSL binding layout (meta.wgsl is missing)`);
    if (wgsl.f16 && !this.gpu.features.has('shader-f16')) {
      throw new LaunchError(
        `kernel '${kernel.name}' uses f16, but this WebGPU device (${this.name}) lacks the 'shader-f16' feature; run it on cuda or cpu, or on an adapter that offers shader-f16`,
      );
    }
    // A debug build binds its fault record too.
    const buffers = wgsl.arrayBindings.length + (wgsl.faultBinding === undefined ? 0 : 1) + (wgsl.logBinding === undefined ? 0 : 1);
    if (buffers > this.maxStorageBuffers) {
      const why = (wgsl.faultBinding === undefined ? '' : ' (and, in debug mode, one for the fault record)') +
        (wgsl.logBinding === undefined ? '' : ' (and one for the log buffer of console.log)');
      throw new LaunchError(
        `kernel '${kernel.name}' has ${wgsl.arrayBindings.length} array parameters${why}; this WebGPU adapter binds at most ${this.maxStorageBuffers}`,
      );
    }
    const index = (name: string): number => {
      const i = kernel.params.findIndex((p) => p.name === name);
      if (i < 0) throw new LaunchError(`kernel '${kernel.name}': no parameter for binding '${name}'`);
      return i;
    };
    const plan: LaunchPlan = {
      wgsl,
      arrayArgs: wgsl.arrayBindings.map((b) => index(b.name)),
      bindings: wgsl.arrayBindings.map((b) => b.binding),
      uniformArgs: wgsl.uniformFields.map((f) => index(f.name)),
      lengthArgs: (wgsl.lengthFields ?? []).map((f) => index(f.name)),
      bindGroupLayout: this.pipelines.layout(kernel, wgsl).bindGroup,
      block: [0, 0, 0],
      pipeline: null,
    };
    this.plans.set(kernel, plan);
    return plan;
  }

  /**
   * Dispatch dimensions: a 1-D grid wider than the limit becomes (ceil(gx / dy), dy, 1) with
   * dy = ceil(gx / max), the fewest rows, each as short as they allow: fewer than dy surplus groups.
   * (max, dy) would dispatch up to max − 1 groups that only return: at 65537 blocks, 65533 of them.
   */
  private fold([gx, gy, gz]: Dim3Tuple): Dim3Tuple {
    if (gx <= this.maxWorkgroups) return [gx, gy, gz];
    const dy = Math.ceil(gx / this.maxWorkgroups);
    return [Math.ceil(gx / dy), dy, 1];
  }

  readBuffer(a: WebGpuArray): Promise<TypedArray> {
    const size = bufferSize(a.byteLength);
    const staging = this.gpu.createBuffer({ size, usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST });
    this.ops.push({ k: 'copy', src: a.buffer, dst: staging, size });
    const faults = this.collectFaults();
    const done = this.flush();
    return (async () => {
      try {
        await done;
        await this.guard(() => staging.mapAsync(MAP_READ));
        const out = newHostArray(a.type, a.length);
        new Uint8Array(out.buffer).set(new Uint8Array(staging.getMappedRange(), 0, a.byteLength));
        staging.unmap();
        this.reportUncaptured();
        if (faults) await this.readFaults(faults);
        return out;
      } finally {
        staging.destroy();
        faults?.staging.forEach((b) => b.destroy());
      }
    })();
  }

  writeBuffer(a: WebGpuArray, data: TypedArray): void {
    if (a.length === 0) return;
    // Staged through a copy in the batch, so the write lands after launches queued before it.
    const staging = this.gpu.createBuffer({ size: bufferSize(a.byteLength), usage: BufferUsage.COPY_SRC, mappedAtCreation: true });
    new Uint8Array(staging.getMappedRange()).set(new Uint8Array(data.buffer, data.byteOffset, a.byteLength));
    staging.unmap();
    this.ops.push({ k: 'copy', src: staging, dst: a.buffer, size: bufferSize(a.byteLength) });
    this.temps.push(staging);
  }

  releaseBuffer(buffer: GPUBuffer): void {
    if (this.disposed) return;
    // Kept for the next array of its size where the pool has room: ops are queued in order, so its
    // next user's clear or write runs after every op queued for this one.
    if (this.pool.keep(buffer)) return;
    // A queued op may still use it: free it after that op's batch is submitted.
    if (this.ops.length > 0) this.temps.push(buffer);
    else this.chain = this.chain.then(() => buffer.destroy());
  }

  async synchronize(): Promise<void> {
    this.assertUsable();
    const faults = this.collectFaults();
    try {
      await this.flush();
      await this.guard(() => this.gpu.queue.onSubmittedWorkDone());
      this.reportUncaptured();
      if (faults) await this.readFaults(faults);
    } finally {
      faults?.staging.forEach((b) => b.destroy());
    }
  }

  /**
   * Queues a copy of each waiting record (faults, logs) into a readable buffer of its own (null when
   * none wait): one buffer per record, so many printing launches between two synchronize() calls
   * never ask for a buffer beyond the device's maxBufferSize.
   */
  private collectFaults(): { staging: GPUBuffer[]; records: WebGpuDevice['records'] } | null {
    if (this.records.length === 0) return null;
    const records = this.records;
    this.records = [];
    const staging = records.map((r) => {
      const dst = this.gpu.createBuffer({ size: r.bytes, usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST });
      this.ops.push({ k: 'copy', src: r.buffer, dst, size: r.bytes, dstOffset: 0 });
      this.temps.push(r.buffer);
      return dst;
    });
    return { staging, records };
  }

  /**
   * Reads the records collectFaults copied (their batch has run): writes the lines the launches
   * printed, in launch order, then throws the first fault.
   */
  private async readFaults(f: { staging: GPUBuffer[]; records: WebGpuDevice['records'] }): Promise<void> {
    await this.guard(() => Promise.all(f.staging.map((b) => b.mapAsync(MAP_READ))));
    f.records.forEach((r, k) => {
      const b = f.staging[k] as GPUBuffer;
      const words = new Uint32Array(b.getMappedRange().slice(0));
      b.unmap();
      if (r.kind === 'log') this.noteLog(decodeLog(r.kernel, words, 0, r.bytes / Uint32Array.BYTES_PER_ELEMENT));
      else this.noteFault(faultOf(r.kernel, words, 0));
    });
    this.flushLog();
    this.throwFault();
  }

  async time(work: () => void | Promise<void>): Promise<number> {
    await this.synchronize();
    if (!this.hasTimestamps) {
      const t0 = performance.now();
      await work();
      await this.synchronize();
      return performance.now() - t0;
    }
    const readbacks: GPUBuffer[] = [];
    this.timing = readbacks;
    try {
      await work();
      await this.synchronize();
    } finally {
      this.timing = null;
    }
    let ns = 0n;
    for (const rb of readbacks) {
      await this.guard(() => rb.mapAsync(MAP_READ));
      const [begin = 0n, end = 0n] = new BigInt64Array(rb.getMappedRange());
      if (end > begin) ns += end - begin;
      rb.destroy();
    }
    return Number(ns) / 1e6;
  }

  /** Cuts the current batch and submits it after every earlier one. */
  private flush(): Promise<void> {
    const batch: Batch = { ops: this.ops, temps: this.temps, timing: this.timing };
    this.ops = [];
    this.temps = [];
    const run = this.chain.then(() => this.submit(batch));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async submit(batch: Batch): Promise<void> {
    try {
      if (batch.ops.length === 0) return;
      const pipelines = await Promise.all(batch.ops.flatMap((op) => (op.k === 'dispatch' ? [op.pipeline] : []))).catch(
        async (e: unknown) => {
          await this.submitTransfers(batch);
          throw e;
        },
      );
      this.assertUsable();
      this.gpu.pushErrorScope('validation');
      this.gpu.queue.submit([encodeBatch(this.gpu, batch, pipelines)]);
      const err = await this.gpu.popErrorScope();
      if (err) {
        await this.submitTransfers(batch);
        const names = [...new Set(batch.ops.flatMap((op) => (op.k === 'dispatch' ? [op.kernel.name] : [])))];
        throw new DeviceError(`WebGPU rejected queued work (kernels: ${names.join(', ') || 'none'}): ${err.message}`);
      }
    } finally {
      for (const t of batch.temps) t.destroy();
    }
  }

  /**
   * A batch whose kernels failed still moves its data, in order: the writes and the clears of its
   * new arrays (a reused buffer holds its last owner's bytes until then, pool.ts) are not lost with
   * the launches, and later work sees what a failed launch left alone.
   */
  private async submitTransfers(batch: Batch): Promise<void> {
    const ops = batch.ops.filter((op) => op.k !== 'dispatch');
    if (ops.length === 0 || this.disposed || this.broken !== null) return;
    this.gpu.pushErrorScope('validation');
    this.gpu.queue.submit([encodeBatch(this.gpu, { ops, temps: [], timing: null }, [])]);
    await this.gpu.popErrorScope();
  }

  /** Runs a device wait; if the device was lost meanwhile, reports that instead of a vague failure. */
  private async guard<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      this.assertUsable();
      throw e;
    }
  }

  private reportUncaptured(): void {
    const msg = this.uncaptured;
    if (msg !== null) {
      this.uncaptured = null;
      throw new DeviceError(`a WebGPU error occurred in earlier work: ${msg}`);
    }
  }

  protected release(): void {
    this.pool.clear();
    for (const t of this.temps) t.destroy();
    for (const r of this.records) r.buffer.destroy();
    this.records = [];
    this.temps = [];
    this.ops = [];
    this.gpu.destroy();
  }
}

/** The uniform block of one launch: scalar arguments at their offsets (bool as u32), then the grid. */
function uniformBytes(plan: LaunchPlan, args: readonly LaunchArg[], grid: Dim3Tuple): Uint8Array {
  const { wgsl } = plan;
  const bytes = new Uint8Array(Math.max(16, wgsl.uniformSize));
  const view = new DataView(bytes.buffer);
  const fields = wgsl.uniformFields;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as WgslLayout['uniformFields'][number];
    const v = args[plan.uniformArgs[i] as number];
    if (f.type === 'f32') view.setFloat32(f.offset, v as number, true);
    // An f16 travels as the f32 of its f16 value (the kernel converts it exactly).
    else if (f.type === 'f16') view.setFloat32(f.offset, f16round(v as number), true);
    else if (f.type === 'i32') view.setInt32(f.offset, v as number, true);
    else if (f.type === 'u32') view.setUint32(f.offset, v as number, true);
    else view.setUint32(f.offset, v === true ? 1 : 0, true);
  }
  const lengths = wgsl.lengthFields;
  if (lengths) {
    for (let i = 0; i < lengths.length; i++) {
      view.setUint32((lengths[i] as { offset: number }).offset, (args[plan.lengthArgs[i] as number] as WebGpuArray).length, true);
    }
  }
  view.setUint32(wgsl.gridOffset, grid[0], true);
  view.setUint32(wgsl.gridOffset + SCALAR_BYTES.u32, grid[1], true);
  view.setUint32(wgsl.gridOffset + 2 * SCALAR_BYTES.u32, grid[2], true);
  return bytes;
}
