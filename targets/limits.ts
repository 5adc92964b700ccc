// Target limits: what a target's compiler or driver would refuse (or silently get wrong) about a
// kernel that is valid KernelScript, reported as diagnostics at the TypeScript source. Run by the
// pipeline on every kernel it emits, with the code the target printed.
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import type { KernelIR } from '../core/ir/types.js';
import type { Target } from '../core/output.js';
import { cudaLimits } from './cuda/limits.js';
import { wgslLimits } from './wgsl/limits.js';

export function targetLimits(ir: KernelIR, target: Target, code: string): Diagnostic[] {
  switch (target) {
    case 'wgsl':
      return wgslLimits(ir, code);
    case 'cuda':
      return cudaLimits(ir);
    case 'js':
      return [];
  }
}
