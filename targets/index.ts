// The targets: one backend per target language (targets/<t>/index.ts), each run through the same
// pass list, in pipeline order: [unroll if the target wants it] → fold → legalize → emit → limits.
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import type { KernelIR } from '../core/ir/types.js';
import type { Target } from '../core/output.js';
import { cuda } from './cuda/index.js';
import { js } from './js/index.js';
import { lowerFor, type Emitted, type TargetBackend } from './target.js';
import { wgsl } from './wgsl/index.js';

export type { Emitted, Rule, TargetBackend } from './target.js';

export const TARGETS: Readonly<Record<Target, TargetBackend>> = { wgsl, cuda, js };

export interface TargetOutput {
  out: Emitted;
  /** What the target refuses (KS8xxx); the code must not be used when there are any. */
  limits: Diagnostic[];
}

/** The whole pass list for one target: the printed code and the target's limits on the kernel. */
export function compileForTarget(ir: KernelIR, target: Target): TargetOutput {
  const backend = TARGETS[target];
  const out = backend.emit(lowerFor(backend, ir));
  // Limits judge the kernel as verified (the source's spans and shapes), with the code printed.
  return { out, limits: backend.limits(ir, out.code) };
}

/** The code for one target, limits not checked (tests, benchmarks). */
export function emitKernel(ir: KernelIR, target: Target): Emitted {
  const backend = TARGETS[target];
  return backend.emit(lowerFor(backend, ir));
}

export { shortestF32 } from './float.js';
