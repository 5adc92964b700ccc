// Calls of helper functions: each argument checked against its parameter, scalar or array. A call
// passing arrays keeps the caller's array names (`arrays`) for the inline pass (passes/inline.ts).
import { ts } from 'ts-morph';
import { ELEMENTS } from '../../core/elements.js';
import type { Expr } from '../../core/ir/types.js';
import { lookup, report, span, type FnCtx } from './context.js';
import { lowerExpr, strip } from './expr.js';
import { coerce } from './typing.js';
import { builtinArgs } from './builtin-params.js';
import { isVecExpr, lowerVec } from './vectors.js';
import type { ModuleInfo } from './module.js';
import { reportFragmentUse } from './matrix.js';

export function lowerHelperCall(cx: FnCtx, node: ts.CallExpression, name: string, mod: ModuleInfo, decl: ts.FunctionDeclaration, stmt: boolean): Expr | null {
  const sig = cx.helpers.request(cx, mod, decl, node);
  const args: Expr[] = [];
  const arrays: string[] = [];
  node.arguments.forEach((a, i) => {
    const p = sig?.shape[i];
    const e = strip(a);
    const b = ts.isIdentifier(e) ? lookup(cx, e.text) : undefined;
    if (b?.k === 'frag' && ts.isIdentifier(e)) {
      reportFragmentUse(cx, e);
      return;
    }
    if (p?.k === 'vec') {
      // One argument per component, in order (vectors never exist in the IR).
      const v = isVecExpr(cx, a) ? lowerVec(cx, a) : null;
      const text = `'${a.getText(cx.mod.sf)}'`;
      if (!v) report(cx, a, 'KS6015', p.name, name, p.vt, `${text}, which is no vector`);
      else if (v.vt !== p.vt) report(cx, a, 'KS6015', p.name, name, p.vt, `${text}, a ${v.vt}`);
      else args.push(...v.comps);
      return;
    }
    if (p?.k === 'array') {
      const host = ELEMENTS[p.elem].host.name;
      if (b?.k !== 'array') report(cx, a, 'KS6011', p.name, name, host, a.getText(cx.mod.sf));
      else if (b.elem !== p.elem) report(cx, a, 'KS6013', p.name, name, host, e.getText(cx.mod.sf), ELEMENTS[b.elem].host.name);
      else arrays.push(b.ir);
      return;
    }
    if (b?.k === 'array') {
      // An array where a scalar goes (or passed to a helper whose signature has errors).
      if (p) report(cx, a, 'KS6012', e.getText(cx.mod.sf), p.name, name, p.type);
      return;
    }
    args.push(p ? coerce(cx, a, lowerExpr(cx, a, p.type), p.type) : lowerExpr(cx, a));
  });
  if (!sig) return null;
  if (node.arguments.length !== sig.shape.length) {
    report(cx, node, 'KS2009', name, sig.shape.length, node.arguments.length);
    return null;
  }
  if (args.length + arrays.length !== sig.params.length + sig.shape.filter((p) => p.k === 'array').length) return null;
  if (sig.ret === null) {
    if (!stmt) report(cx, node, 'KS6008', name);
    // A void helper without arrays has no effect (it cannot reach any memory of its caller), unless it prints.
    if (!stmt || (arrays.length === 0 && !sig.prints)) return null;
  }
  const sp = span(cx, node);
  const passed = arrays.length > 0 ? { arrays } : {};
  return { k: 'call', fn: sig.name, args: [...args, ...builtinArgs(sig.hidden, sp)], ...passed, type: sig.ret ?? 'i32', span: sp };
}
