// Queued work. Launches, writes and read-back copies are recorded as ops and encoded into one
// command buffer when the batch is submitted (at synchronize/read), so a run of launches costs one
// submit. Consecutive dispatches share a compute pass; WebGPU orders dispatches within a pass.
import type { CompiledKernel } from '../../core/output.js';
import type { Dim3Tuple } from '../device.js';
import { BufferUsage } from './flags.js';

export type Op =
  | {
      k: 'dispatch';
      kernel: CompiledKernel;
      pipeline: Promise<GPUComputePipeline>;
      bindGroupLayout: GPUBindGroupLayout;
      /** This launch's uniform block; all of a batch's blocks share one buffer at aligned offsets. */
      uniform: Uint8Array;
      uniformBinding: number;
      arrayEntries: GPUBindGroupEntry[];
      workgroups: Dim3Tuple;
    }
  | { k: 'copy'; src: GPUBuffer; dst: GPUBuffer; size: number; dstOffset?: number }
  /** Zeroes a pooled buffer given to a new array (pool.ts). */
  | { k: 'clear'; dst: GPUBuffer; size: number };

export interface Batch {
  ops: Op[];
  /** Uniforms, staging buffers, disposed arrays, query sets: destroyed once the batch is submitted. */
  temps: { destroy(): void }[];
  /** When set, the batch's passes are timed and the readback buffer is pushed here. */
  timing: GPUBuffer[] | null;
}

/** Encodes a batch whose pipelines are ready (in the order of its dispatch ops). */
export function encodeBatch(device: GPUDevice, batch: Batch, pipelines: GPUComputePipeline[]): GPUCommandBuffer {
  const enc = device.createCommandEncoder();
  const passes = countPasses(batch.ops);
  let timer: { set: GPUQuerySet; resolve: GPUBuffer; readback: GPUBuffer } | null = null;
  if (batch.timing && passes > 0) {
    timer = {
      set: device.createQuerySet({ type: 'timestamp', count: 2 }),
      resolve: device.createBuffer({ size: 16, usage: BufferUsage.QUERY_RESOLVE | BufferUsage.COPY_SRC }),
      readback: device.createBuffer({ size: 16, usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST }),
    };
  }
  const uniforms = uniformBuffer(device, batch);
  const groups = new Map<GPUBindGroupLayout, CachedGroup>();
  let pass: GPUComputePassEncoder | null = null;
  let passIndex = 0;
  let next = 0;
  for (const op of batch.ops) {
    if (op.k === 'copy' || op.k === 'clear') {
      pass?.end();
      pass = null;
      if (op.k === 'copy') enc.copyBufferToBuffer(op.src, 0, op.dst, op.dstOffset ?? 0, op.size);
      else enc.clearBuffer(op.dst, 0, op.size);
      continue;
    }
    if (!pass) {
      const desc: GPUComputePassDescriptor = {};
      if (timer) {
        const writes: GPUComputePassTimestampWrites = { querySet: timer.set };
        if (passIndex === 0) writes.beginningOfPassWriteIndex = 0;
        if (passIndex === passes - 1) writes.endOfPassWriteIndex = 1;
        if (passIndex === 0 || passIndex === passes - 1) desc.timestampWrites = writes;
      }
      pass = enc.beginComputePass(desc);
      passIndex++;
    }
    const pipeline = pipelines[next++];
    if (!pipeline) throw new Error('internal: a dispatch has no pipeline');
    pass.setPipeline(pipeline);
    if (!uniforms.buffer) throw new Error('internal: a dispatch has no uniform buffer');
    pass.setBindGroup(0, bindGroup(device, groups, op, uniforms.buffer), [uniforms.offsets[next - 1] as number]);
    pass.dispatchWorkgroups(op.workgroups[0], op.workgroups[1], op.workgroups[2]);
  }
  pass?.end();
  if (timer && batch.timing) {
    enc.resolveQuerySet(timer.set, 0, 2, timer.resolve, 0);
    enc.copyBufferToBuffer(timer.resolve, 0, timer.readback, 0, 16);
    batch.timing.push(timer.readback);
    batch.temps.push(timer.resolve, timer.set);
  }
  return enc.finish();
}

interface CachedGroup {
  group: GPUBindGroup;
  buffers: GPUBuffer[];
  uniformSize: number;
}

/**
 * The bind group of a dispatch. The uniform block is bound at a dynamic offset, so a group depends
 * only on the layout and the array buffers: a run of launches with the same arrays reuses the last
 * group made for that layout instead of creating one per launch.
 */
function bindGroup(
  device: GPUDevice,
  groups: Map<GPUBindGroupLayout, CachedGroup>,
  op: Extract<Op, { k: 'dispatch' }>,
  uniforms: GPUBuffer,
): GPUBindGroup {
  const buffers = op.arrayEntries.map((e) => (e.resource as GPUBufferBinding).buffer);
  const hit = groups.get(op.bindGroupLayout);
  if (hit && hit.uniformSize === op.uniform.byteLength && hit.buffers.every((b, i) => b === buffers[i])) return hit.group;
  const group = device.createBindGroup({
    label: `${op.kernel.name} bindings`,
    layout: op.bindGroupLayout,
    entries: [{ binding: op.uniformBinding, resource: { buffer: uniforms, offset: 0, size: op.uniform.byteLength } }, ...op.arrayEntries],
  });
  groups.set(op.bindGroupLayout, { group, buffers, uniformSize: op.uniform.byteLength });
  return group;
}

/** One mapped-at-creation buffer holding every launch's uniform block, each at an aligned offset. */
function uniformBuffer(device: GPUDevice, batch: Batch): { buffer: GPUBuffer | null; offsets: number[] } {
  const align = device.limits.minUniformBufferOffsetAlignment;
  const offsets: number[] = [];
  let size = 0;
  for (const op of batch.ops) {
    if (op.k !== 'dispatch') continue;
    offsets.push(size);
    size += Math.ceil(op.uniform.byteLength / align) * align;
  }
  if (offsets.length === 0) return { buffer: null, offsets };
  const buffer = device.createBuffer({ label: 'launch uniforms', size: Math.max(size, 16), usage: BufferUsage.UNIFORM, mappedAtCreation: true });
  const bytes = new Uint8Array(buffer.getMappedRange());
  let i = 0;
  for (const op of batch.ops) if (op.k === 'dispatch') bytes.set(op.uniform, offsets[i++]);
  buffer.unmap();
  batch.temps.push(buffer);
  return { buffer, offsets };
}

function countPasses(ops: readonly Op[]): number {
  let n = 0;
  let inPass = false;
  for (const op of ops) {
    if (op.k === 'dispatch') {
      if (!inPass) n++;
      inPass = true;
    } else inPass = false;
  }
  return n;
}
