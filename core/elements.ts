// The element types arrays hold: one row each, with everything any layer needs to know about it
// (width, host array, storage spelling per target). Nothing else writes an element size.
import type { ElemType } from './ir/types.js';

/** The host array of each element type; a new element type adds one row here and one in ELEMENTS. */
export interface HostArrays {
  f32: Float32Array;
  i32: Int32Array;
  u32: Uint32Array;
}

// HostArrays and ElemType must name the same types: a row missing on either side fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameKeys: Same<keyof HostArrays, ElemType> = true;
void sameKeys;

export type TypedArray = HostArrays[ElemType];
export type TypedArrayCtor<T extends TypedArray = TypedArray> = {
  new (n: number): T;
  readonly BYTES_PER_ELEMENT: number;
  readonly name: string;
};

export interface ElementInfo<E extends ElemType = ElemType> {
  readonly name: E;
  /** Bytes per element, in device memory and in the host array. */
  readonly bytes: number;
  /** The host typed array that holds it. */
  readonly host: TypedArrayCtor<HostArrays[E]>;
  /** Its storage spelling in each target's source. */
  readonly wgsl: string;
  readonly cuda: string;
}

export const ELEMENTS: { readonly [E in ElemType]: ElementInfo<E> } = {
  f32: { name: 'f32', bytes: 4, host: Float32Array, wgsl: 'f32', cuda: 'float' },
  i32: { name: 'i32', bytes: 4, host: Int32Array, wgsl: 'i32', cuda: 'int' },
  u32: { name: 'u32', bytes: 4, host: Uint32Array, wgsl: 'u32', cuda: 'unsigned int' },
};

export const ELEM_TYPES = Object.keys(ELEMENTS) as ElemType[];

/**
 * Bytes per scalar in the WGSL uniform block (each field, and each grid component, a 4-byte slot;
 * bool travels as u32). Scalars, not elements: CUDA argument slots follow the C ABI (params.ts).
 */
export const SCALAR_BYTES = { f32: 4, i32: 4, u32: 4, bool: 4 } as const;

/** The element type a host array holds, or null for an array type kernels cannot take. */
export function elementOfArray(a: unknown): ElemType | null {
  for (const e of ELEM_TYPES) if (a instanceof ELEMENTS[e].host) return e;
  return null;
}

/** The element type of a typed-array constructor (`Float32Array` → 'f32'), or null. */
export function elementOfCtor(c: unknown): ElemType | null {
  for (const e of ELEM_TYPES) if (c === ELEMENTS[e].host) return e;
  return null;
}

/** The element type of a typed-array constructor name ('Float32Array' → 'f32'). */
export function elementOfArrayName(name: string): ElemType | null {
  for (const e of ELEM_TYPES) if (ELEMENTS[e].host.name === name) return e;
  return null;
}

/** A zero-filled host array of `length` elements of `type`. */
export function newHostArray<E extends ElemType>(type: E, length: number): HostArrays[E] {
  return new ELEMENTS[type].host(length);
}

/** Bytes `length` elements of `type` take. */
export function elementBytes(type: ElemType, length: number): number {
  return ELEMENTS[type].bytes * length;
}

/** The host array names for messages: 'Float32Array, Int32Array or Uint32Array'. */
export function arrayTypeList(conjunction = 'or'): string {
  const names = ELEM_TYPES.map((e) => ELEMENTS[e].host.name);
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} ${conjunction} ${names.at(-1) ?? ''}`;
}
