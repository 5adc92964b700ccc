// A helper body in single-exit form, for inlining: no `return` is left, the value (if any) ends up
// in the local `result`. When the only return is the body's last statement it simply becomes that
// local's initialisation. Otherwise the body runs inside a loop that runs once, each `return v`
// becomes `result = v; break`, and a return inside one of the helper's own loops also sets a flag
// that is tested after each such loop to break out of the next one.
import type { ScalarType, Span, Stmt } from '../../core/ir/types.js';
import { someStmt, visitStmts } from '../../core/ir/walk.js';
import { alwaysReturns } from '../frontend/helpers.js';

export function singleExit(body: Stmt[], result: { name: string; type: ScalarType } | null, span: Span, flagName: () => string): Stmt[] {
  let returns = 0;
  visitStmts(body, (s) => {
    if (s.k === 'return') returns++;
  });
  const last = body.at(-1);
  if (returns === 0 || (returns === 1 && last?.k === 'return')) {
    const plain = returns === 0 ? body : body.slice(0, -1);
    if (!result || last?.k !== 'return' || !last.value) return plain;
    return [...plain, { k: 'let', name: result.name, type: result.type, init: last.value, mutable: false, span: last.span }];
  }
  const isReturn = (s: Stmt): boolean => s.k === 'return';
  const nested = someStmt(body, (s) => s.k === 'loop' && someStmt([s], isReturn));
  const flag = nested ? flagName() : null;
  const rewrite = (list: readonly Stmt[], inLoop: boolean): Stmt[] =>
    list.flatMap((s): Stmt[] => {
      switch (s.k) {
        case 'return': {
          const out: Stmt[] = [];
          if (result && s.value) out.push({ k: 'assign', name: result.name, value: s.value, span: s.span });
          if (inLoop && flag) out.push({ k: 'assign', name: flag, value: { k: 'const', type: 'bool', value: true, span: s.span }, span: s.span });
          out.push({ k: 'break', span: s.span });
          return out;
        }
        case 'if':
          return [{ ...s, then: rewrite(s.then, inLoop), else: rewrite(s.else, inLoop) }];
        case 'block':
          return [{ ...s, body: rewrite(s.body, inLoop) }];
        case 'loop': {
          const loop: Stmt = { ...s, body: rewrite(s.body, true), update: rewrite(s.update, true) };
          if (!flag || !someStmt([s], isReturn)) return [loop];
          const test: Stmt = { k: 'if', cond: { k: 'load', name: flag, type: 'bool', span: s.span }, then: [{ k: 'break', span: s.span }], else: [], span: s.span };
          return [loop, test];
        }
        default:
          return [s];
      }
    });
  const out: Stmt[] = [];
  if (result) out.push({ k: 'let', name: result.name, type: result.type, init: null, mutable: true, span });
  if (flag) out.push({ k: 'let', name: flag, type: 'bool', init: { k: 'const', type: 'bool', value: false, span }, mutable: true, span });
  const inner = rewrite(body, false);
  // A body that returns on every path needs no final break (C compilers warn about unreachable code).
  if (!alwaysReturns(body)) inner.push({ k: 'break', span });
  out.push({ k: 'loop', cond: null, testFirst: true, body: inner, update: [], span });
  return out;
}
