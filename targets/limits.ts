// Target limits: what a target's compiler or driver would refuse (or silently get wrong) about a
// kernel that is valid KernelScript, reported as diagnostics at the TypeScript source. Each target's
// own check is its backend's `limits` member; compileForTarget (index.ts) runs it on every kernel.
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import type { KernelIR } from '../core/ir/types.js';
import type { Target } from '../core/output.js';
import { TARGETS } from './index.js';

export function targetLimits(ir: KernelIR, target: Target, code: string): Diagnostic[] {
  return TARGETS[target].limits(ir, code);
}
