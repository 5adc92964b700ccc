// The launch check for block-sized shared arrays (core/shared-size.ts), the same on every backend:
// each array's count for the launch's block shape must be a positive i32, and the block's shared
// memory in all (static arrays, then the block-sized ones, each 16-byte aligned) must fit the
// device's limit. A failure names the kernel, the array, the bytes and the limit, before anything
// is queued.
import { ELEMENTS } from '../core/elements.js';
import type { CompiledKernel } from '../core/output.js';
import { dynamicSharedLayout, type DynamicShared } from '../core/shared-size.js';
import { LaunchError } from './errors.js';

/** The block-sized arrays' bytes for `block` (0 when the kernel has none); throws a LaunchError when they do not fit. */
export function checkDynamicShared(
  kernel: CompiledKernel,
  block: readonly [number, number, number],
  limit: number,
  backend: string,
): number {
  const arrays = kernel.meta.dynamicShared;
  if (!arrays || arrays.length === 0) return 0;
  const layout = dynamicSharedLayout(arrays, block);
  const shape = `block [${block.join(', ')}]`;
  if (!layout.ok) {
    const a = layout.array;
    const why = layout.count === null
      ? 'which overflows i32 or divides by zero'
      : `= ${layout.count}; a length must be positive`;
    throw new LaunchError(`kernel '${kernel.name}': shared array '${a.name}' has length ${a.text} for ${shape}, ${why}`);
  }
  const total = kernel.meta.sharedBytes + layout.bytes;
  if (total > limit) {
    const at = crossing(arrays, layout.offsets, layout.counts, limit - kernel.meta.sharedBytes);
    const a = arrays[at] as DynamicShared;
    const n = layout.counts[at] ?? 0;
    throw new LaunchError(
      `kernel '${kernel.name}': shared array '${a.name}' (${a.text} = ${n} ${ELEMENTS[a.elem].host.name} elements, ` +
        `${n * ELEMENTS[a.elem].bytes} bytes) brings the block's shared memory to ${total} bytes for ${shape}; ` +
        `this ${backend} device allows at most ${limit}`,
    );
  }
  return layout.bytes;
}

/** The first block-sized array whose end lies beyond `room` bytes (the last when none does alone). */
function crossing(arrays: readonly DynamicShared[], offsets: readonly number[], counts: readonly number[], room: number): number {
  for (let i = 0; i < arrays.length; i++) {
    const a = arrays[i] as DynamicShared;
    if ((offsets[i] ?? 0) + (counts[i] ?? 0) * ELEMENTS[a.elem].bytes > room) return i;
  }
  return arrays.length - 1;
}
