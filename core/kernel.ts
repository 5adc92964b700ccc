// The kernel object that `kernel(...)` (core/lang.ts) returns, and the host-side types around it.
// Kept apart from the language surface so that module exports exactly the names kernels write.
import type { CompiledKernel, Target } from './output.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type KernelFn = (...args: any[]) => void;

/** Where `kernel(...)` was called: lets the no-build path find the kernel's TypeScript source. */
export interface CallSite {
  file: string;
  line: number;
  column: number;
}

/** A kernel's compiled outputs, one per target. */
export type CompiledOutputs = Partial<Record<Target, CompiledKernel>>;

/** Values for module constants of a kernel's file, by name: what `k.specialize(values)` takes. */
export type SpecializeValues = Readonly<Record<string, number>>;

/** What a kernel returned by `specialize()` replaces. */
export interface Specialization {
  /** The name of the kernel specialized, as its source defines it. */
  readonly kernel: string;
  /** Canonical: the names sorted, `TILE=32,WG=8` (core/specialize.ts specializationKey). */
  readonly key: string;
  readonly values: SpecializeValues;
}

/** A kernel definition. `compiled` holds ahead-of-time outputs (from the CLI or esbuild plugin). */
export interface Kernel<F extends KernelFn = KernelFn> {
  readonly kind: 'kernelscript.kernel';
  readonly fn: F;
  readonly site: CallSite | null;
  readonly compiled: CompiledOutputs;
  /** Set on the kernels specialize() returns; absent on a kernel as written. */
  readonly specialization?: Specialization;
  /**
   * The kernel compiled with these module constants of its file replaced (like template arguments):
   * `matmul.specialize({ TILE: 32 })`. The same values give the same kernel object. `compiled` is
   * written by build tools, never by hand.
   */
  specialize(values: SpecializeValues, compiled?: CompiledOutputs): Kernel<F>;
}

export function isKernel(x: unknown): x is Kernel {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'kernelscript.kernel';
}
