// The targets: one backend per target language (targets/<t>/index.ts), each run through the same
// pass list, in pipeline order: [unroll if the target wants it] → fold → [check-bounds, debug builds]
// → legalize → emit → limits.
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import type { KernelIR } from '../core/ir/types.js';
import type { Target } from '../core/output.js';
import { cuda } from './cuda/index.js';
import { js } from './js/index.js';
import { lowerFor, type Emitted, type Rule, type TargetBackend } from './target.js';
import { checkBounds } from './debug.js';
import { verifyKernel } from '../core/ir/verify.js';
import type { DebugSite } from '../core/output.js';
import { wgsl } from './wgsl/index.js';

export type { Emitted, Rule, TargetBackend } from './target.js';

export const TARGETS: Readonly<Record<Target, TargetBackend>> = { wgsl, cuda, js };

export interface TargetOutput {
  out: Emitted;
  /** What the target refuses (KS8xxx); the code must not be used when there are any. */
  limits: Diagnostic[];
}

export interface TargetOptions {
  /** A debug build: every array access bounds-checked (targets/debug.ts), sites in meta.debug. */
  debug?: boolean;
}

/** The whole pass list for one target: the printed code and the target's limits on the kernel. */
export function compileForTarget(ir: KernelIR, target: Target, opts: TargetOptions = {}): TargetOutput {
  const backend = TARGETS[target];
  let sites: DebugSite[] | null = null;
  const rule: Rule | null = opts.debug
    ? {
        name: 'check-bounds',
        apply: (folded) => {
          const checked = checkBounds(folded);
          // The rule's output is new IR: a bug in it is the compiler's, caught here.
          verifyKernel(checked.ir);
          sites = checked.sites;
          return checked.ir;
        },
      }
    : null;
  const out = backend.emit(lowerFor(backend, ir, rule));
  if (sites) out.meta.debug = { ...out.meta.debug, sites };
  // A printing kernel's formats: the webgpu and cpu runtimes decode its log records with them.
  if (ir.prints) out.meta.prints = ir.prints;
  // Limits judge the kernel as verified (the source's spans and shapes), with the code printed.
  return { out, limits: backend.limits(ir, out.code) };
}

/** The code for one target, limits not checked (tests, benchmarks). */
export function emitKernel(ir: KernelIR, target: Target): Emitted {
  const backend = TARGETS[target];
  const out = backend.emit(lowerFor(backend, ir));
  if (ir.prints) out.meta.prints = ir.prints;
  return out;
}

export { shortestF32 } from './float.js';
export { checkBounds } from './debug.js';
