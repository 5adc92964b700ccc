// What a compile produces: shared by the compiler (which fills it) and the runtime (which reads it).
// Kept free of compiler imports so that runtime bundles stay small.
import type { Access, ElemType, ScalarType, Span } from './ir/types.js';
import type { DebugSync } from './race.js';
import type { DynamicShared } from './shared-size.js';
import type { PrintSite } from './printf.js';
export type { DynamicShared } from './shared-size.js';

export type Target = 'wgsl' | 'cuda' | 'js';
export const TARGETS: readonly Target[] = ['wgsl', 'cuda', 'js'];

/** One kernel parameter as the public contract describes it; an array's type is its element type. */
export type ParamInfo =
  | { name: string; kind: 'scalar'; type: ScalarType; access?: never }
  | { name: string; kind: 'array'; type: ElemType; access?: Access };

/** A scalar's slot in the WGSL uniform block (every field is 4 bytes; bool travels as u32). */
export interface UniformField {
  name: string;
  offset: number;
  type: ScalarType;
}

/** How a WGSL module expects its resources; the webgpu device binds exactly this. */
export interface WgslLayout {
  /** Binding of the uniform block (group 0), always present: it also carries the launch grid. */
  uniformBinding: number;
  /** Byte size of the uniform block, a multiple of 16. */
  uniformSize: number;
  uniformFields: UniformField[];
  /** Byte offset of the `vec3<u32>` holding the grid the user asked for (for folded 1-D grids). */
  gridOffset: number;
  /** Storage-buffer binding of each array parameter, in parameter order. */
  arrayBindings: { name: string; binding: number; access: Access }[];
  /** Pipeline-overridable constants that carry blockDim. */
  blockOverrides: [string, string, string];
  /** Debug builds: each array parameter's element count (u32) at this uniform offset, in parameter order. */
  lengthFields?: { name: string; offset: number }[];
  /** Debug builds: the storage binding of the fault record (FAULT_WORDS atomic u32, read_write). */
  faultBinding?: number;
  /** Kernels that print: the storage binding of the log buffer (core/printf.ts, atomic u32, read_write). */
  logBinding?: number;
  /** The module uses f16 (`enable f16;`): the device needs the 'shader-f16' feature. */
  f16?: true;
}

/** One checked array access of a debug build: what a fault at it reports. */
export interface DebugSite extends QuotedSpan {
  /** The array as the source names it. */
  array: string;
  access: 'read' | 'write' | 'atomic';
  /** The index's type: the fault record holds its bits as u32. */
  indexType: 'i32' | 'u32';
}

/** A source position a debug report points at, with its line for the code frame. */
export interface QuotedSpan extends Span {
  /** The source line (absent when the compiler had no text for the file). */
  lineText?: string;
}

/** What a debug build adds to its kernel's meta (its presence marks the build). */
export interface DebugMeta {
  /** The checked accesses; a fault record's site word indexes this list. */
  sites: DebugSite[];
  /** JS builds of kernels with shared arrays or barriers: the race checks' places (core/race.ts). */
  syncs?: DebugSync[];
}

/**
 * The fault record of a debug launch, FAULT_WORDS u32 words, zero before the launch: flag (set by
 * the first faulting access, atomically; the others leave the record alone), site, index (bits),
 * length, thread x, y, z, block x, y, z. WGSL binds it at `faultBinding`; CUDA takes it after the
 * parameters and one i32 length per array parameter; JS as the argument after the kernel's own.
 */
export const FAULT_WORDS = 10;
/** The fault record's size in bytes (u32 words). */
export const FAULT_BYTES = FAULT_WORDS * Uint32Array.BYTES_PER_ELEMENT;

export interface KernelMeta {
  usesBarrier: boolean;
  /** Bytes of statically declared shared memory. */
  sharedBytes: number;
  /**
   * Block-sized shared arrays (`sharedArray(T, blockDim.x * 2)`), in declaration order: sized at
   * launch with core/shared-size.ts, on top of `sharedBytes`. Absent when the kernel has none.
   */
  dynamicShared?: DynamicShared[];
  /** Array parameters used atomically. */
  atomicParams: string[];
  /** Present for the wgsl target. */
  wgsl?: WgslLayout;
  /** Present in a debug (bounds-checked) build only. */
  debug?: DebugMeta;
  /**
   * Kernels that use warp operations (warpSize, laneId, shfl…): launched only with blockDim.x a
   * multiple of the device's warp size; `atMost32`: only on warps of at most 32 lanes (a warpBallot,
   * or a condition warp-uniform only on such warps). Absent otherwise.
   */
  warp?: { atMost32: boolean };
  /**
   * Kernels that use warp-level matrix operations (matrixMma…, core/matrix.ts): launched only on a
   * device whose `matrix` support says so (they also carry `warp`). Absent otherwise.
   */
  matrix?: true;
  /** Kernels that print (console.log): the formats, indexed by a log record's site word. Absent otherwise. */
  prints?: PrintSite[];
}

export interface CompiledKernel {
  target: Target;
  /** The kernel's name (the exported const it was assigned to). */
  name: string;
  /** Generated WGSL / CUDA C / JS source. */
  code: string;
  /** Entry function in `code`. */
  entryPoint: string;
  params: ParamInfo[];
  meta: KernelMeta;
  /** sha256 of `code`, hex; the cache key for anything built from it. */
  hash: string;
}
