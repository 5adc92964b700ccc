// Warp-level matrices in the front end (core/matrix.ts). A fragment is a variable of its own kind
// (Binding 'frag'): declared by `const a = matrixLoadA(...)` (or let, optionally annotated `: MatrixA`)
// and reassigned only by a matrix call making a fragment of its role, `c = matrixMma(a, b, c)`. Each
// declaration lowers to a 'frag' statement and then its operation into that fragment; matrixStore
// is a statement. Anything else a fragment meets (a copy, an expression, a helper, an array) is
// KS2070; helpers cannot hold fragments (KS2076). Where matrix calls may run (warp-uniform control
// flow and operands) is the uniformity pass's (passes/warp-uniformity.ts).
import { ts } from 'ts-morph';
import type { Expr, FragRole, FragType, MatrixLayout, Stmt } from '../../core/ir/types.js';
import { FRAG_ELEM, MATRIX, matrixOfSurface, type MatrixFn } from '../../core/matrix.js';
import { ELEMENTS } from '../../core/elements.js';
import { declare, freshName, lookup, report, span, type Binding, type FnCtx } from './context.js';
import { calleeLang } from './calls.js';
import { lowerExpr, strip } from './expr.js';
import { coerce, isInt, castTo } from './typing.js';

type FragBinding = Binding & { k: 'frag' };

/** The matrix function a call names, or null. */
export function matrixCallOf(cx: FnCtx, node: ts.Expression): MatrixFn | null {
  const e = strip(node);
  if (!ts.isCallExpression(e)) return null;
  const lang = calleeLang(cx, e);
  return lang ? matrixOfSurface(lang) : null;
}

/** The fragment a name denotes here, or null. */
function fragOf(cx: FnCtx, node: ts.Node): FragBinding | null {
  if (!ts.isIdentifier(node)) return null;
  const b = lookup(cx, node.text);
  return b?.k === 'frag' ? b : null;
}

/** The first identifier inside `node` that names a fragment (an array or object literal holding one). */
export function fragmentInside(cx: FnCtx, node: ts.Node): ts.Identifier | null {
  if (ts.isIdentifier(node)) return fragOf(cx, node) ? node : null;
  return ts.forEachChild(node, (c) => fragmentInside(cx, c) ?? undefined) ?? null;
}

/** What using fragment `node` where it stands would do, for KS2070. */
export function fragmentUse(node: ts.Node): string {
  let n = node;
  while (ts.isParenthesizedExpression(n.parent) || ts.isNonNullExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (ts.isBinaryExpression(p)) {
    const k = p.operatorToken.kind;
    const compare = [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken];
    if (compare.includes(k) || k === ts.SyntaxKind.LessThanToken || k === ts.SyntaxKind.GreaterThanToken) return 'compared';
    if (k === ts.SyntaxKind.EqualsToken && p.right === n) return 'copied into another variable';
  }
  if (ts.isVariableDeclaration(p)) return 'copied into another variable';
  if (ts.isReturnStatement(p)) return 'returned';
  if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) return `passed to '${p.expression.getText()}'`;
  if (ts.isArrayLiteralExpression(p) || ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) || ts.isObjectLiteralExpression(p)) return 'put in an array or object';
  return 'used in an expression';
}

/** KS2070 at a fragment used as a value. */
export function reportFragmentUse(cx: FnCtx, node: ts.Identifier): void {
  report(cx, node, 'KS2070', node.text, fragmentUse(node));
}

/** The role of the fragment each function makes ('store' makes none). */
const MAKES: Record<MatrixFn, FragRole | null> = { loadA: 'a', loadB: 'b', loadAcc: 'acc', fill: 'acc', mma: 'acc', store: null };
const ROLE_TEXT: Record<FragRole, string> = { a: 'an A fragment (MatrixA)', b: 'a B fragment (MatrixB)', acc: 'an accumulator (MatrixAcc)' };

function fragText(f: FragType): string {
  return f.layout ? `${ROLE_TEXT[f.role]} loaded ${f.layout}-major` : ROLE_TEXT[f.role];
}

/** A fragment type annotation (`MatrixA<'row'>`, `MatrixAcc`…): its role and layout (null: any), or null. */
function fragAnnotation(node: ts.TypeNode): { role: FragRole; layout: MatrixLayout | null } | null {
  if (!ts.isTypeReferenceNode(node) || !ts.isIdentifier(node.typeName)) return null;
  const role = ({ MatrixA: 'a', MatrixB: 'b', MatrixAcc: 'acc' } as const)[node.typeName.text as 'MatrixA'];
  if (!role) return null;
  const arg = node.typeArguments?.[0];
  const lit = arg && ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal) ? arg.literal.text : null;
  return { role, layout: lit === 'row' || lit === 'col' ? lit : null };
}

/** The layout argument: the string literal 'row' or 'col' (KS2072 otherwise; 'row' after it). */
function layoutArg(cx: FnCtx, node: ts.Expression | undefined, fn: string, call: ts.CallExpression): MatrixLayout {
  const e = node && strip(node);
  if (e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) && (e.text === 'row' || e.text === 'col')) return e.text;
  report(cx, node ?? call, 'KS2072', fn, e ? `\`${e.getText(cx.mod.sf)}\`` : 'missing');
  return 'row';
}

/** An offset or stride: i32 or u32 (KS3022). */
function countArg(cx: FnCtx, node: ts.Expression, what: string, fn: string): Expr {
  const e = lowerExpr(cx, node, 'i32');
  if (isInt(e.type)) return e;
  report(cx, node, 'KS3022', what, fn, e.type);
  return castTo(e, 'i32');
}

/** The array a load reads or a store writes: a global or shared array of `elem` (KS2073), or null. */
function memoryArg(cx: FnCtx, node: ts.Expression, fn: string, elem: 'f16' | 'f32', what: string): string | null {
  const e = strip(node);
  const host = ELEMENTS[elem].host.name;
  const b = ts.isIdentifier(e) ? lookup(cx, e.text) : undefined;
  const text = e.getText(cx.mod.sf);
  if (b?.k !== 'array') {
    if (!b) lowerExpr(cx, node);
    report(cx, node, 'KS2073', what, fn, host, `\`${text}\` is not an array`);
    return null;
  }
  if (b.space === 'local') {
    report(cx, node, 'KS2073', what, fn, host, `'${text}' is a per-thread array (localArray)`);
    return null;
  }
  if (b.elem !== elem) {
    report(cx, node, 'KS2073', what, fn, host, `'${text}' is a ${ELEMENTS[b.elem].host.name}`);
    return null;
  }
  return b.ir;
}

/** Argument `i` of matrixMma: a fragment of `role`, or null after KS2074. */
function fragArg(cx: FnCtx, node: ts.Expression | undefined, i: number, role: FragRole): FragBinding | null {
  if (!node) return null;
  const e = strip(node);
  const b = fragOf(cx, e);
  const fn = MATRIX.mma.surface;
  if (!b) {
    const why = matrixCallOf(cx, e) ? 'a matrix call here makes a fragment no variable holds; assign it to a const first' : `\`${e.getText(cx.mod.sf)}\` is no fragment`;
    if (!matrixCallOf(cx, e) && !(ts.isIdentifier(e) && lookup(cx, e.text))) lowerExpr(cx, e);
    report(cx, node, 'KS2074', i + 1, fn, ROLE_TEXT[role], why);
    return null;
  }
  if (b.frag.role !== role) {
    report(cx, node, 'KS2074', i + 1, fn, ROLE_TEXT[role], `'${e.getText(cx.mod.sf)}' is ${fragText(b.frag)}`);
    return null;
  }
  return b;
}

/** The number of arguments each function takes. */
const ARITY: Record<MatrixFn, number> = { loadA: 4, loadB: 4, loadAcc: 4, fill: 1, mma: 3, store: 5 };

/**
 * Lowers a matrix call making a fragment into fragment `dest` (whose type `frag` it has); returns
 * the statements, or null after an error.
 */
function lowerInto(cx: FnCtx, call: ts.CallExpression, fn: MatrixFn, dest: string, frag: FragType): Stmt | null {
  const sp = span(cx, call);
  const surface = MATRIX[fn].surface;
  const args = call.arguments;
  if (args.length !== ARITY[fn]) {
    report(cx, call, 'KS2009', surface, ARITY[fn], args.length);
    return null;
  }
  const [a0, a1, a2, a3] = args as readonly ts.Expression[] as [ts.Expression, ts.Expression, ts.Expression, ts.Expression];
  switch (fn) {
    case 'loadA':
    case 'loadB':
    case 'loadAcc': {
      const array = memoryArg(cx, a0, surface, FRAG_ELEM[frag.role], 'source');
      const offset = countArg(cx, a1, 'offset', surface);
      const stride = countArg(cx, a2, 'stride', surface);
      const layout = layoutArg(cx, a3, surface, call);
      return array ? { k: 'matrix', op: 'load', name: dest, array, offset, stride, layout, span: sp } : null;
    }
    case 'fill': {
      const value = coerce(cx, a0, lowerExpr(cx, a0, 'f32'), 'f32');
      return { k: 'matrix', op: 'fill', name: dest, value, span: sp };
    }
    case 'mma': {
      const a = fragArg(cx, a0, 0, 'a');
      const b = fragArg(cx, a1, 1, 'b');
      const c = fragArg(cx, a2, 2, 'acc');
      return a && b && c ? { k: 'matrix', op: 'mma', name: dest, a: a.ir, b: b.ir, c: c.ir, span: sp } : null;
    }
    case 'store':
      return null;
  }
}

/** The fragment type a call makes: its role, and for A and B the layout its literal names. */
function madeType(call: ts.CallExpression, role: FragRole): FragType {
  if (role === 'acc') return { role, layout: null };
  const arg = call.arguments[3];
  const e = arg && strip(arg);
  const layout = e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) && (e.text === 'row' || e.text === 'col') ? e.text : 'row';
  return { role, layout };
}

/**
 * A declaration of a fragment variable (a matrix call, a fragment annotation, or a copy of a
 * fragment as initializer); false when `d` declares something else.
 */
export function lowerMatrixDeclaration(cx: FnCtx, d: ts.VariableDeclaration, name: string, isConst: boolean, out: Stmt[]): boolean {
  const ann = d.type ? fragAnnotation(d.type) : null;
  const init = d.initializer ? strip(d.initializer) : undefined;
  const fn = init ? matrixCallOf(cx, init) : null;
  const copied = init ? fragOf(cx, init) : null;
  if (!ann && fn === null && !copied) return false;
  if (init && copied) {
    reportFragmentUse(cx, init as ts.Identifier);
    return true;
  }
  if (!init || fn === null || !ts.isCallExpression(init)) {
    if (init) lowerExpr(cx, init);
    report(cx, init ?? d.name, 'KS2071', name);
    return true;
  }
  const role = MAKES[fn];
  const surface = MATRIX[fn].surface;
  if (role === null) {
    report(cx, init, 'KS4050', surface);
    return true;
  }
  if (cx.helper !== null) {
    report(cx, init.expression, 'KS2076', surface);
    return true;
  }
  const frag = madeType(init, role);
  if (ann && (ann.role !== role || (ann.layout !== null && ann.layout !== frag.layout))) {
    report(cx, init, 'KS2078', `${fragText(frag)} (${surface})`, name, `declared ${fragText({ role: ann.role, layout: ann.layout })}`);
    return true;
  }
  const ir = freshName(cx.names, name);
  const op = lowerInto(cx, init, fn, ir, frag);
  out.push({ k: 'matrix', op: 'frag', name: ir, frag, span: span(cx, d) });
  if (op) out.push(op);
  declare(cx, name, { k: 'frag', ir, frag, mutable: !isConst });
  return true;
}

/** `f = <matrix call>` on fragment variable `f` (`op`: a compound operator, which fragments do not take). */
export function assignFragment(cx: FnCtx, target: ts.Identifier, b: FragBinding, compound: boolean, value: ts.Expression | null, out: Stmt[]): void {
  if (compound || !value) {
    report(cx, target, 'KS2070', target.text, 'used in an expression');
    return;
  }
  const v = strip(value);
  const fn = matrixCallOf(cx, v);
  if (fragOf(cx, v)) {
    reportFragmentUse(cx, v as ts.Identifier);
    return;
  }
  if (fn === null || !ts.isCallExpression(v) || MAKES[fn] === null) {
    if (fn === 'store') report(cx, v, 'KS4050', MATRIX.store.surface);
    else {
      const e = lowerExpr(cx, v);
      report(cx, v, 'KS2078', `a ${e.type} value`, target.text, fragText(b.frag));
    }
    return;
  }
  const surface = MATRIX[fn].surface;
  if (!b.mutable) {
    report(cx, target, 'KS2011', target.text, 'it is a const');
    return;
  }
  const made = madeType(v, MAKES[fn]);
  if (made.role !== b.frag.role) {
    report(cx, v, 'KS2078', `${fragText(made)} (${surface})`, target.text, fragText(b.frag));
    return;
  }
  if (made.layout !== b.frag.layout) {
    report(cx, v.arguments[3] ?? v, 'KS2075', target.text, b.frag.layout ?? 'row', made.layout ?? 'row');
    return;
  }
  const op = lowerInto(cx, v, fn, b.ir, b.frag);
  if (op) out.push(op);
}

/** `matrixStore(dst, offset, stride, c, layout)` as a statement. */
export function lowerMatrixStore(cx: FnCtx, call: ts.CallExpression, out: Stmt[]): void {
  const surface = MATRIX.store.surface;
  if (cx.helper !== null) {
    report(cx, call.expression, 'KS2076', surface);
    return;
  }
  if (call.arguments.length !== ARITY.store) {
    report(cx, call, 'KS2009', surface, ARITY.store, call.arguments.length);
    return;
  }
  const [d, o, s, c, l] = call.arguments as readonly ts.Expression[] as [ts.Expression, ts.Expression, ts.Expression, ts.Expression, ts.Expression];
  const array = memoryArg(cx, d, surface, FRAG_ELEM.acc, 'destination');
  const offset = countArg(cx, o, 'offset', surface);
  const stride = countArg(cx, s, 'stride', surface);
  const ce = strip(c);
  const src = fragOf(cx, ce);
  if (!src || src.frag.role !== 'acc') {
    const why = src ? `'${ce.getText(cx.mod.sf)}' is ${fragText(src.frag)}` : `\`${ce.getText(cx.mod.sf)}\` is no fragment`;
    if (!src && !(ts.isIdentifier(ce) && lookup(cx, ce.text)) && !matrixCallOf(cx, ce)) lowerExpr(cx, ce);
    report(cx, c, 'KS2074', 4, surface, ROLE_TEXT.acc, why);
  }
  const layout = layoutArg(cx, l, surface, call);
  if (array && src && src.frag.role === 'acc') out.push({ k: 'matrix', op: 'store', src: src.ir, array, offset, stride, layout, span: span(cx, call) });
}

/** A matrix call where a value is expected or where its fragment would be lost (KS2077, KS4050 for matrixStore). */
export function reportMatrixCallMisplaced(cx: FnCtx, call: ts.CallExpression, fn: MatrixFn): void {
  const surface = MATRIX[fn].surface;
  if (cx.helper !== null) report(cx, call.expression, 'KS2076', surface);
  else if (fn === 'store') report(cx, call, 'KS4050', surface);
  else report(cx, call, 'KS2077', surface);
}
