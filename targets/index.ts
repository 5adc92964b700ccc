// The code generators: pure functions from a kernel's IR to source text for one target.
import type { KernelIR } from '../core/ir/types.js';
import type { KernelMeta, Target } from '../core/output.js';
import { emitCuda } from './cuda/emit.js';
import { foldKernel } from './fold.js';
import { emitJs } from './js/emit.js';
import { emitWgsl } from './wgsl/emit.js';

export interface Emitted {
  code: string;
  entryPoint: string;
  meta: KernelMeta;
}

export function emitKernel(input: KernelIR, target: Target): Emitted {
  const ir = foldKernel(input);
  switch (target) {
    case 'wgsl':
      return emitWgsl(ir);
    case 'cuda':
      return emitCuda(ir);
    case 'js':
      return emitJs(ir);
  }
}

export { shortestF32 } from './float.js';
