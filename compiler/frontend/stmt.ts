// Lowering of statements: declarations, assignments, control flow, barriers and local/shared
// arrays. Block scoping follows TypeScript; every local gets a unique IR name.
import { ts } from 'ts-morph';
import type { BinaryOp, ElemType, Expr, ScalarType, Stmt } from '../../core/ir/types.js';
import { declare, freshName, lookup, observe, report, span, type FnCtx } from './context.js';
import { calleeLang, lowerCall } from './calls.js';
import { consoleMethod, lowerConsole } from './console.js';
import { combine, defaultAdaptableType, hasAtomic, isAdaptable, lowerExpr, lowerIndex, resolveArray, strip } from './expr.js';
import { valueOf } from '../../core/elements.js';
import { COMPOUND_OPS, isAssignmentToken } from './operators.js';
import { assignComponent, assignVec, hoisting, lowerVecDeclaration, lowerVecStore } from './vectors.js';
import { usedBeforeDeclaration } from './declaration-order.js';
import { evalConst, describeNode } from './symbols.js';
import { lowerBlockSize } from './shared-size.js';
import { ARRAY_ELEMS, coerce, constOf, parseTypeNode, storeValue, toBool } from './typing.js';
import { assignFragment, lowerMatrixDeclaration, lowerMatrixStore, reportMatrixCallMisplaced } from './matrix.js';
import { matrixOfSurface } from '../../core/matrix.js';

const K = ts.SyntaxKind;

/** Lowers statements in a new block scope. */
export function lowerBlock(cx: FnCtx, stmts: readonly ts.Statement[]): Stmt[] {
  cx.scopes.push(new Map());
  const out: Stmt[] = [];
  for (const s of stmts) lowerStmt(cx, s, out);
  cx.scopes.pop();
  return out;
}

/** A branch or loop body: a block's statements, or a single statement in its own scope. */
function lowerBranch(cx: FnCtx, node: ts.Statement): Stmt[] {
  return lowerBlock(cx, ts.isBlock(node) ? node.statements : [node]);
}

export function lowerStmt(cx: FnCtx, node: ts.Statement, out: Stmt[]): void {
  // Vector loads in the statement's expressions land in front of it (vectors.ts).
  hoisting(cx, out, () => lowerOneStmt(cx, node, out));
}

function lowerOneStmt(cx: FnCtx, node: ts.Statement, out: Stmt[]): void {
  const sp = span(cx, node);
  switch (node.kind) {
    case K.VariableStatement:
      lowerDeclarations(cx, (node as ts.VariableStatement).declarationList, out);
      return;
    case K.ExpressionStatement:
      lowerExprStmt(cx, (node as ts.ExpressionStatement).expression, out);
      return;
    case K.IfStatement: {
      const n = node as ts.IfStatement;
      const cond = toBool(lowerExpr(cx, n.expression));
      const then = lowerBranch(cx, n.thenStatement);
      const els = n.elseStatement ? lowerBranch(cx, n.elseStatement) : [];
      out.push({ k: 'if', cond, then, else: els, span: sp });
      return;
    }
    case K.ForStatement:
      lowerFor(cx, node as ts.ForStatement, out);
      return;
    case K.WhileStatement: {
      const n = node as ts.WhileStatement;
      const cond = toBool(lowerExpr(cx, n.expression));
      out.push({ k: 'loop', cond, testFirst: true, body: lowerLoopBody(cx, n.statement), update: [], span: sp });
      return;
    }
    case K.DoStatement: {
      const n = node as ts.DoStatement;
      const body = lowerLoopBody(cx, n.statement);
      const cond = toBool(lowerExpr(cx, n.expression));
      out.push({ k: 'loop', cond, testFirst: false, body, update: [], span: sp });
      return;
    }
    case K.BreakStatement:
    case K.ContinueStatement: {
      const n = node as ts.BreakOrContinueStatement;
      if (n.label || cx.loopDepth === 0) {
        report(cx, node, 'KS3016', n.label ? n.label.text : node.getText(cx.mod.sf));
        return;
      }
      out.push({ k: node.kind === K.BreakStatement ? 'break' : 'continue', span: sp });
      return;
    }
    case K.ReturnStatement:
      lowerReturn(cx, node as ts.ReturnStatement, out);
      return;
    case K.Block:
      out.push({ k: 'block', body: lowerBlock(cx, (node as ts.Block).statements), span: sp });
      return;
    case K.EmptyStatement:
      return;
    case K.LabeledStatement:
      report(cx, (node as ts.LabeledStatement).label, 'KS3012');
      lowerStmt(cx, (node as ts.LabeledStatement).statement, out);
      return;
    default:
      report(cx, firstToken(node), 'KS3001', describeNode(node));
  }
}

/** Points statement-level errors at the keyword, as tsc does, rather than the whole body. */
function firstToken(node: ts.Node): ts.Node {
  const sf = node.getSourceFile();
  return node.getChildCount(sf) > 0 ? (node.getChildAt(0, sf) ?? node) : node;
}

function lowerLoopBody(cx: FnCtx, body: ts.Statement): Stmt[] {
  cx.loopDepth++;
  const out = lowerBranch(cx, body);
  cx.loopDepth--;
  return out;
}

function lowerFor(cx: FnCtx, n: ts.ForStatement, out: Stmt[]): void {
  const sp = span(cx, n);
  cx.scopes.push(new Map());
  const init: Stmt[] = [];
  if (n.initializer) {
    if (ts.isVariableDeclarationList(n.initializer)) lowerDeclarations(cx, n.initializer, init);
    else for (const e of commaList(n.initializer)) hoisting(cx, init, () => lowerExprStmt(cx, e, init));
  }
  const cond = n.condition ? toBool(lowerExpr(cx, n.condition)) : null;
  const body = lowerLoopBody(cx, n.statement);
  const update: Stmt[] = [];
  if (n.incrementor) for (const e of commaList(n.incrementor)) hoisting(cx, update, () => lowerExprStmt(cx, e, update));
  cx.scopes.pop();
  const loop: Stmt = { k: 'loop', cond, testFirst: true, body, update, span: sp };
  if (init.length) out.push({ k: 'block', body: [...init, loop], span: sp });
  else out.push(loop);
}

function commaList(e: ts.Expression): ts.Expression[] {
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === K.CommaToken) return [...commaList(e.left), ...commaList(e.right)];
  return [e];
}

function lowerReturn(cx: FnCtx, n: ts.ReturnStatement, out: Stmt[]): void {
  const sp = span(cx, n);
  if (cx.helper === null) {
    if (n.expression) report(cx, n.expression, 'KS1004', "'return' takes no value in a kernel");
    out.push({ k: 'return', value: null, span: sp });
    return;
  }
  const rt = cx.returnType;
  if (rt === null) {
    if (n.expression) report(cx, n.expression, 'KS6010', cx.helper);
    out.push({ k: 'return', value: null, span: sp });
    return;
  }
  if (!n.expression) {
    report(cx, n, 'KS6005', cx.helper, rt);
    out.push({ k: 'return', value: constOf(rt, 0, sp), span: sp });
    return;
  }
  out.push({ k: 'return', value: coerce(cx, n.expression, lowerExpr(cx, n.expression, rt), rt), span: sp });
}

function lowerDeclarations(cx: FnCtx, list: ts.VariableDeclarationList, out: Stmt[]): void {
  const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
  if (!isConst && (list.flags & ts.NodeFlags.Let) === 0) {
    report(cx, list.getFirstToken(cx.mod.sf) ?? list, 'KS3010');
  }
  for (const d of list.declarations) hoisting(cx, out, () => lowerDeclaration(cx, d, isConst, out));
}

function lowerDeclaration(cx: FnCtx, d: ts.VariableDeclaration, isConst: boolean, out: Stmt[]): void {
  const sp = span(cx, d);
  if (!ts.isIdentifier(d.name)) {
    report(cx, d.name, 'KS3011');
    return;
  }
  const name = d.name.text;
  const init = d.initializer;
  if (init && ts.isCallExpression(strip(init))) {
    const call = strip(init) as ts.CallExpression;
    const lang = calleeLang(cx, call);
    if (lang === 'sharedArray' || lang === 'localArray') {
      if (!isConst) report(cx, d, 'KS4006', lang);
      declareArray(cx, d, name, lang, call, out);
      return;
    }
  }
  if (lowerMatrixDeclaration(cx, d, name, isConst, out)) return;
  if (lowerVecDeclaration(cx, d, name, isConst, out)) return;
  if (init && ts.isIdentifier(strip(init)) && lookup(cx, (strip(init) as ts.Identifier).text)?.k === 'array') {
    report(cx, init, 'KS3008', (strip(init) as ts.Identifier).text);
    return;
  }
  let type: ScalarType | null = null;
  if (d.type) {
    const a = parseTypeNode(d.type, cx.mod.sf);
    if (a.k === 'scalar') type = a.type;
    else report(cx, d.type, a.k === 'array' ? 'KS3008' : 'KS2007', a.k === 'array' ? name : a.text);
  }
  let lit = false;
  let value: Expr | null = null;
  if (init) {
    if (!type && !d.type && isAdaptable(cx, init)) {
      // An integer literal: its type comes from how the variable is used, chosen by the dry runs of
      // lowerFunctionBody (infer.ts) and handed in through cx.litTypes.
      lit = true;
      type = cx.litTypes.get(d) ?? defaultAdaptableType(cx, init);
    }
    const e = lowerExpr(cx, init, type ?? undefined);
    type ??= e.type;
    value = coerce(cx, init, e, type);
  } else if (!type) {
    if (!d.type) report(cx, d.name, 'KS2008', name);
    type = 'f32';
  }
  const ir = freshName(cx.names, name);
  declare(cx, name, { k: 'local', ir, type, mutable: !isConst, decl: d, lit });
  if (lit) cx.litDecls.add(d);
  out.push({ k: 'let', name: ir, type, init: value, mutable: !isConst, span: sp });
}

function declareArray(cx: FnCtx, d: ts.VariableDeclaration, name: string, lang: string, call: ts.CallExpression, out: Stmt[]): void {
  const sp = span(cx, d);
  const [ctor, len] = call.arguments;
  let elem: ElemType = 'f32';
  const ctorName = ctor && ts.isIdentifier(ctor) ? ctor.text : '';
  if (Object.hasOwn(ARRAY_ELEMS, ctorName)) elem = ARRAY_ELEMS[ctorName] as ElemType;
  else report(cx, ctor ?? call, 'KS4008', lang);
  let length = 1;
  let size: Expr | null = null;
  if (!len || call.arguments.length !== 2) {
    report(cx, call, 'KS2009', lang, 2, call.arguments.length);
  } else {
    const r = evalConst(cx.mod, len);
    if (r.ok && Number.isInteger(r.v.value) && r.v.value > 0) length = r.v.value;
    // A local read before its declaration is reported already (KS7002, TS2448).
    else if (!r.ok && usedBeforeDeclaration(r.node)) length = 1;
    // Not a constant: a shared array may still be block-sized (shared-size.ts), sized at launch.
    else if (!r.ok && lang === 'sharedArray') size = lowerBlockSize(cx, len);
    else report(cx, len, 'KS4007', lang, r.ok ? String(r.v.value) : r.reason);
  }
  if (cx.helper !== null) {
    report(cx, call, 'KS3001', `'${lang}' in a helper function`);
    return;
  }
  if (lang === 'sharedArray') {
    const ir = freshName(cx.names, name);
    cx.shared.push(size ? { name: ir, elem, length: 0, size, atomic: false, span: sp } : { name: ir, elem, length, atomic: false, span: sp });
    declare(cx, name, { k: 'array', ir, elem, space: 'shared', param: false });
  } else {
    const ir = freshName(cx.names, name);
    out.push({ k: 'localArray', name: ir, elem, length, span: sp });
    declare(cx, name, { k: 'array', ir, elem, space: 'local', param: false });
  }
}

/** Statements that are expressions: assignments, ++/--, and calls with effects. */
function lowerExprStmt(cx: FnCtx, e0: ts.Expression, out: Stmt[]): void {
  const e = strip(e0);
  const sp = span(cx, e0);
  if (ts.isBinaryExpression(e) && isAssignmentToken(e.operatorToken.kind)) {
    const kind = e.operatorToken.kind;
    const op = kind === K.EqualsToken ? null : COMPOUND_OPS[kind];
    if (op === undefined) {
      report(cx, e.operatorToken, 'KS3001', `the '${e.operatorToken.getText(cx.mod.sf)}' operator`);
      return;
    }
    assign(cx, e, e.left, op, e.right, out);
    return;
  }
  if ((ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e)) && (e.operator === K.PlusPlusToken || e.operator === K.MinusMinusToken)) {
    assign(cx, e, e.operand, e.operator === K.PlusPlusToken ? '+' : '-', null, out);
    return;
  }
  if (ts.isCallExpression(e)) {
    const method = consoleMethod(cx, e);
    if (method !== null) {
      lowerConsole(cx, e, method, out);
      return;
    }
    const lang = calleeLang(cx, e);
    if (lang === 'syncthreads') {
      if (e.arguments.length) report(cx, e, 'KS2009', 'syncthreads', 0, e.arguments.length);
      if (cx.helper !== null) report(cx, e, 'KS5002');
      else {
        cx.usesBarrier = true;
        out.push({ k: 'barrier', span: sp });
      }
      return;
    }
    if (lang === 'threadfence') {
      if (e.arguments.length) report(cx, e, 'KS2009', 'threadfence', 0, e.arguments.length);
      out.push({ k: 'fence', span: sp });
      return;
    }
    if (lang === 'store2' || lang === 'store4') {
      lowerVecStore(cx, e, lang, out);
      return;
    }
    const mfn = lang === null ? null : matrixOfSurface(lang);
    if (mfn === 'store') return lowerMatrixStore(cx, e, out);
    if (mfn !== null) return reportMatrixCallMisplaced(cx, e, mfn);
    const value = lowerCall(cx, e, true, undefined);
    if (value && (value.k === 'atomic' || value.k === 'call')) out.push({ k: 'expr', expr: value, span: sp });
    else if (value) report(cx, e, 'KS3015', e.getText(cx.mod.sf));
    return;
  }
  report(cx, e0, 'KS3015', e0.getText(cx.mod.sf));
}

/** `x = v`, `x op= v`, `x++` (value null: one), on a local or an array element. */
function assign(cx: FnCtx, node: ts.Expression, target0: ts.Expression, op: BinaryOp | '**' | null, value: ts.Expression | null, out: Stmt[]): void {
  const sp = span(cx, node);
  const target = strip(target0);
  const one = (t: ScalarType): Expr => constOf(t === 'bool' ? 'i32' : t, 1, sp);
  if (ts.isIdentifier(target)) {
    if (usedBeforeDeclaration(target)) {
      if (value) lowerExpr(cx, value);
      return;
    }
    const b = lookup(cx, target.text);
    if (b?.k === 'vec') {
      assignVec(cx, node, target, b, op !== null, value, out);
      return;
    }
    if (b?.k === 'frag') {
      assignFragment(cx, target, b, op !== null, value, out);
      return;
    }
    if (!b || b.k !== 'local' || !b.mutable) {
      const why = !b ? 'it is not a local variable of this function'
        : b.k === 'param' ? 'parameters are read-only; copy it into a let first'
        : b.k === 'array' ? 'arrays cannot be reassigned; assign to its elements'
        : 'it is a const';
      report(cx, target, 'KS2011', target.text, why);
      if (value) lowerExpr(cx, value);
      return;
    }
    const cur: Expr = { k: 'load', name: b.ir, type: b.type, span: span(cx, target) };
    let v: Expr;
    if (op === null) v = lowerExpr(cx, value as ts.Expression, b.type);
    else v = combine(cx, node, op, { expr: cur, binding: b }, value ? { node: value } : { expr: one(b.type) }, b.type);
    if (op !== null || !isAdaptable(cx, value as ts.Expression)) observe(cx, b, v.type);
    out.push({ k: 'assign', name: b.ir, value: coerce(cx, value ?? node, v, b.type), span: sp });
    return;
  }
  if (ts.isElementAccessExpression(target)) {
    const arr = resolveArray(cx, target.expression, 'KS4009');
    const index = lowerIndex(cx, target.argumentExpression);
    if (!arr) return;
    if (op !== null && hasAtomic(index)) report(cx, target.argumentExpression, 'KS4004');
    // An element reads as its value type and a store converts to it (small ints then truncate).
    const type = valueOf(arr.elem);
    let v: Expr;
    if (op === null) v = lowerExpr(cx, value as ts.Expression, type);
    else {
      const cur: Expr = { k: 'index', array: arr.ir, index, type, span: span(cx, target) };
      v = combine(cx, node, op, { expr: cur }, value ? { node: value } : { expr: one(type) }, type);
    }
    out.push({ k: 'store', array: arr.ir, index, value: storeValue(cx, value ?? node, v, arr.elem), span: sp });
    return;
  }
  if (ts.isPropertyAccessExpression(target) && assignComponent(cx, node, target, op, value, out)) return;
  report(cx, target0, 'KS2011', target0.getText(cx.mod.sf), 'only local variables and array elements can be assigned');
}
