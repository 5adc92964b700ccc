// The launch rule for kernels with warp operations (KernelMeta.warp), the same on every backend:
// the device has warps (webgpu: subgroups), blockDim.x is a multiple of the warp size (so warps
// are whole and each lies within one row of the block: compiler/passes/warp-uniformity.ts relies
// on it), lanes follow the linear thread index (checked once per webgpu device,
// webgpu/warp-probe.ts), and a kernel marked atMost32 gets warps of at most 32 lanes.
import type { CompiledKernel } from '../core/output.js';
type Dim3Tuple = readonly [number, number, number];

/** What a device offers for warp operations. */
export interface WarpSupport {
  /** Lanes per warp; null when the device has none (then `missing` says why). */
  size: number | null;
  missing?: string;
  /** Block shapes (1-D, or 2-D and 3-D) whose lanes were found not to follow the linear thread index, and what was seen. */
  badOrder?: Partial<Record<BlockClass, string>>;
}

export type BlockClass = '1-D' | '2-D and 3-D';

export const blockClass = (block: Dim3Tuple): BlockClass => (block[1] === 1 && block[2] === 1 ? '1-D' : '2-D and 3-D');

/** Warps of 32 lanes along the linear thread index: cuda, and cpu (which simulates them). */
export const WARPS_OF_32: WarpSupport = { size: 32 };

/** Why a launch of a warp kernel with `block` cannot run on a device with `w` (named `device`); null when it can. */
export function warpLaunchProblem(kernel: Pick<CompiledKernel, 'name' | 'meta'>, block: Dim3Tuple, w: WarpSupport, device: string): string | null {
  const meta = kernel.meta.warp;
  if (!meta) return null;
  const k = `kernel '${kernel.name}' uses warp operations`;
  if (w.size === null) return `${k}, but ${device} ${w.missing ?? 'has no warps'}; run it on cuda or cpu, or on an adapter that offers subgroups`;
  const bad = w.badOrder?.[blockClass(block)];
  if (bad !== undefined) {
    return `${k}, but on ${device} the lanes of a subgroup do not follow the linear thread index in ${blockClass(block)} blocks (${bad}), so its warps would differ from cuda's and cpu's`;
  }
  if (meta.atMost32 && w.size > 32) {
    return `${k} that need warps of at most 32 lanes (warpBallot, or a condition such as threadIdx.x < 32 that splits only such warps evenly), but ${device} has warps of ${w.size}`;
  }
  if (block[0] % w.size !== 0) {
    return `${k}, so block.x must be a multiple of the warp size, ${w.size} on ${device}; got block [${block.join(', ')}]`;
  }
  return null;
}
