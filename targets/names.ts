// Maps user names onto names that are legal and unambiguous in one target. A name that collides
// with a reserved word gets '_' appended; names starting with `ks_` (the prefix of every name the
// generators invent) are prefixed with `u_`. The mapping depends only on the kernel's own names,
// so output is deterministic.
import type { KernelIR, Stmt } from '../compiler/ir/types.js';

export type NameMap = (name: string) => string;

export function makeNameMap(ir: KernelIR, reserved: ReadonlySet<string>, forbidDoubleUnderscore: boolean): NameMap {
  const all = new Set(collectNames(ir));
  const map = new Map<string, string>();
  const taken = new Set<string>();
  for (const n of all) {
    if (!needsRename(n)) taken.add(n);
  }
  function needsRename(n: string): boolean {
    return reserved.has(n) || n.startsWith('ks_') || (forbidDoubleUnderscore && n.startsWith('__'));
  }
  for (const n of [...all].sort()) {
    if (!needsRename(n)) {
      map.set(n, n);
      continue;
    }
    let c = n.startsWith('ks_') || n.startsWith('__') ? `u_${n}` : `${n}_`;
    while (reserved.has(c) || taken.has(c) || all.has(c)) c += '_';
    taken.add(c);
    map.set(n, c);
  }
  return (name) => map.get(name) ?? name;
}

/** Every user-chosen name in the kernel: itself, parameters, shared arrays, helpers and locals. */
function collectNames(ir: KernelIR): string[] {
  const out: string[] = [ir.name];
  for (const p of ir.params) out.push(p.name);
  for (const s of ir.shared) out.push(s.name);
  for (const h of ir.helpers) {
    out.push(h.name);
    for (const p of h.params) out.push(p.name);
    collectLocals(h.body, out);
  }
  collectLocals(ir.body, out);
  return out;
}

function collectLocals(body: readonly Stmt[], out: string[]): void {
  for (const s of body) {
    switch (s.k) {
      case 'let':
      case 'localArray':
        out.push(s.name);
        break;
      case 'if':
        collectLocals(s.then, out);
        collectLocals(s.else, out);
        break;
      case 'loop':
        collectLocals(s.body, out);
        collectLocals(s.update, out);
        break;
      case 'block':
        collectLocals(s.body, out);
        break;
      default:
        break;
    }
  }
}
