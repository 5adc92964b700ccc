// A device array on WebGPU: one storage buffer. All ordering with launches goes through the
// device's command batch, so the array itself only forwards.
import type { ElemType } from '../../core/ir/types.js';
import { BaseArray } from '../device.js';
import type { TypedArray } from '../types.js';

/** What an array needs from its device (kept narrow to avoid a module cycle). */
export interface BufferOwner {
  readBuffer(a: WebGpuArray): Promise<TypedArray>;
  writeBuffer(a: WebGpuArray, data: TypedArray): void;
  releaseBuffer(buffer: GPUBuffer): void;
}

export class WebGpuArray extends BaseArray {
  constructor(
    private readonly owner: BufferOwner & ConstructorParameters<typeof BaseArray>[0],
    type: ElemType,
    length: number,
    readonly buffer: GPUBuffer,
  ) {
    super(owner, length, type);
  }
  protected readImpl(): Promise<TypedArray> {
    return this.owner.readBuffer(this);
  }
  protected writeImpl(data: TypedArray): void {
    this.owner.writeBuffer(this, data);
  }
  protected release(): void {
    this.owner.releaseBuffer(this.buffer);
  }
}

/** GPUBuffer copy sizes must be multiples of this (WebGPU's COPY_BUFFER_ALIGNMENT), whatever the element width. */
const COPY_ALIGN = 4;

/** WebGPU buffers cannot be empty, and copies work in COPY_ALIGN-byte units. */
export function bufferSize(bytes: number): number {
  return Math.max(COPY_ALIGN, Math.ceil(bytes / COPY_ALIGN) * COPY_ALIGN);
}
