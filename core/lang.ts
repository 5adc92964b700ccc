// The language surface: exactly the names kernels are written with (the front end takes its list of
// language names from this module's exports, so nothing else may be exported here as a value; the
// kernel object's type and isKernel live in core/kernel.ts). At run time in plain JS these are
// placeholders: kernels run through a device (the cpu device is the faithful JS execution); the
// scalar conversions and atomics do real work, with the op registry's semantics (core/ir/ops.ts),
// so they can also be used in ordinary host code.
import type { CompiledKernel, Target } from './output.js';
import type { CallSite, Kernel, KernelFn } from './kernel.js';
import { ATOMICS, convert, evaluateMath, type AtomicOp } from './ir/ops.js';
import { firstFrame } from './stack.js';
import { newKernel } from './specialize.js';
import type { Float16Array, HostArrays, TypedArray, TypedArrayCtor } from './elements.js';
import type { MatrixLayout } from './ir/types.js';
import { hostFill, hostLoad, hostMma, hostStore, type HostFragment } from './matrix.js';

declare global {
  interface Math {
    /** 2 to the power x. Kernels only: JavaScript's Math has no exp2 (write 2 ** x on the host). */
    exp2(x: number): number;
  }
}

export type f32 = number;
export type f16 = number;
export type f64 = number;
export type i32 = number;
export type u32 = number;
export type bool = boolean;

/** Rounds to the nearest f32. */
export const f32 = (x: number | boolean): f32 => convert(x, 'f32') as f32;
/** Rounds to the nearest f32, then to the nearest f16 (ties to even; beyond ±65504 to ±Infinity). */
export const f16 = (x: number | boolean): f16 => convert(x, 'f16') as f16;
/** The number itself (a JS number is an f64); booleans become 1 and 0. */
export const f64 = (x: number | boolean): f64 => convert(x, 'f64') as f64;
/** Truncates toward zero and wraps to 32 bits, as a C cast does for in-range values. */
export const i32 = (x: number | boolean): i32 => convert(x, 'i32') as i32;
/** Truncates toward zero and reinterprets as unsigned 32 bits. */
export const u32 = (x: number | boolean): u32 => convert(x, 'u32') as u32;
/** True for any non-zero number (NaN included, as in C and WGSL). */
export const bool = (x: number | boolean): bool => convert(x, 'bool') as bool;

export interface Dim3Value {
  readonly x: i32;
  readonly y: i32;
  readonly z: i32;
}

const outside = (): Dim3Value => ({ x: 0, y: 0, z: 0 });
/** Index of the thread within its block (CUDA threadIdx). */
export const threadIdx: Dim3Value = outside();
/** Index of the block within the grid (CUDA blockIdx). */
export const blockIdx: Dim3Value = outside();
/** Threads per block (CUDA blockDim). */
export const blockDim: Dim3Value = outside();
/** Blocks per grid (CUDA gridDim). */
export const gridDim: Dim3Value = outside();

/** Barrier for all threads of a block (CUDA __syncthreads, WGSL workgroupBarrier). */
export function syncthreads(): void {
  /* placeholder outside kernels */
}

/** Block-shared memory of a compile-time constant length. */
export function sharedArray<T extends TypedArray>(type: TypedArrayCtor<T>, length: number): T {
  return new type(length);
}

/** Per-thread private array of a compile-time constant length, zero-filled. */
export function localArray<T extends TypedArray>(type: TypedArrayCtor<T>, length: number): T {
  return new type(length);
}

type IntArray = HostArrays['i32' | 'u32'];
/** Atomics take 32-bit elements only (KS4020 says so for the rest). */
type Atomic32Array = HostArrays['f32' | 'i32' | 'u32'];
/** Applies the registry's update for `op` to arr[i] (the typed array wraps it); returns the old value. */
const rmw = (op: AtomicOp, arr: TypedArray, i: number, operands: readonly number[]): number => {
  const old = arr[i] ?? 0;
  arr[i] = ATOMICS[op].update(old, operands);
  return old;
};
/** arr[i] += v atomically; returns the old value. */
export const atomicAdd = (arr: Atomic32Array, i: i32, v: number): number => rmw('add', arr, i, [v]);
export const atomicSub = (arr: IntArray, i: i32, v: number): number => rmw('sub', arr, i, [v]);
export const atomicMin = (arr: IntArray, i: i32, v: number): number => rmw('min', arr, i, [v]);
export const atomicMax = (arr: IntArray, i: i32, v: number): number => rmw('max', arr, i, [v]);
export const atomicExch = (arr: IntArray, i: i32, v: number): number => rmw('exch', arr, i, [v]);
export const atomicCAS = (arr: IntArray, i: i32, expected: number, v: number): number => rmw('cas', arr, i, [expected, v]);
/** arr[i] &= v atomically; returns the old value. */
export const atomicAnd = (arr: IntArray, i: i32, v: number): number => rmw('and', arr, i, [v]);
/** arr[i] |= v atomically; returns the old value. */
export const atomicOr = (arr: IntArray, i: i32, v: number): number => rmw('or', arr, i, [v]);
/** arr[i] ^= v atomically; returns the old value. */
export const atomicXor = (arr: IntArray, i: i32, v: number): number => rmw('xor', arr, i, [v]);

/** Device-scope memory fence (CUDA __threadfence): writes before it are seen before writes after it. */
export function threadfence(): void {
  /* placeholder outside kernels */
}

/** a * b + c with one rounding (fused multiply-add). Host numbers are f64: rounded once to f64. */
export const fma = (a: number, b: number, c: number): number => evaluateMath('fma', [a, b, c], 'f64');
/** The f32 whose bits are the 32-bit integer `u` (u32 or i32). */
export const bitcastF32 = (u: u32 | i32): f32 => evaluateMath('bitcastF32', [u >>> 0], 'u32');
/** The bits of `x` as a u32: of an f32 (host numbers are taken as f32; in kernels an i32 keeps its bits). */
export const bitcastU32 = (x: f32 | i32): u32 => evaluateMath('bitcastU32', [Math.fround(x)], 'f32');
/** The bits of `x` as an i32: of an f32 (host numbers are taken as f32; in kernels a u32 keeps its bits). */
export const bitcastI32 = (x: f32 | u32): i32 => evaluateMath('bitcastI32', [Math.fround(x)], 'f32');

// Warps (subgroups): placeholders outside kernels, where a thread is a warp of one lane (core/ir/ops.ts
// WARP defines them; docs/language.md "Warps and subgroups").
/** Lanes per warp: 32 on cuda and cpu, the subgroup size on webgpu. */
export const warpSize: i32 = 1;
/** This thread's lane in its warp, 0 … warpSize - 1 (lanes follow the linear thread index). */
export const laneId: i32 = 0;
type WarpValue = number;
/** `v` of lane `srcLane mod warpSize`. */
export const shfl = <T extends WarpValue>(v: T, srcLane: i32 | u32): T => (void srcLane, v);
/** `v` of lane `laneId - delta`; the caller's own `v` where that lane is outside the warp. */
export const shflUp = <T extends WarpValue>(v: T, delta: i32 | u32): T => (void delta, v);
/** `v` of lane `laneId + delta`; the caller's own `v` where that lane is outside the warp. */
export const shflDown = <T extends WarpValue>(v: T, delta: i32 | u32): T => (void delta, v);
/** `v` of lane `laneId ^ laneMask`; the caller's own `v` where that lane is outside the warp. */
export const shflXor = <T extends WarpValue>(v: T, laneMask: i32 | u32): T => (void laneMask, v);
/** The sum over the warp's lanes (floats in butterfly order), in every lane. */
export const warpSum = <T extends WarpValue>(v: T): T => v;
/** The minimum over the warp's lanes (as Math.min), in every lane. */
export const warpMin = <T extends WarpValue>(v: T): T => v;
/** The maximum over the warp's lanes (as Math.max), in every lane. */
export const warpMax = <T extends WarpValue>(v: T): T => v;
/** Whether `p` holds in any lane of the warp. */
export const warpAny = (p: boolean): boolean => p;
/** Whether `p` holds in every lane of the warp. */
export const warpAll = (p: boolean): boolean => p;
/** Bit l set where `p` holds in lane l (lanes 0-31). */
export const warpBallot = (p: boolean): u32 => (p ? 1 : 0);

// Warp-level matrices (tensor cores, core/matrix.ts): fragments of a 16×16×16 D = A×B + C, held by
// the whole warp. On the host each fragment holds its 256 values, so kernel code runs as written.
export type { MatrixLayout } from './ir/types.js';
/** A warp's 16×16 f16 A operand, loaded `L`-major. */
export type MatrixA<L extends MatrixLayout = MatrixLayout> = HostFragment<'a', L>;
/** A warp's 16×16 f16 B operand, loaded `L`-major. */
export type MatrixB<L extends MatrixLayout = MatrixLayout> = HostFragment<'b', L>;
/** A warp's 16×16 f32 accumulator. */
export type MatrixAcc = HostFragment<'acc', null>;
/** Loads A from `src`: element (i, j) at offset + i*stride + j ('row') or offset + j*stride + i ('col'). */
export const matrixLoadA = <L extends MatrixLayout>(src: Float16Array, offset: i32 | u32, stride: i32 | u32, layout: L): MatrixA<L> =>
  hostLoad('a', layout, src, offset, stride, layout);
/** Loads B from `src`, as matrixLoadA. */
export const matrixLoadB = <L extends MatrixLayout>(src: Float16Array, offset: i32 | u32, stride: i32 | u32, layout: L): MatrixB<L> =>
  hostLoad('b', layout, src, offset, stride, layout);
/** Loads an accumulator from `src`, as matrixLoadA. */
export const matrixLoadAcc = (src: Float32Array, offset: i32 | u32, stride: i32 | u32, layout: MatrixLayout): MatrixAcc =>
  hostLoad('acc', null, src, offset, stride, layout);
/** An accumulator with every element `value`. */
export const matrixFill = (value: f32): MatrixAcc => hostFill(value);
/** a×b + c (f32 accumulation), a new accumulator. */
export const matrixMma = (a: MatrixA, b: MatrixB, c: MatrixAcc): MatrixAcc => hostMma(a, b, c);
/** Stores `c` to `dst`, element (i, j) where matrixLoadA would read it. */
export const matrixStore = (dst: Float32Array, offset: i32 | u32, stride: i32 | u32, c: MatrixAcc, layout: MatrixLayout): void =>
  hostStore(dst, offset, stride, c, layout);

// Vectors: their types, constructors, element-wise operations and wide loads/stores (core/vec.ts).
export { vec2f, vec3f, vec4f, vec2i, vec4i, vec2u, vec4u, vec4h } from './vec.js';
export { vadd, vsub, vmul, vdiv, vfma, vscale, dot, load2, load4, store2, store4 } from './vec.js';

/** Defines a kernel. The second and third arguments are written by build tools, never by hand. */
export function kernel<F extends KernelFn>(
  fn: F,
  compiled?: Partial<Record<Target, CompiledKernel>>,
  specialized?: Readonly<Record<string, Partial<Record<Target, CompiledKernel>>>>,
): Kernel<F> {
  return newKernel(fn, { ...compiled }, compiled ? null : callSite(), specialized);
}

/** The user's `kernel(...)` call, from the stack (V8-style engines; elsewhere null). */
function callSite(): CallSite | null {
  type Capture = (target: object, above?: (...args: never[]) => unknown) => void;
  const capture = (Error as { captureStackTrace?: Capture }).captureStackTrace;
  if (!capture) return null;
  // Frames from kernel() up are left out, so the first frame is the caller's whatever this module's
  // file is called (a bundle, dist/); the file check only guards against an engine that ignores it.
  const holder: { stack?: string } = {};
  capture.call(Error, holder, kernel);
  const f = firstFrame(holder.stack ?? '', (file) => /[\\/]core[\\/]lang\.[cm]?[jt]s$/.test(file));
  return f && { file: f.file, line: f.line, column: f.column };
}
