// The no-build path: compiles a kernel(...) object from its own TypeScript source on first use.
// Parsing, lowering and emission are cached per file content, so a file with several kernels is
// parsed once and each kernel is lowered once.
import type { Kernel } from '../core/lang.js';
import type { CompiledKernel, Target } from '../core/output.js';
import { compileKernel } from './index.js';

export function compileKernelObject(k: Kernel, target: Target): CompiledKernel {
  return compileKernel(k, { target });
}
