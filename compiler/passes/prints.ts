// Which helpers print (console.log), themselves or through the helpers they call. Such helpers
// are inlined by the first pass (inline.ts) like helpers taking arrays: a print is an effect, and
// inlined it keeps JS's evaluation (a call in a ?: arm or after && prints only when reached).
import type { HelperIR, Stmt } from '../../core/ir/types.js';
import { someExprIn, someStmt } from '../../core/ir/walk.js';

/** Whether `body` prints, directly or by calling one of `printing`. */
export const printsIn = (body: readonly Stmt[], printing: ReadonlySet<string>): boolean =>
  someStmt(body, (s) => s.k === 'print') || someExprIn(body, (e) => e.k === 'call' && printing.has(e.fn));

/** The names of the helpers that print (helpers in dependency order, callees first). */
export function printingHelpers(helpers: readonly HelperIR[]): Set<string> {
  const out = new Set<string>();
  for (const h of helpers) if (printsIn(h.body, out)) out.add(h.name);
  return out;
}
