// Calls: conversions, Math functions, atomics and helper functions.
import { ts } from 'ts-morph';
import type { Expr, ScalarType } from '../../core/ir/types.js';
import { ELEMENTS, valueOf } from '../../core/elements.js';
import { lookup, observe, report, span, type Binding, type FnCtx } from './context.js';
import { ATOMICS, atomicOfSurface, convert, isConversion, isFloat, isIntMath, isStatement, MATH, type AtomicOp } from '../../core/ir/ops.js';
import { spanOf } from './module.js';
import { evalConst, lookupModuleName } from './symbols.js';
import { castTo, coerce, constOf, isInt, toBool, widerFloat } from './typing.js';
import { errExpr, intHint, lowerExpr, lowerIndex, numeric, resolveArray, strip } from './expr.js';
import { defaultAdaptableType, floatHint, followsContext, isAdaptable, isFloatLiteral } from './adapt.js';
import { usedBeforeDeclaration } from './declaration-order.js';
import { lowerVecCall, VECTOR_LANG } from './vectors.js';
import { lowerHelperCall } from './helper-call.js';
import { consoleMethod } from './console.js';
import { isMathFn, isMathMethod, MATH_METHODS, mathOfSurface, type MathFn, type MathRecord } from '../../core/ir/ops.js';
import { lowerWarpCall } from './warp.js';
import { warpOfSurface } from '../../core/ir/ops.js';
import { matrixOfSurface } from '../../core/matrix.js';
import { reportMatrixCallMisplaced } from './matrix.js';

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
  if (consoleMethod(cx, node) === 'log') {
    report(cx, node, 'KS3036');
    return null;
  }
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Math' && !lookup(cx, 'Math')) {
    return lowerMath(cx, node, callee.name.text, hint, true);
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
    if (VECTOR_LANG.has(sym.name)) return lowerVecCall(cx, node, sym.name, hint);
    const fn = mathOfSurface(sym.name);
    if (fn) return lowerMath(cx, node, fn, hint, false);
    const warp = warpOfSurface(sym.name);
    if (warp) return lowerWarpCall(cx, node, warp, hint);
    const matrix = matrixOfSurface(sym.name);
    if (matrix) {
      reportMatrixCallMisplaced(cx, node, matrix);
      return null;
    }
    // Statements written as calls reach here only in expression position.
    if (sym.name === 'syncthreads') report(cx, node, 'KS5003');
    else if (sym.name === 'threadfence') report(cx, node, 'KS4050', 'threadfence()');
    else if (isStatement(sym.name)) report(cx, node, 'KS4006', sym.name);
    else report(cx, callee, 'KS3004', name);
    return null;
  }
  if (sym.k === 'function') return lowerHelperCall(cx, node, name, sym.mod, sym.decl, stmt);
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
      // A float type keeps the exact value: constOf rounds it once, where a double rounding could differ.
      const v = r.v.value;
      return constOf(to, isFloat(to) ? v : convert(v, to), sp);
    }
  }
  // A literal-only argument keeps its own integer type and is then converted, as the host does:
  // u32(c ? -1 : 1) reinterprets an i32, like u32(-1). Towards a float type literals take that type
  // (f16(0.1) is the f16 nearest 0.1), and integer literal expressions compute in it.
  const e = lowerExpr(cx, arg, isFloat(to) ? to : undefined);
  if (to === 'bool') return toBool(e);
  const c = castTo(e, to);
  return c === e ? e : { ...c, span: sp };
}

/** `Math.<name>(...)` (`method`), or a registry function called by its own name (`fma`, `bitcastF32`). */
function lowerMath(cx: FnCtx, node: ts.CallExpression, name: string, hint: ScalarType | undefined, method: boolean): Expr | null {
  const sp = span(cx, node);
  if (method ? !isMathMethod(name) : !isMathFn(name)) {
    report(cx, node.expression, 'KS3013', name, MATH_METHODS.join(', Math.'));
    return null;
  }
  const fn = name as MathFn;
  const info: MathRecord = MATH[fn];
  const title = info.surface ?? `Math.${name}`;
  const ints = isIntMath(fn);
  const n = node.arguments.length;
  if (info.arity === 'fold' ? n < 1 : n !== info.arity) {
    report(cx, node, 'KS2009', title, info.arity === 'fold' ? 'at least 1' : info.arity, n);
    return null;
  }
  const args = [...node.arguments];
  if (info.result) return lowerBitcast(cx, node, fn, info, title);
  const only = info.types.length === 1 ? info.types[0] : undefined;
  if (only) {
    // One type (imul, clz32, fround): every argument converts to it, as JS's ToInt32 and fround do
    // (a constant at compile time, so Math.imul(h, 2654435761) multiplies by its i32 bits).
    const lowered = args.map((a) => {
      const r = isAdaptable(cx, a) ? evalConst(cx.mod, a) : null;
      if (r?.ok) return constOf(only, convert(r.v.value, only), span(cx, a));
      return castTo(lowerExpr(cx, a, only), only);
    });
    if (lowered.some((e) => e.type === 'bool')) {
      report(cx, node, 'KS2010', title, 'bool');
      return errExpr(only, sp);
    }
    return { k: 'math', fn, args: lowered, type: only, span: sp };
  }
  // Arguments with a type of their own decide the type, as the operands of `+` do: all of one
  // integer type stay integer (abs/min/max, computed on integers); otherwise the widest float type
  // among them (f64 over f32 over f16; integers join it), f32 when none has one. Arguments that
  // follow their context (`3`, `Math.abs(3)`, `c ? 1 : 2`) and float literals then take that type;
  // when all do, the call follows its own context (a float literal only an f16 or f64 one).
  const typed = new Map<ts.Expression, Expr>();
  const literals = args.filter((a) => followsContext(cx, a) || isFloatLiteral(cx, a));
  const floatLiteral = literals.some((a) => !followsContext(cx, a));
  for (const a of args) if (!literals.includes(a)) typed.set(a, lowerExpr(cx, a, 'f32'));
  const types = new Set([...typed.values()].map((e) => e.type));
  if (types.has('bool')) {
    report(cx, node, 'KS2010', title, 'bool');
    return errExpr('f32', sp);
  }
  const floats = [...types].reduce<ScalarType | undefined>((w, x) => (w ? widerFloat(w, x) : widerFloat(x, x)), undefined);
  let t: ScalarType = floats ?? (typed.size === 0 ? (floatHint(hint) ?? 'f32') : 'f32');
  if (ints && !floats && !floatLiteral) {
    const mixed = types.has('i32') && types.has('u32');
    if (mixed) report(cx, node, 'KS2001', title);
    // After a mix, the context's type (if either) avoids a second error where the value goes.
    if (mixed) t = intHint(hint) ?? 'i32';
    else t = types.has('i32') ? 'i32' : types.has('u32') ? 'u32' : (numeric(hint) ?? defaultAdaptableType(cx, node));
  }
  // A literal-initialised local compared with u32 values takes u32 (`m = Math.max(m, y[i])`).
  if (isInt(t) && types.has('u32')) for (const a of typed.keys()) observe(cx, localOf(cx, a), 'u32');
  const lowered = args.map((a) => castTo(typed.get(a) ?? lowerExpr(cx, a, t), t));
  if (info.arity === 'fold') {
    return lowered.reduce((acc, x) => ({ k: 'math', fn, args: [acc, x], type: t, span: sp }));
  }
  return { k: 'math', fn, args: lowered, type: t, span: sp };
}

/**
 * bitcastF32/U32/I32: the argument keeps its type, which must be one the record takes (a 32-bit
 * type other than the result's); a literal takes the first of them (`bitcastF32(0x3f800000)`).
 */
function lowerBitcast(cx: FnCtx, node: ts.CallExpression, fn: MathFn, info: MathRecord, title: string): Expr | null {
  const sp = span(cx, node);
  const a = node.arguments[0];
  if (!a) return null;
  const first = info.types[0] ?? 'u32';
  const e = followsContext(cx, a) || isFloatLiteral(cx, a) ? castTo(lowerExpr(cx, a, first), first) : lowerExpr(cx, a, first);
  if (!(info.types as readonly string[]).includes(e.type)) {
    const want = info.types.join(' or ');
    const fix =
      e.type === info.result
        ? `it is already a ${e.type}`
        : e.type === 'bool'
          ? 'a bool has no bits to reinterpret; convert it with u32(...) first'
          : 'bitcasts take 32-bit values; convert with f32(...) first';
    report(cx, a, 'KS2060', title, want, `a ${e.type}`, fix);
    return errExpr(info.result ?? 'f32', sp);
  }
  return { k: 'math', fn, args: [e], type: info.result ?? e.type, span: sp };
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
  if (!ELEMENTS[arr.elem].atomics) {
    report(cx, arrNode, 'KS4020', name, arrNode.getText(cx.mod.sf), ELEMENTS[arr.elem].host.name);
    return null;
  }
  const type = valueOf(arr.elem);
  if (!(rec.types as readonly string[]).includes(type)) {
    report(cx, node.expression, 'KS4001', name);
    return null;
  }
  const args = vals.map((v) => coerce(cx, v, lowerExpr(cx, v, type), type));
  return { k: 'atomic', op, array: arr.ir, index, args, type, span: span(cx, node) };
}

function localOf(cx: FnCtx, node: ts.Expression): Binding | undefined {
  const n = strip(node);
  return ts.isIdentifier(n) ? lookup(cx, n.text) : undefined;
}
