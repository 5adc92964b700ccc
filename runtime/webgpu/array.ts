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

/**
 * Buffer sizes are multiples of this: the largest alignment an access needs, a 16-byte vector
 * (WGSL views arrays accessed with load4/store4 as array<vec4<…>>, whose last vector must lie
 * wholly inside the buffer); it is also a multiple of WebGPU's COPY_BUFFER_ALIGNMENT (4), which
 * copy sizes need whatever the element width. Reads return only the elements asked for.
 */
const BUFFER_ALIGN = 16;

/** WebGPU buffers cannot be empty; sizes are rounded up to BUFFER_ALIGN bytes. */
export function bufferSize(bytes: number): number {
  return Math.max(BUFFER_ALIGN, Math.ceil(bytes / BUFFER_ALIGN) * BUFFER_ALIGN);
}
