// Maps user names onto names that are legal and unambiguous in one target, deterministically (the
// mapping depends only on the kernel's own names). A name keeps its spelling when the target
// accepts it; otherwise:
//   1. characters outside [A-Za-z0-9_] are encoded (WGSL and C only): '$' → '_S', any other code
//      point → '_uXXXX' (hex, at least four digits), so 'a$b' → 'a_Sb', 'π' → '_u03C0';
//   2. a leading '_' gets a 'u' in front (WGSL forbids '_' and names starting with '__'; C reserves
//      names starting with '__' or '_' and a capital): '_' → 'u_', '__global__' → 'u__global__';
//   3. names starting with 'ks_' (the prefix of every name the generators invent) get 'u_';
//   4. '_' is appended while the name is reserved in the target (keywords, builtins, library names,
//      see each target's keywords.ts) or taken by another user name: 'uniform' → 'uniform_', 'EOF' → 'EOF_'.
// Every user name of the kernel (itself, parameters, shared arrays, helpers, their parameters and
// all locals) shares one table, so a new spelling never collides with any other user name.
// The kernel's own name is the one user name that may equal another (TypeScript keeps it apart from
// the names inside its function: `const b = kernel(function (a, b) {…})`), so it is spelled on its
// own, as the entry point: 5. the entry point gets '_' appended while its spelling is taken by a
// name declared in its scope: the helpers, and in WGSL the storage bindings and workgroup arrays,
// which are module-scope declarations too ('b' → 'b_' above). Parameters and locals may shadow it.
// Every name the generators invent starts with 'ks_' (rule 3), so none of them collides either.
import { InternalCompilerError } from '../core/diagnostics/diagnostic.js';
import type { KernelIR, Stmt } from '../core/ir/types.js';
import { visitStmts } from '../core/ir/walk.js';

/** A user name's spelling in the target; `entry` is the kernel's own (the entry point's). */
export type NameMap = ((name: string) => string) & { readonly entry: string };

/** What one target accepts as a name. */
export interface NamePolicy {
  /** Whether the target would reject or misread `name` (it may still be a valid identifier). */
  reserved: (name: string) => boolean;
  /** Encode characters outside [A-Za-z0-9_]; the JS target takes every TypeScript identifier as is. */
  asciiOnly: boolean;
  /** Prefix names that start with '_' (rule 2 above). */
  noLeadingUnderscore: boolean;
  /** Array parameters and shared arrays are declared beside the entry point (WGSL's module scope). */
  arraysBesideEntry: boolean;
}

const PLAIN = /^[A-Za-z0-9_]$/;

/** Rule 1: a plain ASCII spelling that reads like the original. */
export function encodeName(name: string): string {
  let out = '';
  for (const ch of name) {
    if (PLAIN.test(ch)) out += ch;
    else if (ch === '$') out += '_S';
    else out += `_u${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return /^[0-9]/.test(out) ? `u${out}` : out;
}

/** Rules 1–3: the spelling a name asks for before reserved words and collisions are considered. */
function spelling(name: string, policy: NamePolicy): string {
  let s = policy.asciiOnly ? encodeName(name) : name;
  if (policy.noLeadingUnderscore && s.startsWith('_')) s = `u${s}`;
  if (s.startsWith('ks_')) s = `u_${s}`;
  return s;
}

export function makeNameMap(ir: KernelIR, policy: NamePolicy): NameMap {
  const own = new Set(collectNames(ir));
  // The kernel's name takes part in every collision check, so no other name is respelled onto it.
  const all = new Set([...own, ir.name]);
  const sorted = [...own].sort();
  const map = new Map<string, string>();
  const taken = new Set<string>();
  const keeps = (n: string): boolean => spelling(n, policy) === n && !policy.reserved(n);
  /** Rule 4 (and 5): `base` with '_' appended while `free` refuses it. */
  const respell = (n: string, free: (c: string) => boolean): string => {
    const base = spelling(n, policy);
    let c = base;
    for (let k = 1; policy.reserved(c) || !free(c); k++) {
      // One '_' escapes every reserved word and pattern, so only collisions with the kernel's
      // other names can add more: fewer than there are names.
      if (k > all.size + 1) throw new InternalCompilerError(`no spelling found for the name '${n}'`);
      c = base + '_'.repeat(k);
    }
    return c;
  };
  // Names that keep their spelling claim it first, whatever their order.
  for (const n of sorted) {
    if (!keeps(n)) continue;
    map.set(n, n);
    taken.add(n);
  }
  for (const n of sorted) {
    if (map.has(n)) continue;
    const c = respell(n, (c) => !taken.has(c) && !all.has(c));
    taken.add(c);
    map.set(n, c);
  }
  const spelled = (name: string): string => map.get(name) ?? name;
  // Rule 5: the names declared in the entry point's own scope.
  const beside = new Set(ir.helpers.map((h) => spelled(h.name)));
  if (policy.arraysBesideEntry) {
    for (const p of ir.params) if (p.kind === 'array') beside.add(spelled(p.name));
    for (const s of ir.shared) beside.add(spelled(s.name));
  }
  const entry = own.has(ir.name) && !beside.has(spelled(ir.name)) ? spelled(ir.name)
    : respell(ir.name, (c) => !beside.has(c) && !(c !== ir.name && (taken.has(c) || all.has(c))));
  return Object.assign(spelled, { entry });
}

/** Every user-chosen name in the kernel but its own: parameters, shared arrays, helpers and locals. */
function collectNames(ir: KernelIR): string[] {
  const out: string[] = [];
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
  visitStmts(body, (s) => {
    if (s.k === 'let' || s.k === 'localArray') out.push(s.name);
    if (s.k === 'vload') out.push(...s.names);
    if (s.k === 'matrix' && s.op === 'frag') out.push(s.name);
  });
}
