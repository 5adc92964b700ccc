// The element types arrays hold: one row each, with everything any layer needs to know about it
// (width, host array, storage spelling per target). Nothing else writes an element size.
import type { ElemType } from './ir/types.js';

export type TypedArray = Float32Array | Int32Array | Uint32Array;
export type TypedArrayCtor<T extends TypedArray = TypedArray> = {
  new (n: number): T;
  readonly BYTES_PER_ELEMENT: number;
  readonly name: string;
};

export interface ElementInfo {
  readonly name: ElemType;
  /** Bytes per element, in device memory and in the host array. */
  readonly bytes: number;
  /** The host typed array that holds it. */
  readonly host: TypedArrayCtor;
  /** Its storage spelling in each target's source. */
  readonly wgsl: string;
  readonly cuda: string;
}

export const ELEMENTS: { readonly [E in ElemType]: ElementInfo } = {
  f32: { name: 'f32', bytes: 4, host: Float32Array, wgsl: 'f32', cuda: 'float' },
  i32: { name: 'i32', bytes: 4, host: Int32Array, wgsl: 'i32', cuda: 'int' },
  u32: { name: 'u32', bytes: 4, host: Uint32Array, wgsl: 'u32', cuda: 'unsigned int' },
};

export const ELEM_TYPES = Object.keys(ELEMENTS) as ElemType[];

/** The element type a host array holds, or null for an array type kernels cannot take. */
export function elementOfArray(a: ArrayBufferView): ElemType | null {
  for (const e of ELEM_TYPES) if (a instanceof ELEMENTS[e].host) return e;
  return null;
}

/** The element type of a typed-array constructor name ('Float32Array' → 'f32'). */
export function elementOfArrayName(name: string): ElemType | null {
  for (const e of ELEM_TYPES) if (ELEMENTS[e].host.name === name) return e;
  return null;
}
