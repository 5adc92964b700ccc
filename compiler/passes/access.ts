// Infers how each array parameter is used (read, write, read_write) and which arrays are used
// atomically, from the IR. An array parameter that is never used counts as read.
import type { Access, KernelIR } from '../../core/ir/types.js';
import { visitAllExprs, visitStmts } from '../../core/ir/walk.js';

export function inferAccess(k: KernelIR): KernelIR {
  const reads = new Set<string>();
  const writes = new Set<string>();
  const atomics = new Set<string>();
  visitAllExprs(k.body, (e) => {
    if (e.k === 'index') reads.add(e.array);
    if (e.k === 'atomic') atomics.add(e.array);
  });
  visitStmts(k.body, (s) => {
    if (s.k === 'store' || s.k === 'vstore') writes.add(s.array);
    if (s.k === 'vload') reads.add(s.array);
    if (s.k === 'matrix' && s.op === 'load') reads.add(s.array);
    if (s.k === 'matrix' && s.op === 'store') writes.add(s.array);
  });
  const params = k.params.map((p) => {
    if (p.kind !== 'array') return p;
    const atomic = atomics.has(p.name);
    const r = reads.has(p.name);
    const w = writes.has(p.name);
    const access: Access = atomic || (r && w) ? 'read_write' : w ? 'write' : 'read';
    return { ...p, access, atomic };
  });
  const shared = k.shared.map((s) => ({ ...s, atomic: atomics.has(s.name) }));
  return { ...k, params, shared };
}
