// Locals of a barrier kernel that the cpu backend recomputes in each region instead of storing per
// thread (regions.ts): a `const` computed cheaply from constants, scalar parameters, the launch
// builtins (threadIdx included) and other such locals, or never-reassigned uniform locals. Its
// value is the same wherever it is recomputed, and `const tx = ks_tx;` in a thread loop is cheaper
// than a store in one region and a load in every later one. Locals a uniform condition reads
// (thread 0's value, outside the thread loops) keep their storage.
import type { Expr, Stmt } from '../../core/ir/types.js';
import { someExpr, visitStmts } from '../../core/ir/walk.js';

type Let = Extract<Stmt, { k: 'let' }>;

const CHEAP = new Set<Expr['k']>(['const', 'param', 'builtin', 'load', 'unary', 'binary', 'cast', 'select']);

/**
 * The recomputable locals, in declaration order (each one's inputs come before it). `uniform` are
 * the block-uniform locals (uniform.ts); `inConditions` the locals uniform conditions read.
 */
export function rematLocals(body: readonly Stmt[], uniform: ReadonlySet<string>, inConditions: ReadonlySet<string>): Map<string, Let> {
  const assigned = new Set<string>();
  const lets: Let[] = [];
  visitStmts(body, (s) => {
    if (s.k === 'assign') assigned.add(s.name);
    if (s.k === 'let') lets.push(s);
  });
  const fixed = (name: string): boolean => uniform.has(name) && !assigned.has(name);
  const out = new Map<string, Let>();
  for (const s of lets) {
    if (s.mutable || assigned.has(s.name) || !s.init || uniform.has(s.name) || inConditions.has(s.name)) continue;
    const pure = !someExpr(s.init, (x) => !CHEAP.has(x.k) || (x.k === 'load' && !out.has(x.name) && !fixed(x.name)));
    if (pure) out.set(s.name, s);
  }
  return out;
}
