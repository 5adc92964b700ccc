// Vectors on the host: the types kernels name (vec2f … vec4h) and plain-JS implementations of the
// constructors, element-wise operations and wide loads/stores, with the registry's semantics per
// component (core/ir/ops.ts), so they also work in ordinary host code. In kernels the compiler
// lowers a vector to its components (compiler/frontend/vectors.ts); these bodies never run there.
// core/lang.ts re-exports the language names; nothing here is part of the language by itself.
import { f16round } from './f16.js';
import { convert, evaluateBinary } from './ir/ops.js';
import type { HostArrays } from './elements.js';

/** The brand that keeps the vector types apart (a vec4f is not a vec4i, though both hold numbers). */
export const VEC_KIND: unique symbol = Symbol('kernelscript.vector');

/** The component type of each vector type. */
export const VEC_TYPES = {
  vec2f: { comp: 'f32', width: 2 },
  vec3f: { comp: 'f32', width: 3 },
  vec4f: { comp: 'f32', width: 4 },
  vec2i: { comp: 'i32', width: 2 },
  vec4i: { comp: 'i32', width: 4 },
  vec2u: { comp: 'u32', width: 2 },
  vec4u: { comp: 'u32', width: 4 },
  vec4h: { comp: 'f16', width: 4 },
} as const;

export type VecName = keyof typeof VEC_TYPES;
export type VecComp = (typeof VEC_TYPES)[VecName]['comp'];
export const VEC_NAMES = Object.keys(VEC_TYPES) as VecName[];
/** Component names in order. */
export const LANES = ['x', 'y', 'z', 'w'] as const;
export type Lane = (typeof LANES)[number];

export function isVecName(name: string): name is VecName {
  return Object.hasOwn(VEC_TYPES, name);
}

interface V2<K extends VecName> {
  x: number;
  y: number;
  readonly [VEC_KIND]: K;
}
interface V3<K extends VecName> extends V2<K> {
  z: number;
}
interface V4<K extends VecName> extends V3<K> {
  w: number;
}

/** Two f32 components. */
export type vec2f = V2<'vec2f'>;
/** Three f32 components. */
export type vec3f = V3<'vec3f'>;
/** Four f32 components; load4/store4 on a Float32Array move one. */
export type vec4f = V4<'vec4f'>;
export type vec2i = V2<'vec2i'>;
export type vec4i = V4<'vec4i'>;
export type vec2u = V2<'vec2u'>;
export type vec4u = V4<'vec4u'>;
/** Four f16 components (8 bytes); load4/store4 on a Float16Array move one. */
export type vec4h = V4<'vec4h'>;

export type AnyVec = vec2f | vec3f | vec4f | vec2i | vec4i | vec2u | vec4u | vec4h;

/** Rounds or wraps a host number to a component type. */
function comp(t: VecComp, v: number): number {
  return t === 'f16' ? f16round(v) : (convert(v, t) as number);
}

function make<K extends VecName>(kind: K, values: readonly number[]): Extract<AnyVec, { readonly [VEC_KIND]: K }> {
  const { comp: t, width } = VEC_TYPES[kind];
  const v: Record<string | symbol, unknown> = { [VEC_KIND]: kind };
  for (let j = 0; j < width; j++) v[LANES[j] ?? 'x'] = comp(t, values[j] ?? 0);
  return v as unknown as Extract<AnyVec, { readonly [VEC_KIND]: K }>;
}

/** A constructor: one value per component, or one value for all of them (a splat). */
function ctor<K extends VecName>(kind: K) {
  const width = VEC_TYPES[kind].width;
  return (...values: number[]): Extract<AnyVec, { readonly [VEC_KIND]: K }> => {
    if (values.length !== 1 && values.length !== width) {
      throw new RangeError(`${kind} takes 1 or ${width} values, got ${values.length}`);
    }
    return make(kind, values.length === 1 ? Array<number>(width).fill(values[0] ?? 0) : values);
  };
}

export const vec2f: { (s: number): vec2f; (x: number, y: number): vec2f } = ctor('vec2f');
export const vec3f: { (s: number): vec3f; (x: number, y: number, z: number): vec3f } = ctor('vec3f');
export const vec4f: { (s: number): vec4f; (x: number, y: number, z: number, w: number): vec4f } = ctor('vec4f');
export const vec2i: { (s: number): vec2i; (x: number, y: number): vec2i } = ctor('vec2i');
export const vec4i: { (s: number): vec4i; (x: number, y: number, z: number, w: number): vec4i } = ctor('vec4i');
export const vec2u: { (s: number): vec2u; (x: number, y: number): vec2u } = ctor('vec2u');
export const vec4u: { (s: number): vec4u; (x: number, y: number, z: number, w: number): vec4u } = ctor('vec4u');
export const vec4h: { (s: number): vec4h; (x: number, y: number, z: number, w: number): vec4h } = ctor('vec4h');

function lanes(v: AnyVec): number[] {
  const width = VEC_TYPES[v[VEC_KIND]].width;
  const r = v as unknown as Record<Lane, number>;
  return LANES.slice(0, width).map((l) => r[l]);
}

/** One arithmetic operator on two component values of type `t`, as every target computes it. */
function op(o: '+' | '-' | '*' | '/', t: VecComp, a: number, b: number): number {
  if (t === 'f16') return f16round(o === '+' ? a + b : o === '-' ? a - b : o === '*' ? a * b : a / b);
  return evaluateBinary(o, a, b, t, t) as number;
}

function zip<V extends AnyVec>(o: '+' | '-' | '*' | '/', a: V, b: V): V {
  const kind = a[VEC_KIND];
  const t = VEC_TYPES[kind].comp;
  const bs = lanes(b);
  return make(kind, lanes(a).map((x, j) => op(o, t, x, bs[j] ?? 0))) as V;
}

/** a + b per component. */
export const vadd = <V extends AnyVec>(a: V, b: V): V => zip('+', a, b);
/** a - b per component. */
export const vsub = <V extends AnyVec>(a: V, b: V): V => zip('-', a, b);
/** a * b per component. */
export const vmul = <V extends AnyVec>(a: V, b: V): V => zip('*', a, b);
/** a / b per component (integer vectors truncate, as `/` on i32 and u32 does). */
export const vdiv = <V extends AnyVec>(a: V, b: V): V => zip('/', a, b);
/** a * b + c per component, rounded after the product and after the sum (not fused). */
export const vfma = <V extends AnyVec>(a: V, b: V, c: V): V => zip('+', zip('*', a, b), c);
/** v * s per component. */
export const vscale = <V extends AnyVec>(v: V, s: number): V => {
  const kind = v[VEC_KIND];
  const t = VEC_TYPES[kind].comp;
  const k = comp(t, s);
  return make(kind, lanes(v).map((x) => op('*', t, x, k))) as V;
};
/** The sum of the component products, added in order x, y, z, w. */
export const dot = <V extends AnyVec>(a: V, b: V): number => {
  const t = VEC_TYPES[a[VEC_KIND]].comp;
  const bs = lanes(b);
  return lanes(a).reduce((acc, x, j) => {
    const p = op('*', t, x, bs[j] ?? 0);
    return j === 0 ? p : op('+', t, acc, p);
  }, 0);
};

type Wide = HostArrays['f32' | 'i32' | 'u32'];

function kindOf(arr: Wide | HostArrays['f16'], width: 2 | 4): VecName {
  const v: Record<string, VecName> =
    width === 4
      ? { Float32Array: 'vec4f', Int32Array: 'vec4i', Uint32Array: 'vec4u', Float16Array: 'vec4h' }
      : { Float32Array: 'vec2f', Int32Array: 'vec2i', Uint32Array: 'vec2u' };
  const name = v[arr.constructor.name];
  if (!name) throw new TypeError(`load${width}/store${width} cannot take a ${arr.constructor.name}`);
  return name;
}

function load(arr: Wide | HostArrays['f16'], i: number, width: 2 | 4): AnyVec {
  const vals: number[] = [];
  for (let j = 0; j < width; j++) vals.push(arr[width * i + j] ?? 0);
  return make(kindOf(arr, width), vals);
}

function store(arr: Wide | HostArrays['f16'], i: number, v: AnyVec, width: 2 | 4): void {
  kindOf(arr, width);
  lanes(v).forEach((x, j) => {
    arr[width * i + j] = x;
  });
}

/** Elements [2i, 2i + 2) of `arr` as one vector (one aligned 8-byte access on a device). */
export function load2(arr: Float32Array, i: number): vec2f;
export function load2(arr: Int32Array, i: number): vec2i;
export function load2(arr: Uint32Array, i: number): vec2u;
export function load2(arr: Wide, i: number): AnyVec {
  return load(arr, i, 2);
}

/** Elements [4i, 4i + 4) of `arr` as one vector (one aligned 16-byte access, 8 for f16, on a device). */
export function load4(arr: Float32Array, i: number): vec4f;
export function load4(arr: Int32Array, i: number): vec4i;
export function load4(arr: Uint32Array, i: number): vec4u;
export function load4(arr: HostArrays['f16'], i: number): vec4h;
export function load4(arr: Wide | HostArrays['f16'], i: number): AnyVec {
  return load(arr, i, 4);
}

/** Writes `v` to elements [2i, 2i + 2) of `arr`. */
export function store2(arr: Float32Array, i: number, v: vec2f): void;
export function store2(arr: Int32Array, i: number, v: vec2i): void;
export function store2(arr: Uint32Array, i: number, v: vec2u): void;
export function store2(arr: Wide, i: number, v: AnyVec): void {
  store(arr, i, v, 2);
}

/** Writes `v` to elements [4i, 4i + 4) of `arr`. */
export function store4(arr: Float32Array, i: number, v: vec4f): void;
export function store4(arr: Int32Array, i: number, v: vec4i): void;
export function store4(arr: Uint32Array, i: number, v: vec4u): void;
export function store4(arr: HostArrays['f16'], i: number, v: vec4h): void;
export function store4(arr: Wide | HostArrays['f16'], i: number, v: AnyVec): void {
  store(arr, i, v, 4);
}
