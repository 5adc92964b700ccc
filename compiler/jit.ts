// The no-build path's compiler, which the full entry (index.ts) registers with the runtime
// (runtime/jit.ts; the runtime-only entry registers none): compiles a kernel(...) object from its
// own TypeScript source, found through the call site kernel() recorded (compiler/sites.ts). The
// runtime calls it on a kernel's first launch per target and keeps the result. Below it, parsing is
// cached per file content and lowering and emission per parsed file (compiler/pipeline.ts), so a
// file with several kernels is parsed once and each kernel lowered once, until the file or one it
// imports changes.
import type { Kernel } from '../core/kernel.js';
import type { CompiledKernel, Target } from '../core/output.js';
import { compileKernel } from './index.js';

export function compileKernelObject(k: Kernel, target: Target, debug = false): CompiledKernel {
  return compileKernel(k, { target, debug });
}
