// Calls: conversions, Math functions, atomics and helper functions.
import { ts } from 'ts-morph';
import type { Expr, ScalarType } from '../../core/ir/types.js';
import { lookup, observe, report, span, type Binding, type FnCtx } from './context.js';
import { ATOMICS, atomicOfSurface, convert, isConversion, isMathFn, isStatement, MATH, MATH_FNS, type AtomicOp } from '../../core/ir/ops.js';
import { spanOf } from './module.js';
import { evalConst, lookupModuleName } from './symbols.js';
import { castTo, coerce, constOf, toBool } from './typing.js';
import { errExpr, intHint, lowerExpr, lowerIndex, numeric, resolveArray, strip } from './expr.js';
import { defaultAdaptableType, followsContext, isAdaptable } from './adapt.js';
import { usedBeforeDeclaration } from './declaration-order.js';
import { builtinArgs } from './builtin-params.js';

/** The language function a call names (`syncthreads`, `atomicAdd`…), if it names one. */
export function calleeLang(cx: FnCtx, node: ts.CallExpression): string | null {
  const callee = strip(node.expression);
  if (!ts.isIdentifier(callee) || lookup(cx, callee.text)) return null;
  const sym = lookupModuleName(cx.mod, callee.text);
  return sym.k === 'lang' ? sym.name : null;
}

/**
 * Lowers a call. In statement position (`stmt`) a call may have no value: the result is then
 * null, as it is after an error.
 */
export function lowerCall(cx: FnCtx, node: ts.CallExpression, stmt: boolean, hint: ScalarType | undefined): Expr | null {
  const callee = strip(node.expression);
  for (const a of node.arguments) {
    if (ts.isSpreadElement(a)) {
      report(cx, a, 'KS3001', 'spread (...)');
      return null;
    }
  }
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Math' && !lookup(cx, 'Math')) {
    return lowerMath(cx, node, callee.name.text, hint);
  }
  if (!ts.isIdentifier(callee)) {
    report(cx, callee, 'KS3004', callee.getText(cx.mod.sf));
    return null;
  }
  const name = callee.text;
  if (usedBeforeDeclaration(callee)) return null;
  if (lookup(cx, name)) {
    report(cx, callee, 'KS3004', name);
    return null;
  }
  const sym = lookupModuleName(cx.mod, name);
  if (sym.k === 'lang') {
    if (isConversion(sym.name)) return lowerConversion(cx, node, sym.name);
    const op = atomicOfSurface(sym.name);
    if (op) return lowerAtomic(cx, node, op);
    // Statements written as calls reach here only in expression position.
    if (sym.name === 'syncthreads') report(cx, node, 'KS5003');
    else if (isStatement(sym.name)) report(cx, node, 'KS4006', sym.name);
    else report(cx, callee, 'KS3004', name);
    return null;
  }
  if (sym.k === 'function') {
    const sig = cx.helpers.request(cx, sym.mod, sym.decl, node);
    const args = node.arguments.map((a, i) => {
      const t = sig?.params[i];
      return t ? coerce(cx, a, lowerExpr(cx, a, t), t) : lowerExpr(cx, a);
    });
    if (!sig) return null;
    if (args.length !== sig.params.length) {
      report(cx, node, 'KS2009', name, sig.params.length, args.length);
      return null;
    }
    if (sig.ret === null) {
      if (!stmt) report(cx, node, 'KS6008', name);
      return null;
    }
    const sp = span(cx, node);
    return { k: 'call', fn: sig.name, args: [...args, ...builtinArgs(sig.hidden, sp)], type: sig.ret, span: sp };
  }
  if (sym.k === 'error') cx.diags.report(spanOf(sym.mod, sym.node), sym.code, ...sym.args);
  else if (sym.k === 'missing') report(cx, callee, 'KS3002', name);
  else report(cx, callee, 'KS3004', name);
  return null;
}

function lowerConversion(cx: FnCtx, node: ts.CallExpression, to: ScalarType): Expr | null {
  const sp = span(cx, node);
  const arg = node.arguments[0];
  if (node.arguments.length !== 1 || !arg) {
    report(cx, node, 'KS2009', to, 1, node.arguments.length);
    return null;
  }
  if (isAdaptable(cx, arg)) {
    // A constant converts at compile time with the host's semantics (core/lang.ts), so that
    // u32(-1) is 0xffffffff as it is in plain TypeScript.
    const r = evalConst(cx.mod, arg);
    if (r.ok) {
      // f32 keeps the exact value: constOf rounds it once, where a double rounding could differ.
      const v = r.v.value;
      return constOf(to, to === 'f32' ? v : convert(v, to), sp);
    }
  }
  // A literal-only argument keeps its own integer type and is then converted, as the host does:
  // u32(c ? -1 : 1) reinterprets an i32, like u32(-1). Towards f32 it computes in f32, as JS would.
  const e = lowerExpr(cx, arg, to === 'f32' ? 'f32' : undefined);
  if (to === 'bool') return toBool(e);
  const c = castTo(e, to);
  return c === e ? e : { ...c, span: sp };
}

function lowerMath(cx: FnCtx, node: ts.CallExpression, name: string, hint: ScalarType | undefined): Expr | null {
  const sp = span(cx, node);
  if (!isMathFn(name)) {
    report(cx, node.expression, 'KS3013', name, MATH_FNS.join(', '));
    return null;
  }
  const fn = name;
  const info = MATH[fn];
  const ints = info.types.length > 1;
  const n = node.arguments.length;
  if (info.arity === 'fold' ? n < 1 : n !== info.arity) {
    report(cx, node, 'KS2009', `Math.${name}`, info.arity === 'fold' ? 'at least 1' : info.arity, n);
    return null;
  }
  const args = [...node.arguments];
  // Arguments with a type of their own decide the type, as the operands of `+` do: all of one
  // integer type stay integer (abs/min/max, computed on integers), anything else is f32. Arguments
  // that follow their context (`3`, `Math.abs(3)`, `c ? 1 : 2`) then take that type; when all do,
  // the call follows its own context.
  const typed = new Map<ts.Expression, Expr>();
  for (const a of args) if (!ints || !followsContext(cx, a)) typed.set(a, lowerExpr(cx, a, 'f32'));
  const types = new Set([...typed.values()].map((e) => e.type));
  if (types.has('bool')) {
    report(cx, node, 'KS2010', `Math.${name}`, 'bool');
    return errExpr('f32', sp);
  }
  let t: ScalarType = 'f32';
  if (ints && !types.has('f32')) {
    const mixed = types.has('i32') && types.has('u32');
    if (mixed) report(cx, node, 'KS2001', `Math.${name}`);
    // After a mix, the context's type (if either) avoids a second error where the value goes.
    if (mixed) t = intHint(hint) ?? 'i32';
    else t = types.has('i32') ? 'i32' : types.has('u32') ? 'u32' : (numeric(hint) ?? defaultAdaptableType(cx, node));
  }
  // A literal-initialised local compared with u32 values takes u32 (`m = Math.max(m, y[i])`).
  if (t !== 'f32' && types.has('u32')) for (const a of typed.keys()) observe(cx, localOf(cx, a), 'u32');
  const lowered = args.map((a) => castTo(typed.get(a) ?? lowerExpr(cx, a, t), t));
  if (info.arity === 'fold') {
    return lowered.reduce((acc, x) => ({ k: 'math', fn, args: [acc, x], type: t, span: sp }));
  }
  return { k: 'math', fn, args: lowered, type: t, span: sp };
}

function lowerAtomic(cx: FnCtx, node: ts.CallExpression, op: AtomicOp): Expr | null {
  const rec = ATOMICS[op];
  const name = rec.surface;
  const want = 2 + rec.operands;
  const [arrNode, idxNode, ...vals] = node.arguments;
  if (node.arguments.length !== want || !arrNode || !idxNode) {
    report(cx, node, 'KS2009', name, want, node.arguments.length);
    return null;
  }
  const arr = resolveArray(cx, arrNode, 'KS4002', name);
  const index = lowerIndex(cx, idxNode);
  if (!arr) return null;
  if (arr.space === 'local') {
    report(cx, arrNode, 'KS4005', arrNode.getText(cx.mod.sf));
    return null;
  }
  if (!(rec.types as readonly string[]).includes(arr.elem)) {
    report(cx, node.expression, 'KS4001', name);
    return null;
  }
  const args = vals.map((v) => coerce(cx, v, lowerExpr(cx, v, arr.elem), arr.elem));
  return { k: 'atomic', op, array: arr.ir, index, args, type: arr.elem, span: span(cx, node) };
}

function localOf(cx: FnCtx, node: ts.Expression): Binding | undefined {
  const n = strip(node);
  return ts.isIdentifier(n) ? lookup(cx, n.text) : undefined;
}
