// Block-uniform locals of a barrier kernel (the cpu backend's regions, regions.ts): a local whose
// every definition sits at the top level of a region and computes the same value in every thread
// (from constants, scalar parameters, blockIdx/blockDim/gridDim and other such locals; no memory,
// no calls) needs one copy per block, and its definitions run once, just before the region's
// thread loop, instead of once per thread: a loop counter like the `h` of a shared-memory tree
// reduction then costs nothing per thread. A definition moves only where no earlier statement of
// its region (that stays in the thread loop) touches the local, so every thread still sees the
// value it saw in its own turn.
import type { Expr, Stmt } from '../../core/ir/types.js';
import { someExpr, stmtExprs, visitExpr, visitStmts } from '../../core/ir/walk.js';

type Def = Extract<Stmt, { k: 'let' | 'assign' }>;

const isDef = (s: Stmt): s is Def => s.k === 'let' || s.k === 'assign';

function uniformExpr(e: Expr, uniform: ReadonlySet<string>): boolean {
  return !someExpr(
    e,
    (x) =>
      x.k === 'index' ||
      x.k === 'atomic' ||
      x.k === 'call' ||
      (x.k === 'builtin' && x.name === 'threadIdx') ||
      (x.k === 'load' && !uniform.has(x.name)),
  );
}

function mentions(s: Stmt, name: string): boolean {
  let hit = false;
  visitStmts([s], (t) => {
    if (hit) return;
    if ((isDef(t) || t.k === 'localArray') && t.name === name) hit = true;
    for (const e of stmtExprs(t)) {
      visitExpr(e, (x) => {
        if (x.k === 'load' && x.name === name) hit = true;
      });
    }
  });
  return hit;
}

/** The uniform locals of a kernel, given its regions (lists of barrier-free statements). */
export function uniformLocals(body: readonly Stmt[], regions: readonly (readonly Stmt[])[]): Set<string> {
  const home = new Map<Stmt, readonly Stmt[]>();
  for (const r of regions) for (const s of r) home.set(s, r);
  const defs = new Map<string, Def[]>();
  visitStmts(body, (s) => {
    if (isDef(s)) defs.set(s.name, [...(defs.get(s.name) ?? []), s]);
  });
  const uniform = new Set<string>();
  for (const [name, list] of defs) {
    if (list.some((d) => d.k === 'let') && list.every((d) => home.has(d))) uniform.add(name);
  }
  const hoisted = (s: Stmt): boolean => isDef(s) && uniform.has(s.name);
  const holds = (d: Def): boolean => {
    const value = d.k === 'let' ? d.init : d.value;
    if (value && !uniformExpr(value, uniform)) return false;
    const region = home.get(d) ?? [];
    for (const s of region.slice(0, region.indexOf(d))) if (!hoisted(s) && mentions(s, d.name)) return false;
    return true;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const name of [...uniform]) {
      if ((defs.get(name) ?? []).every(holds)) continue;
      uniform.delete(name);
      changed = true;
    }
  }
  return uniform;
}
