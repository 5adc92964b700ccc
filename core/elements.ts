// The element types arrays hold: one row each, with everything any layer needs to know about it
// (width, host array, storage spelling per target). Nothing else writes an element size.
import { Float16Array as Float16Polyfill } from '@petamoriken/float16';
import type { Float16Array as PolyfillFloat16Array } from '@petamoriken/float16';
import type { ElemType, ScalarType } from './ir/types.js';

/**
 * The host Float16Array: the platform's where it has one, else the standard polyfill (Node 20 has
 * none). Both hold IEEE binary16 in 2 bytes, so device copies are the same bytes either way. The
 * type is the polyfill's, which names it whether or not the user's TypeScript lib has Float16Array.
 */
export type Float16Array<TArrayBuffer extends ArrayBufferLike = ArrayBufferLike> = PolyfillFloat16Array<TArrayBuffer>;
// Messages, generated code and the element table name arrays by their constructor's name, which a
// bundler may have changed on the polyfill's class (esbuild writes `_Float16Array` on a clash).
if (Float16Polyfill.name !== 'Float16Array') Object.defineProperty(Float16Polyfill, 'name', { value: 'Float16Array' });
export const Float16Array: typeof Float16Polyfill =
  (globalThis as { Float16Array?: typeof Float16Polyfill }).Float16Array ?? Float16Polyfill;

/** Whether Float16Array is the platform's (every thread has it) rather than this module's polyfill. */
export const NATIVE_FLOAT16: boolean = Float16Array !== Float16Polyfill;

/** The host array of each element type; a new element type adds one row here and one in ELEMENTS. */
export interface HostArrays {
  f32: Float32Array;
  i32: Int32Array;
  u32: Uint32Array;
  u8: Uint8Array;
  i8: Int8Array;
  u16: Uint16Array;
  i16: Int16Array;
  f16: Float16Array;
  f64: Float64Array;
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
  /**
   * The scalar type an element reads as, and a stored value converts to: u8/u16 read as u32 and
   * i8/i16 as i32 (sign-extended); a store keeps the low `bytes * 8` bits, as C's conversion does.
   */
  readonly value: ScalarType;
  /** Whether atomics may operate on it (32-bit elements only). */
  readonly atomics: boolean;
  /**
   * Its storage spelling in each target's source. WGSL has no 8- or 16-bit integer storage: those
   * arrays are u32 words holding `perWord` elements each (targets/wgsl/pack.ts); f64 has no WGSL
   * spelling at all (the compiler refuses f64 kernels for WGSL), the string is never printed.
   */
  readonly wgsl: string;
  /** Elements per WGSL storage word: 4 for 8-bit, 2 for 16-bit integers, else 1 (not packed). */
  readonly perWord: 1 | 2 | 4;
  readonly cuda: string;
}

export const ELEMENTS: { readonly [E in ElemType]: ElementInfo<E> } = {
  f32: { name: 'f32', bytes: 4, host: Float32Array, value: 'f32', atomics: true, wgsl: 'f32', perWord: 1, cuda: 'float' },
  i32: { name: 'i32', bytes: 4, host: Int32Array, value: 'i32', atomics: true, wgsl: 'i32', perWord: 1, cuda: 'int' },
  u32: { name: 'u32', bytes: 4, host: Uint32Array, value: 'u32', atomics: true, wgsl: 'u32', perWord: 1, cuda: 'unsigned int' },
  u8: { name: 'u8', bytes: 1, host: Uint8Array, value: 'u32', atomics: false, wgsl: 'u32', perWord: 4, cuda: 'unsigned char' },
  i8: { name: 'i8', bytes: 1, host: Int8Array, value: 'i32', atomics: false, wgsl: 'u32', perWord: 4, cuda: 'signed char' },
  u16: { name: 'u16', bytes: 2, host: Uint16Array, value: 'u32', atomics: false, wgsl: 'u32', perWord: 2, cuda: 'unsigned short' },
  i16: { name: 'i16', bytes: 2, host: Int16Array, value: 'i32', atomics: false, wgsl: 'u32', perWord: 2, cuda: 'short' },
  f16: { name: 'f16', bytes: 2, host: Float16Array, value: 'f16', atomics: false, wgsl: 'f16', perWord: 1, cuda: 'unsigned short' },
  f64: { name: 'f64', bytes: 8, host: Float64Array, value: 'f64', atomics: false, wgsl: 'f64', perWord: 1, cuda: 'double' },
};

export const ELEM_TYPES = Object.keys(ELEMENTS) as ElemType[];

/**
 * Bytes per scalar in the WGSL uniform block (each field, and each grid component, a 4-byte slot;
 * bool travels as u32, an f16 as the f32 of its value; f64 never: WGSL has none). Scalars, not elements: CUDA argument slots follow the C ABI (params.ts).
 */
export const SCALAR_BYTES = { f32: 4, f16: 4, i32: 4, u32: 4, bool: 4 } as const;

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

/** The scalar type an element of `type` reads as (u8 → u32, i16 → i32, f16 → f16). */
export function valueOf(type: ElemType): ScalarType {
  return ELEMENTS[type].value;
}

/** Whether `type` is an 8- or 16-bit integer element (storage narrower than its value type). */
export function isSmallInt(type: ElemType): boolean {
  const e = ELEMENTS[type];
  return e.bytes < 4 && e.value !== 'f16';
}

/** The host array names for messages: 'Float32Array, Int32Array, …, Float16Array or Float64Array'. */
export function arrayTypeList(conjunction = 'or'): string {
  const names = ELEM_TYPES.map((e) => ELEMENTS[e].host.name);
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} ${conjunction} ${names.at(-1) ?? ''}`;
}
