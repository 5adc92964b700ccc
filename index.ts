// The full entry: the language, the runtime and the compiler (which also serves the no-build path).
import { registerCompiler } from './runtime/jit.js';
import { compileKernelObject } from './compiler/jit.js';

registerCompiler(compileKernelObject);

export * from './runtime.js';
export { compileKernel, KernelCompileError, InternalCompilerError } from './compiler/index.js';
export type { CompileOptions, Diagnostic } from './compiler/index.js';
