// Two-phase typing of locals initialised with integer literals (`let s = 0`): dry runs over the
// body record the types each such local is assigned or compared with, until the choice is stable;
// then the real run lowers with those types.
import { ts } from 'ts-morph';
import type { ScalarType, Stmt } from '../../core/ir/types.js';
import type { FnCtx } from './context.js';
import { lowerBlock } from './stmt.js';

export type MakeCtx = (dry: boolean, litTypes: Map<ts.Node, ScalarType>) => FnCtx;

const MAX_ROUNDS = 4;

export function lowerFunctionBody(make: MakeCtx, body: readonly ts.Statement[]): { cx: FnCtx; body: Stmt[] } {
  let lit = new Map<ts.Node, ScalarType>();
  if (mayHaveLiteralLocals(body)) {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const cx = make(true, lit);
      lowerBlock(cx, body);
      const next = new Map(lit);
      for (const d of cx.litDecls) {
        const seen = cx.observed.get(d);
        const t = seen?.has('f32') ? 'f32' : seen?.has('u32') ? 'u32' : undefined;
        if (t && next.get(d) !== 'f32') next.set(d, t);
      }
      if (sameChoices(lit, next)) break;
      lit = next;
    }
  }
  const cx = make(false, lit);
  return { cx, body: lowerBlock(cx, body) };
}

function sameChoices(a: Map<ts.Node, ScalarType>, b: Map<ts.Node, ScalarType>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** Cheap syntactic check that skips the dry runs for most bodies without `let x = 0`. */
function mayHaveLiteralLocals(body: readonly ts.Statement[]): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isVariableDeclaration(n) && !n.type && n.initializer && !ts.isCallExpression(n.initializer)) {
      const init = n.initializer;
      if (ts.isNumericLiteral(init) || ts.isPrefixUnaryExpression(init) || ts.isBinaryExpression(init) ||
          ts.isIdentifier(init) || ts.isParenthesizedExpression(init)) {
        found = true;
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  for (const s of body) visit(s);
  return found;
}
