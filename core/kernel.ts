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

/** A kernel definition. `compiled` holds ahead-of-time outputs (from the CLI or esbuild plugin). */
export interface Kernel<F extends KernelFn = KernelFn> {
  readonly kind: 'kernelscript.kernel';
  readonly fn: F;
  readonly site: CallSite | null;
  readonly compiled: Partial<Record<Target, CompiledKernel>>;
}

export function isKernel(x: unknown): x is Kernel {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'kernelscript.kernel';
}
