// Whether a barrier region reads a local's incoming value (regions.ts): a local that no region reads
// before it has definitely written it carries nothing across barriers, so it needs no per-thread
// storage; each region keeps its own copy. A `let` or an assign defines the local; after an `if`
// it is defined only where both branches define it; a loop's body and update start from the state
// before the loop and leave it unchanged (the loop may run zero times), which only errs towards
// "read", the safe side.
import type { Stmt } from '../../core/ir/types.js';
import { someExpr, stmtExprs } from '../../core/ir/walk.js';

/** True when `list`, entered with `name` undefined, may read `name` before writing it. */
export function readsIncoming(list: readonly Stmt[], name: string): boolean {
  const reads = (s: Stmt): boolean => stmtExprs(s).some((e) => someExpr(e, (x) => x.k === 'load' && x.name === name));
  /** Walks `body` from state `defined`; returns the state after it, or null once a read came first. */
  const walk = (body: readonly Stmt[], defined: boolean): boolean | null => {
    for (const s of body) {
      if (defined) return true;
      if (s.k === 'if') {
        if (reads(s)) return null;
        const a = walk(s.then, false);
        const b = walk(s.else, false);
        if (a === null || b === null) return null;
        defined = a && b;
      } else if (s.k === 'loop') {
        if (reads(s) || walk(s.body, false) === null || walk(s.update, false) === null) return null;
      } else if (s.k === 'block') {
        const r = walk(s.body, false);
        if (r === null) return null;
        defined = r;
      } else {
        if (reads(s)) return null;
        if ((s.k === 'let' || s.k === 'assign') && s.name === name) defined = true;
      }
    }
    return defined;
  };
  return walk(list, false) === null;
}
