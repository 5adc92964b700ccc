// What WGSL cannot do with vector accesses (the printer views a vector-accessed array as an array
// of vectors, emit.ts): such an array cannot also be atomic (KS8020), and a scalar access to it
// spells its index twice, so that index must not hold an atomic (KS8021).
import { makeDiagnostic, type Diagnostic } from '../../core/diagnostics/diagnostic.js';
import type { KernelIR } from '../../core/ir/types.js';
import { hasAtomic, visitAllExprs, visitStmts } from '../../core/ir/walk.js';
import { vectorWidths } from '../vectors.js';

export function vectorLimits(ir: KernelIR): Diagnostic[] {
  const wide = vectorWidths(ir);
  if (wide.size === 0) return [];
  const out: Diagnostic[] = [];
  const atomic = new Set([...ir.params.flatMap((p) => (p.kind === 'array' && p.atomic ? [p.name] : [])), ...ir.shared.filter((s) => s.atomic).map((s) => s.name)]);
  const reported = new Set<string>();
  visitStmts(ir.body, (s) => {
    if ((s.k === 'vload' || s.k === 'vstore') && atomic.has(s.array) && !reported.has(s.array)) {
      reported.add(s.array);
      out.push(makeDiagnostic(s.span, 'KS8020', 'wgsl', s.array));
    }
    if (s.k === 'store' && wide.has(s.array) && hasAtomic(s.index)) out.push(makeDiagnostic(s.index.span, 'KS8021', 'wgsl', s.array));
  });
  visitAllExprs(ir.body, (e) => {
    if (e.k === 'index' && wide.has(e.array) && hasAtomic(e.index)) out.push(makeDiagnostic(e.index.span, 'KS8021', 'wgsl', e.array));
  });
  return out;
}
