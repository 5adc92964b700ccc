// Lowering of expressions: an allow-list over TypeScript syntax. Each case either produces typed
// IR (inserting casts so binary operands agree) or reports a coded diagnostic at the node.
import { ts } from 'ts-morph';
import type { BinaryOp, Expr, ScalarType, Span } from '../../core/ir/types.js';
import { hasAtomic } from '../../core/ir/walk.js';
import { valueOf } from '../../core/elements.js';
import { lookup, observe, report, span, type Binding, type FnCtx } from './context.js';
import { isAxis, isBuiltin, isFloat, mathConstant, MATH_CONSTANTS, warpOfSurface } from '../../core/ir/ops.js';
import { warpValue } from './warp.js';
import { langName, spanOf } from './module.js';
import { describeNode, evalConstDecl, isIntLiteralText, lookupModuleName } from './symbols.js';
import { castTo, constOf, defaultIntType, inRange, isInt, toBool, widerFloat } from './typing.js';
import { ARITH, BINARY_OPS, BITWISE, COMPARE, SHIFTS, isAssignmentToken } from './operators.js';
import { lowerCall } from './calls.js';
import { lowerComponent, vecAsScalar } from './vectors.js';
import { defaultAdaptableType, floatHint, followsContext, isAdaptable, isFloatLiteral } from './adapt.js';
import { usedBeforeDeclaration } from './declaration-order.js';
import { fragmentInside, reportFragmentUse } from './matrix.js';

export { defaultAdaptableType, isAdaptable };

const K = ts.SyntaxKind;

/** A placeholder value after an error, so lowering can go on and find more errors. */
export function errExpr(t: ScalarType | undefined, s: Span): Expr {
  return constOf(t ?? 'i32', 0, s);
}

export const numeric = (t: ScalarType | undefined): ScalarType | undefined => (t === 'bool' ? undefined : t);

export function strip(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) node = node.expression;
  return node;
}

function intConst(cx: FnCtx, node: ts.Node, text: string, v: number, hint: ScalarType | undefined): Expr {
  const t = numeric(hint) ?? defaultIntType(v);
  if (!inRange(t, v)) {
    report(cx, node, 'KS2002', text, t);
    return errExpr(t, span(cx, node));
  }
  return constOf(t, v, span(cx, node));
}

export function lowerExpr(cx: FnCtx, node: ts.Expression, hint?: ScalarType): Expr {
  const sp = span(cx, node);
  switch (node.kind) {
    case K.NumericLiteral: {
      const lit = node as ts.NumericLiteral;
      const text = lit.getText(cx.mod.sf);
      const v = Number(lit.text);
      if (isIntLiteralText(text)) return intConst(cx, node, text, v, hint);
      // A float literal is f32 unless its context is f16 or f64 (adapt.ts, isFloatLiteral).
      const t = floatHint(hint) ?? 'f32';
      if (!inRange(t, v)) report(cx, node, 'KS2002', text, t);
      return constOf(t, v, sp);
    }
    case K.TrueKeyword:
      return constOf('bool', true, sp);
    case K.FalseKeyword:
      return constOf('bool', false, sp);
    case K.Identifier:
      return lowerIdentifier(cx, node as ts.Identifier, hint);
    case K.ParenthesizedExpression:
    case K.NonNullExpression:
      return lowerExpr(cx, (node as ts.ParenthesizedExpression | ts.NonNullExpression).expression, hint);
    case K.AsExpression:
    case K.TypeAssertionExpression:
    case K.SatisfiesExpression:
      report(cx, node, 'KS3007', node.kind === K.SatisfiesExpression ? 'satisfies' : 'as');
      return lowerExpr(cx, (node as ts.AsExpression).expression, hint);
    case K.PropertyAccessExpression:
      return lowerProperty(cx, node as ts.PropertyAccessExpression, hint);
    case K.ElementAccessExpression: {
      const el = node as ts.ElementAccessExpression;
      const arr = resolveArray(cx, el.expression, 'KS4009');
      const index = lowerIndex(cx, el.argumentExpression);
      if (!arr) return errExpr(hint, sp);
      return { k: 'index', array: arr.ir, index, type: valueOf(arr.elem), span: sp };
    }
    case K.CallExpression:
      return lowerCall(cx, node as ts.CallExpression, false, hint) ?? errExpr(hint, sp);
    case K.PrefixUnaryExpression:
      return lowerPrefix(cx, node as ts.PrefixUnaryExpression, hint);
    case K.PostfixUnaryExpression: {
      const p = node as ts.PostfixUnaryExpression;
      report(cx, node, 'KS3006', p.getText(cx.mod.sf));
      return lowerExpr(cx, p.operand, hint);
    }
    case K.BinaryExpression:
      return lowerBinary(cx, node as ts.BinaryExpression, hint);
    case K.ConditionalExpression:
      return lowerConditional(cx, node as ts.ConditionalExpression, hint);
    default: {
      // An array or object literal holding a fragment: the fragment is the first problem.
      const frag = fragmentInside(cx, node);
      if (frag) reportFragmentUse(cx, frag);
      else report(cx, node, 'KS3001', describeNode(node));
      return errExpr(hint, sp);
    }
  }
}

function lowerIdentifier(cx: FnCtx, node: ts.Identifier, hint: ScalarType | undefined): Expr {
  const sp = span(cx, node);
  const name = node.text;
  // Reported already (KS7002, TS2448): whatever else the name means here is not what was read.
  if (usedBeforeDeclaration(node)) return errExpr(hint, sp);
  const b = lookup(cx, name);
  if (b) {
    if (b.k === 'local') return { k: 'load', name: b.ir, type: b.type, span: sp };
    if (b.k === 'param') return { k: 'param', name: b.ir, type: b.type, span: sp };
    if (b.k === 'vec') return vecAsScalar(cx, node, b, hint);
    if (b.k === 'frag') {
      reportFragmentUse(cx, node);
      return errExpr(hint, sp);
    }
    report(cx, node, 'KS3009', name);
    return errExpr(hint, sp);
  }
  if (name === 'Infinity') return constOf('f32', Infinity, sp);
  if (name === 'NaN' || name === 'undefined') {
    report(cx, node, name === 'NaN' ? 'KS2013' : 'KS3001', name === 'NaN' ? name : "'undefined'");
    return errExpr(hint, sp);
  }
  const sym = lookupModuleName(cx.mod, name);
  switch (sym.k) {
    case 'const': {
      const r = evalConstDecl(sym.mod, sym.decl);
      if (!r.ok) break;
      if (r.v.int) return intConst(cx, node, name, r.v.value, hint);
      return constOf(floatHint(hint) ?? 'f32', r.v.value, sp);
    }
    case 'function':
      report(cx, node, 'KS3001', `using the function '${name}' as a value`);
      return errExpr(hint, sp);
    case 'lang': {
      const warp = warpOfSurface(sym.name);
      if (warp === 'size' || warp === 'lane') return warpValue(warp, node, cx);
      report(cx, node, 'KS3001', `using '${name}' as a value`);
      return errExpr(hint, sp);
    }
    case 'missing':
      report(cx, node, 'KS3002', name);
      return errExpr(hint, sp);
    case 'error':
      cx.diags.report(spanOf(sym.mod, sym.node), sym.code, ...sym.args);
      return errExpr(hint, sp);
    case 'runtime':
      break;
  }
  report(cx, node, 'KS3003', name);
  return errExpr(hint, sp);
}

/** The array binding an expression names, or null after reporting `code`. */
export function resolveArray(cx: FnCtx, node: ts.Expression, code: 'KS4009' | 'KS4002', what = ''): (Binding & { k: 'array' }) | null {
  const e = strip(node);
  if (ts.isIdentifier(e)) {
    if (usedBeforeDeclaration(e)) return null;
    const b = lookup(cx, e.text);
    if (b?.k === 'array') return b;
    if (!b && lookupModuleName(cx.mod, e.text).k !== 'missing') {
      report(cx, e, 'KS3003', e.text);
      return null;
    }
  }
  report(cx, node, code, code === 'KS4009' ? node.getText(cx.mod.sf) : what);
  return null;
}

export function lowerIndex(cx: FnCtx, node: ts.Expression): Expr {
  const e = lowerExpr(cx, node);
  if (isInt(e.type)) return e;
  report(cx, node, 'KS2006', e.type);
  return castTo(e, 'i32');
}

function lowerProperty(cx: FnCtx, node: ts.PropertyAccessExpression, hint: ScalarType | undefined): Expr {
  const sp = span(cx, node);
  const component = lowerComponent(cx, node);
  if (component) return component;
  const prop = node.name.text;
  const obj = strip(node.expression);
  if (ts.isIdentifier(obj)) {
    if (usedBeforeDeclaration(obj)) return errExpr(undefined, sp);
    const name = obj.text;
    const b = lookup(cx, name);
    if (b) {
      report(cx, node.name, 'KS3014', name, prop, b.k === 'array' && prop === 'length' ? '; pass the length as a parameter' : '');
      return errExpr(undefined, sp);
    }
    if (name === 'Math' && lookupModuleName(cx.mod, name).k === 'missing') {
      const c = mathConstant(prop);
      if (c !== null) return constOf(floatHint(hint) ?? 'f32', c, sp);
      report(cx, node.name, 'KS3014', 'Math', prop, `; kernels have ${Object.keys(MATH_CONSTANTS).map((k) => `Math.${k}`).join(' and ')}`);
      return errExpr('f32', sp);
    }
    const lang = langName(cx.mod, name);
    if (lang && isBuiltin(lang)) {
      if (isAxis(prop)) {
        return { k: 'builtin', name: lang, axis: prop, type: 'i32', span: sp };
      }
      report(cx, node.name, 'KS3014', name, prop, '; use .x, .y or .z');
      return errExpr('i32', sp);
    }
    if (!lang) {
      // Reading a runtime object's property: name the capture, which is the real problem.
      const sym = lookupModuleName(cx.mod, name);
      report(cx, obj, sym.k === 'missing' ? 'KS3002' : 'KS3003', name);
      return errExpr(undefined, sp);
    }
  }
  report(cx, node, 'KS3001', 'a property access');
  return errExpr(undefined, sp);
}

function lowerPrefix(cx: FnCtx, node: ts.PrefixUnaryExpression, hint: ScalarType | undefined): Expr {
  const sp = span(cx, node);
  const operand = strip(node.operand);
  switch (node.operator) {
    case K.MinusToken: {
      if (ts.isNumericLiteral(operand)) {
        const text = operand.getText(cx.mod.sf);
        const v = -Number(operand.text);
        if (isIntLiteralText(text)) return intConst(cx, node, `-${text}`, v, hint);
        const t = floatHint(hint) ?? 'f32';
        if (!inRange(t, v)) report(cx, node, 'KS2002', `-${text}`, t);
        return constOf(t, v, sp);
      }
      const e = lowerExpr(cx, node.operand, hint);
      if (e.type === 'bool') {
        report(cx, node, 'KS2005', '-');
        return e;
      }
      // i32 negation wraps like all i32 arithmetic: -(-2147483648) is -2147483648.
      if (e.k === 'const' && typeof e.value === 'number' && e.type !== 'u32') {
        return constOf(e.type, e.type === 'i32' ? -e.value | 0 : -e.value, sp);
      }
      return { k: 'unary', op: 'neg', arg: e, type: e.type, span: sp };
    }
    case K.PlusToken:
      return lowerExpr(cx, node.operand, hint);
    case K.ExclamationToken:
      return notOf(lowerExpr(cx, node.operand), sp);
    case K.TildeToken: {
      const e = lowerExpr(cx, node.operand, intHint(hint));
      if (!isInt(e.type)) {
        report(cx, node, 'KS2004', '~', e.type);
        return errExpr(hint, sp);
      }
      return { k: 'unary', op: 'bitnot', arg: e, type: e.type, span: sp };
    }
    default:
      report(cx, node, 'KS3006', node.getText(cx.mod.sf));
      return lowerExpr(cx, node.operand, hint);
  }
}

/** `!x`: logical not on bool; on numbers it is `x == 0`. */
function notOf(e: Expr, sp: Span): Expr {
  if (e.type === 'bool') return { k: 'unary', op: 'not', arg: e, type: 'bool', span: sp };
  return { k: 'binary', op: '==', lhs: e, rhs: constOf(e.type, 0, sp), type: 'bool', span: sp };
}

/** A binary operand: source to lower, or an already-lowered value (the target of `x += …`). */
export type Operand = { node: ts.Expression } | { expr: Expr; binding?: Binding };

function lowerOperand(cx: FnCtx, o: Operand, hint: ScalarType | undefined): Expr {
  return 'node' in o ? lowerExpr(cx, o.node, hint) : o.expr;
}

function operandBinding(cx: FnCtx, o: Operand): Binding | undefined {
  if (!('node' in o)) return o.binding;
  const n = strip(o.node);
  return ts.isIdentifier(n) ? lookup(cx, n.text) : undefined;
}

/**
 * Lowers two operands so that one that follows its context (a literal, `c ? 1 : 2`…) takes the
 * other side's type, or the context's when both do.
 */
export function lowerPair(cx: FnCtx, lo: Operand, ro: Operand, hint: ScalarType | undefined): [Expr, Expr] {
  const la = 'node' in lo && followsContext(cx, lo.node);
  const ra = 'node' in ro && followsContext(cx, ro.node);
  const lf = 'node' in lo && !la && isFloatLiteral(cx, lo.node);
  const rf = 'node' in ro && !ra && isFloatLiteral(cx, ro.node);
  let l: Expr;
  let r: Expr;
  if (la && ra) {
    const dl = defaultAdaptableType(cx, (lo as { node: ts.Expression }).node);
    const dr = defaultAdaptableType(cx, (ro as { node: ts.Expression }).node);
    const t = numeric(hint) ?? (dl === 'u32' || dr === 'u32' ? 'u32' : 'i32');
    l = lowerOperand(cx, lo, t);
    r = lowerOperand(cx, ro, t);
  } else if (la) {
    r = lowerOperand(cx, ro, lf || rf ? floatHint(hint) : undefined);
    l = lowerOperand(cx, lo, numeric(r.type) ?? numeric(hint));
  } else if (ra) {
    l = lowerOperand(cx, lo, lf ? floatHint(hint) : undefined);
    r = lowerOperand(cx, ro, numeric(l.type) ?? numeric(hint));
  } else if (lf && !rf) {
    // A float literal next to a typed value takes its type if that is f16 or f64 (`h * 0.5`).
    r = lowerOperand(cx, ro, undefined);
    l = lowerOperand(cx, lo, literalHint(r.type, hint));
  } else if (rf && !lf) {
    l = lowerOperand(cx, lo, undefined);
    r = lowerOperand(cx, ro, literalHint(l.type, hint));
  } else {
    l = lowerOperand(cx, lo, lf ? floatHint(hint) : undefined);
    r = lowerOperand(cx, ro, rf ? floatHint(hint) : undefined);
  }
  // A literal-initialised local used with a u32 takes u32, so `for (let i = 0; i < n; i++)` works.
  if (!ra && r.type === 'u32') observe(cx, operandBinding(cx, lo), 'u32');
  if (!la && l.type === 'u32') observe(cx, operandBinding(cx, ro), 'u32');
  return [l, r];
}

/** The type a float literal takes next to a value of type `other`: that float type, else the context's if f16 or f64. */
function literalHint(other: ScalarType, hint: ScalarType | undefined): ScalarType | undefined {
  return isFloat(other) ? floatHint(other) : floatHint(hint);
}

/** Brings two operands to one type: int with a float, or a float with a wider one, promotes; i32 with u32 is an error. */
function unify(cx: FnCtx, node: ts.Node, op: string, l: Expr, r: Expr): [Expr, Expr, ScalarType] {
  if (l.type === r.type) return [l, r, l.type];
  if (l.type === 'bool' || r.type === 'bool') {
    report(cx, node, 'KS2005', op);
    const t = l.type === 'bool' ? r.type : l.type;
    return [castTo(l, t), castTo(r, t), t];
  }
  const f = widerFloat(l.type, r.type);
  if (f) return [castTo(l, f), castTo(r, f), f];
  report(cx, node, 'KS2001', op);
  return [l, castTo(r, l.type), l.type];
}

/** Applies a binary operator to two operands, with the language's typing rules. */
export function combine(cx: FnCtx, node: ts.Node, op: BinaryOp | '**', lo: Operand, ro: Operand, hint: ScalarType | undefined): Expr {
  const sp = span(cx, node);
  if (op === '&&' || op === '||') {
    const l = toBool(lowerOperand(cx, lo, undefined));
    const r = toBool(lowerOperand(cx, ro, undefined));
    return { k: 'binary', op, lhs: l, rhs: r, type: 'bool', span: sp };
  }
  if (op === '**') {
    // Math.pow in the operands' float type (f32 for integers), literals adapting as for `*`.
    const [l0, r0] = lowerPair(cx, lo, ro, floatHint(hint) ?? 'f32');
    if (l0.type === 'bool' || r0.type === 'bool') report(cx, node, 'KS2005', '**');
    const t = widerFloat(l0.type, r0.type) ?? 'f32';
    return { k: 'math', fn: 'pow', args: [castTo(l0, t), castTo(r0, t)], type: t, span: sp };
  }
  // Integer-only operators give literals an integer type even in an f32 context (`f + (3 & 1)`).
  const [l0, r0] = SHIFTS.has(op) ? lowerShiftPair(cx, lo, ro, hint) : lowerPair(cx, lo, ro, BITWISE.has(op) ? intHint(hint) : hint);
  if (SHIFTS.has(op)) {
    if (!isInt(l0.type) || !isInt(r0.type)) {
      report(cx, node, 'KS2004', op, `${l0.type} and ${r0.type}`);
      return errExpr(numeric(l0.type), sp);
    }
    return { k: 'binary', op, lhs: l0, rhs: r0, type: l0.type, span: sp };
  }
  if (COMPARE.has(op) && l0.type === 'bool' && r0.type === 'bool') {
    if (op !== '==' && op !== '!=') report(cx, node, 'KS2005', op);
    return { k: 'binary', op, lhs: l0, rhs: r0, type: 'bool', span: sp };
  }
  const [l, r, t] = unify(cx, node, op, l0, r0);
  if (BITWISE.has(op) && !isInt(t)) {
    report(cx, node, 'KS2004', op, `${l0.type} and ${r0.type}`);
    return errExpr(hint, sp);
  }
  if (ARITH.has(op) || BITWISE.has(op)) return { k: 'binary', op, lhs: l, rhs: r, type: t, span: sp };
  return { k: 'binary', op, lhs: l, rhs: r, type: 'bool', span: sp };
}

/** Shifts: the left side decides the type; a literal count takes the left side's type. */
function lowerShiftPair(cx: FnCtx, lo: Operand, ro: Operand, hint: ScalarType | undefined): [Expr, Expr] {
  const la = 'node' in lo && followsContext(cx, lo.node);
  const l = lowerOperand(cx, lo, la ? (intHint(hint) ?? defaultAdaptableType(cx, (lo as { node: ts.Expression }).node)) : undefined);
  const ra = 'node' in ro && followsContext(cx, ro.node);
  const r = lowerOperand(cx, ro, ra && isInt(l.type) ? l.type : undefined);
  return [l, r];
}

/** The context's type if it is an integer type: what integer-only operators pass on to literals. */
export const intHint = (t: ScalarType | undefined): 'i32' | 'u32' | undefined => (t === 'i32' || t === 'u32' ? t : undefined);

function lowerBinary(cx: FnCtx, node: ts.BinaryExpression, hint: ScalarType | undefined): Expr {
  const kind = node.operatorToken.kind;
  if (isAssignmentToken(kind)) {
    report(cx, node, 'KS3005');
    return errExpr(hint, span(cx, node));
  }
  const op = BINARY_OPS[kind];
  if (!op) {
    const what = kind === K.CommaToken ? 'the comma operator' : `the '${node.operatorToken.getText(cx.mod.sf)}' operator`;
    report(cx, node.operatorToken, 'KS3001', what);
    return errExpr(hint, span(cx, node));
  }
  return combine(cx, node, op, { node: node.left }, { node: node.right }, hint);
}

function lowerConditional(cx: FnCtx, node: ts.ConditionalExpression, hint: ScalarType | undefined): Expr {
  const sp = span(cx, node);
  const cond = toBool(lowerExpr(cx, node.condition));
  const [t0, e0] = lowerPair(cx, { node: node.whenTrue }, { node: node.whenFalse }, hint);
  let t = t0;
  let e = e0;
  if (t.type !== e.type) {
    if (t.type !== 'bool' && e.type !== 'bool') [t, e] = unify(cx, node, '?:', t, e);
    else report(cx, node, 'KS2003', e.type, t.type, '');
  }
  for (const [arm, n] of [[t, node.whenTrue], [e, node.whenFalse]] as const) {
    if (hasAtomic(arm)) report(cx, n, 'KS4003');
  }
  return { k: 'select', cond, then: t, else: castTo(e, t.type), type: t.type, span: sp };
}

// The front end's statements import it from here.
export { hasAtomic };
