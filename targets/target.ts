// What one target is: its legalize rules (IR→IR rewrites that leave only what the target's printer
// can spell as it is), its printer, and its limits. targets/index.ts runs every target through the
// same pass list, in pipeline order: [unroll if wanted] → fold → legalize → emit → limits.
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import type { KernelIR } from '../core/ir/types.js';
import type { KernelMeta, Target } from '../core/output.js';
import { foldKernel } from './fold.js';
import { unrollKernel } from './unroll.js';

export interface Emitted {
  code: string;
  entryPoint: string;
  meta: KernelMeta;
}

/** One IR→IR rewrite of a target's legalize list; rules run once each, in list order. */
export interface Rule {
  name: string;
  apply(ir: KernelIR): KernelIR;
}

export interface TargetBackend {
  name: Target;
  /** Whether short counted loops over local arrays are unrolled (targets/unroll.ts) before folding. */
  unroll: boolean;
  /** Run after folding, in order; the printer then only spells what they leave. */
  legalize: readonly Rule[];
  /** Prints legalized IR. */
  emit(ir: KernelIR): Emitted;
  /**
   * What the target's compiler or driver would refuse, as diagnostics at the source (KS8xxx). Given
   * the kernel as the pipeline verified it (spans and shapes of the source) and the printed code.
   */
  limits(ir: KernelIR, code: string): Diagnostic[];
}

/**
 * The IR a target prints: unrolled if the target wants it, folded once (after unrolling, so the
 * copies' counters become constant local-array indices), bounds-checked in a debug build, then the
 * target's rules in order.
 */
export function lowerFor(t: Pick<TargetBackend, 'unroll' | 'legalize'>, input: KernelIR, debug: Rule | null = null): KernelIR {
  let ir = foldKernel(t.unroll ? unrollKernel(input) : input);
  // Debug builds check every access (targets/debug.ts) before the target legalizes what that adds.
  if (debug) ir = debug.apply(ir);
  for (const rule of t.legalize) ir = rule.apply(ir);
  return ir;
}

