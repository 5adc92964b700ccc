// What a compile produces: shared by the compiler (which fills it) and the runtime (which reads it).
// Kept free of compiler imports so that runtime bundles stay small.
import type { Access, ScalarType } from './ir/types.js';

export type Target = 'wgsl' | 'cuda' | 'js';
export const TARGETS: readonly Target[] = ['wgsl', 'cuda', 'js'];

/** One kernel parameter as the public contract describes it. */
export interface ParamInfo {
  name: string;
  kind: 'scalar' | 'array';
  type: ScalarType;
  access?: Access;
}

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
}

export interface KernelMeta {
  usesBarrier: boolean;
  /** Bytes of statically declared shared memory. */
  sharedBytes: number;
  /** Array parameters used atomically. */
  atomicParams: string[];
  /** Present for the wgsl target. */
  wgsl?: WgslLayout;
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
