// Vectors in the front end. A vector never exists in the IR as a value: a vector expression lowers
// to its list of component expressions, a vector variable to one scalar local per component
// (`v_x`, `v_y`…), and vadd & co. to component-wise scalar operations. Only the wide accesses are
// IR of their own: load2/load4 a `vload` statement (one access declaring the component locals),
// store2/store4 a `vstore` statement. A load inside an expression is hoisted in front of its
// statement (`hoisting`), which keeps its meaning wherever the statement evaluates it
// unconditionally, once, and after nothing that may write memory; elsewhere (loop conditions, the
// right of && || and the arms of ?:, after an atomic or a helper call) it is an error (KS2044).
import { ts } from 'ts-morph';
import type { ElemType, Expr, ScalarType, Span, Stmt } from '../../core/ir/types.js';
import { ELEMENTS, valueOf } from '../../core/elements.js';
import { LANES, VEC_TYPES, isVecName, type VecName } from '../../core/vec.js';
import { someExpr, isLeaf } from '../../core/ir/walk.js';
import { declare, freshName, lookup, report, span, type Binding, type FnCtx } from './context.js';
import { calleeLang } from './calls.js';
import { combine, errExpr, lowerExpr, lowerIndex, resolveArray, strip } from './expr.js';
import { lookupModuleName } from './symbols.js';
import { coerce, constOf, toBool } from './typing.js';
import { langName } from './module.js';
import type { BinaryOp } from '../../core/ir/types.js';

/** A lowered vector: its type and one scalar expression per component. */
export interface VecValue {
  vt: VecName;
  comps: Expr[];
  /** The components are fresh immutable locals of a vload no one else reads (a const may take them). */
  fresh?: boolean;
}

const ELEMENTWISE = { vadd: '+', vsub: '-', vmul: '*', vdiv: '/' } as const;
const VALUE_FNS = new Set(['vadd', 'vsub', 'vmul', 'vdiv', 'vfma', 'vscale', 'load2', 'load4']);
const WIDTH = { load2: 2, load4: 4, store2: 2, store4: 4 } as const;
/** Every language name this file lowers (calls.ts and stmt.ts hand them over). */
export const VECTOR_LANG = new Set<string>([...Object.keys(VEC_TYPES), ...VALUE_FNS, 'dot', 'store2', 'store4']);

export const compOf = (vt: VecName): ScalarType => VEC_TYPES[vt].comp;
const widthOf = (vt: VecName): number => VEC_TYPES[vt].width;
const lanesOf = (vt: VecName): string => LANES.slice(0, widthOf(vt)).map((l) => `.${l}`).join(', ');

/** The vector a wide access of width `w` moves for arrays of `elem`, or null if there is none. */
function vecOfArray(elem: ElemType, w: 2 | 4): VecName | null {
  const table: Partial<Record<ElemType, readonly [VecName | null, VecName]>> = {
    f32: ['vec2f', 'vec4f'],
    i32: ['vec2i', 'vec4i'],
    u32: ['vec2u', 'vec4u'],
    f16: [null, 'vec4h'],
  };
  const row = table[elem];
  return row ? (w === 2 ? row[0] : row[1]) : null;
}

// ---- hoisting -----------------------------------------------------------------------------------

const pending = new WeakMap<FnCtx, Stmt[] | null>();
/** Source nodes whose value has been hoisted in front of their statement. */
const moved = new WeakSet<ts.Node>();
/** Values already reported as not movable (KS2044), so the operations around them do not report them again. */
const refused = new WeakSet<Expr>();

/**
 * Runs `f`, which lowers one statement into `out`; the vector loads it hoists land in front of
 * what it added. Nested statements (branches, bodies) hoist into their own lists.
 */
export function hoisting<T>(cx: FnCtx, out: Stmt[], f: () => T): T {
  const prev = pending.get(cx) ?? null;
  const list: Stmt[] = [];
  pending.set(cx, list);
  const at = out.length;
  try {
    return f();
  } finally {
    pending.set(cx, prev);
    out.splice(at, 0, ...list);
  }
}

/** Whether `node` is evaluated conditionally or repeatedly within its statement. */
function deferred(node: ts.Node): boolean {
  let n: ts.Node = node;
  for (let p = n.parent; p; n = p, p = p.parent) {
    if (ts.isConditionalExpression(p) && n !== p.condition) return true;
    if (ts.isBinaryExpression(p) && n === p.right) {
      const k = p.operatorToken.kind;
      if (k === ts.SyntaxKind.AmpersandAmpersandToken || k === ts.SyntaxKind.BarBarToken || k === ts.SyntaxKind.QuestionQuestionToken) return true;
    }
    if ((ts.isWhileStatement(p) || ts.isDoStatement(p)) && n === p.expression) return true;
    if (ts.isForStatement(p) && n === p.condition) return true;
    if (ts.isStatement(p) || ts.isFunctionLike(p)) return false;
  }
  return false;
}

/**
 * What the statement around `node` does before it, in JavaScript's left-to-right order (the parts
 * that end before it starts): reads memory (an element, a wide load) and/or may write it (an
 * atomic, a helper call, which may write the arrays it takes). A hoisted part runs before these.
 */
function before(cx: FnCtx, node: ts.Node): { reads: boolean; writes: boolean } {
  let stmt: ts.Node = node;
  while (stmt.parent && !ts.isStatement(stmt) && !ts.isFunctionLike(stmt.parent)) stmt = stmt.parent;
  const at = node.getStart(cx.mod.sf);
  const seen = { reads: false, writes: false };
  const visit = (n: ts.Node): void => {
    // Parts already hoisted run earlier, in their order, so they cannot be overtaken.
    if (n.getStart(cx.mod.sf) >= at || moved.has(n)) return;
    if (n.end <= at) {
      // The target of an assignment is written after its value, so it is no earlier read.
      const target = ts.isBinaryExpression(n.parent) && n.parent.left === n && n.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
      if (ts.isElementAccessExpression(n) && !target) seen.reads = true;
      if (ts.isCallExpression(n)) {
        const lang = calleeLang(cx, n);
        if (lang === null ? !isMathCall(n) : lang.startsWith('atomic')) seen.writes = true;
      }
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(stmt, visit);
  return seen;
}

const isMathCall = (n: ts.CallExpression): boolean => {
  const c = strip(n.expression);
  return ts.isPropertyAccessExpression(c) && ts.isIdentifier(c.expression) && c.expression.text === 'Math';
};

/** Whether `e` may write memory (an atomic, or a helper call, which may write the arrays it takes). */
const effectful = (e: Expr): boolean => someExpr(e, (x) => x.k === 'atomic' || x.k === 'call');

/**
 * Whether moving `e` (written at `node`) in front of its statement keeps the statement's meaning:
 * it must be evaluated once, unconditionally, and nothing it reads may be written, nor anything
 * it writes be read, by parts of the statement JavaScript evaluates before it.
 */
function movable(cx: FnCtx, node: ts.Node, reads: boolean, writes: boolean): boolean {
  if (deferred(node)) return false;
  const b = before(cx, node);
  return !(b.writes && (reads || writes)) && !(writes && b.reads);
}

/** Puts `s` in front of the current statement; false (after KS2044) where that would change its meaning. */
function hoist(cx: FnCtx, node: ts.Node, what: string, s: Stmt): boolean {
  const list = pending.get(cx);
  if (!list || !movable(cx, node, true, false)) {
    report(cx, node, 'KS2044', what);
    return false;
  }
  list.push(s);
  moved.add(node);
  return true;
}


/** `e` as an expression that may be repeated: a leaf, or a hoisted const holding it. */
function once(cx: FnCtx, node: ts.Node, e: Expr, base: string): Expr {
  if (isLeaf(e)) return e;
  const list = pending.get(cx);
  const writes = effectful(e);
  if (!list || !movable(cx, node, someExpr(e, (x) => x.k === 'index'), writes)) {
    // Repeating (or keeping in place) a pure expression keeps its meaning; an atomic or a helper
    // call must run once, in its place.
    if (writes && !someExpr(e, (x) => refused.has(x))) {
      report(cx, node, 'KS2044', node.getText(cx.mod.sf));
      refused.add(e);
    }
    return e;
  }
  const name = freshName(cx.names, base);
  list.push({ k: 'let', name, type: e.type, init: e, mutable: false, span: e.span });
  moved.add(node);
  return { k: 'load', name, type: e.type, span: e.span };
}

// ---- vector expressions -------------------------------------------------------------------------

function vecBinding(cx: FnCtx, node: ts.Expression): (Binding & { k: 'vec' }) | null {
  const n = strip(node);
  if (!ts.isIdentifier(n)) return null;
  const b = lookup(cx, n.text);
  return b?.k === 'vec' ? b : null;
}

/** The vector type a helper declares it returns, if it names one. */
function helperVecResult(cx: FnCtx, call: ts.CallExpression): VecName | null {
  const callee = strip(call.expression);
  if (!ts.isIdentifier(callee) || lookup(cx, callee.text)) return null;
  const sym = lookupModuleName(cx.mod, callee.text);
  if (sym.k !== 'function' || !sym.decl.type) return null;
  return vecTypeName(cx, sym.decl.type);
}

/** The vector type an annotation names (`vec4f`), or null. */
export function vecTypeName(cx: FnCtx, type: ts.TypeNode): VecName | null {
  const text = type.getText(cx.mod.sf).trim();
  const lang = langName(cx.mod, text);
  return lang && isVecName(lang) ? lang : null;
}

/** Whether `node` has a vector value (so it must be lowered with lowerVec). */
export function isVecExpr(cx: FnCtx, node: ts.Expression): boolean {
  const n = strip(node);
  if (ts.isIdentifier(n)) return vecBinding(cx, n) !== null;
  if (ts.isConditionalExpression(n)) return isVecExpr(cx, n.whenTrue) || isVecExpr(cx, n.whenFalse);
  if (ts.isCallExpression(n)) {
    const lang = calleeLang(cx, n);
    if (lang) return isVecName(lang) || VALUE_FNS.has(lang);
    return helperVecResult(cx, n) !== null;
  }
  return false;
}

function loads(b: Binding & { k: 'vec' }, sp: Span): Expr[] {
  const t = compOf(b.vt);
  return b.comps.map((name): Expr => (b.src === 'param' ? { k: 'param', name, type: t, span: sp } : { k: 'load', name, type: t, span: sp }));
}

/**
 * Lowers a vector expression; null after an error (reported). `base` names the locals a load
 * declares. Callers check isVecExpr first.
 */
export function lowerVec(cx: FnCtx, node0: ts.Expression, base?: string): VecValue | null {
  const node = strip(node0);
  const sp = span(cx, node);
  const b = vecBinding(cx, node);
  if (b) return { vt: b.vt, comps: loads(b, sp) };
  if (ts.isConditionalExpression(node)) {
    const cond = toBool(lowerExpr(cx, node.condition));
    const c = once(cx, node.condition, cond, 'cond');
    const t = vecArg(cx, node.whenTrue, '?:', 2);
    const e = vecArg(cx, node.whenFalse, '?:', 3);
    if (!t || !e) return null;
    if (t.vt !== e.vt) {
      report(cx, node, 'KS2042', '?:', t.vt, e.vt);
      return null;
    }
    const comps = t.comps.map((x, j): Expr => ({ k: 'select', cond: c, then: x, else: e.comps[j] ?? x, type: x.type, span: sp }));
    return { vt: t.vt, comps };
  }
  if (!ts.isCallExpression(node)) {
    report(cx, node, 'KS3001', 'this vector expression');
    return null;
  }
  const lang = calleeLang(cx, node);
  if (!lang) {
    const vt = helperVecResult(cx, node);
    report(cx, node, 'KS2045', 'a helper\'s result', vt ?? 'vector', 'return a scalar per helper, or write the vector code in the kernel');
    return null;
  }
  if (isVecName(lang)) return construct(cx, node, lang);
  if (lang === 'load2' || lang === 'load4') return wideLoad(cx, node, lang, base);
  const args = node.arguments;
  if (lang === 'vscale') {
    if (args.length !== 2) return arity(cx, node, lang, 2);
    const [vn, sn] = args as unknown as [ts.Expression, ts.Expression];
    const v = vecArg(cx, vn, lang, 1);
    if (!v) return null;
    const t = compOf(v.vt);
    const s = once(cx, sn, coerce(cx, sn, lowerExpr(cx, sn, t), t), 'scale');
    return { vt: v.vt, comps: v.comps.map((x) => bin('*', x, s, sp)) };
  }
  if (lang === 'vfma') {
    if (args.length !== 3) return arity(cx, node, lang, 3);
    const vs = same(cx, node, lang, args);
    if (!vs) return null;
    const [a, m, c] = vs as [VecValue, VecValue, VecValue];
    return { vt: a.vt, comps: a.comps.map((x, j) => bin('+', bin('*', x, m.comps[j] ?? x, sp), c.comps[j] ?? x, sp)) };
  }
  const op = ELEMENTWISE[lang as keyof typeof ELEMENTWISE];
  if (args.length !== 2) return arity(cx, node, lang, 2);
  const vs = same(cx, node, lang, args);
  if (!vs) return null;
  const [a, c] = vs as [VecValue, VecValue];
  return { vt: a.vt, comps: a.comps.map((x, j) => bin(op, x, c.comps[j] ?? x, sp)) };
}

/**
 * Vector operands whose components may write memory, each component taken into a const in source
 * order (all of the first operand, then the second…), as JavaScript evaluates them: the
 * component-wise operations would otherwise interleave them.
 */
function inOrder(cx: FnCtx, nodes: readonly ts.Expression[], vs: VecValue[]): VecValue[] {
  if (!vs.some((v) => v.comps.some(effectful))) return vs;
  return vs.map((v, i) => ({ vt: v.vt, comps: v.comps.map((c) => once(cx, nodes[i] ?? nodes[0] as ts.Expression, c, 'arg')) }));
}

function arity(cx: FnCtx, node: ts.CallExpression, name: string, n: number): null {
  report(cx, node, 'KS2009', name, n, node.arguments.length);
  return null;
}

const bin = (op: BinaryOp, lhs: Expr, rhs: Expr, sp: Span): Expr => ({ k: 'binary', op, lhs, rhs, type: lhs.type, span: sp });

/** Argument `i` (1-based) of `fn`, which must be a vector. */
function vecArg(cx: FnCtx, node: ts.Expression, fn: string, i: number): VecValue | null {
  if (isVecExpr(cx, node)) return lowerVec(cx, node);
  const e = lowerExpr(cx, node);
  report(cx, node, 'KS2043', i, fn, e.type, e.type === 'i32' ? 'vec4i' : e.type === 'u32' ? 'vec4u' : 'vec4f');
  return null;
}

/** The arguments of an element-wise operation: vectors of one type. */
function same(cx: FnCtx, node: ts.CallExpression, fn: string, args: readonly ts.Expression[]): VecValue[] | null {
  const vs = args.map((a, i) => vecArg(cx, a, fn, i + 1));
  if (vs.some((v) => v === null)) return null;
  const ok = inOrder(cx, args, vs as VecValue[]);
  const first = ok[0];
  const other = ok.find((v) => v.vt !== first?.vt);
  if (first && other) {
    report(cx, node, 'KS2042', fn, first.vt, other.vt);
    return null;
  }
  return ok;
}

function construct(cx: FnCtx, node: ts.CallExpression, vt: VecName): VecValue | null {
  const t = compOf(vt);
  const w = widthOf(vt);
  const args = node.arguments;
  if (args.length !== 1 && args.length !== w) {
    report(cx, node, 'KS2047', vt, w, args.length);
    return null;
  }
  let vals = args.map((a) => coerce(cx, a, lowerExpr(cx, a, t), t));
  if (vals.length > 1 && vals.some(effectful)) vals = vals.map((v, i) => once(cx, args[i] ?? node, v, 'arg'));
  if (vals.length === 1) {
    const [a] = args as unknown as [ts.Expression];
    const s = once(cx, a, vals[0] ?? constOf(t, 0, span(cx, a)), 'splat');
    return { vt, comps: Array.from({ length: w }, () => s) };
  }
  return { vt, comps: vals };
}

/** The array a wide access names, with the vector it moves; null after an error. */
function wideArray(cx: FnCtx, node: ts.CallExpression, fn: keyof typeof WIDTH): { ir: string; elem: ElemType; vt: VecName } | null {
  const arrNode = node.arguments[0];
  if (!arrNode) return null;
  const arr = resolveArray(cx, arrNode, 'KS4009');
  if (!arr) return null;
  if (arr.space === 'local') {
    report(cx, arrNode, 'KS4030', fn, arrNode.getText(cx.mod.sf));
    return null;
  }
  const vt = vecOfArray(arr.elem, WIDTH[fn]);
  if (!vt) {
    report(cx, arrNode, 'KS4031', fn, arrNode.getText(cx.mod.sf), ELEMENTS[arr.elem].host.name);
    return null;
  }
  return { ir: arr.ir, elem: arr.elem, vt };
}

function wideLoad(cx: FnCtx, node: ts.CallExpression, fn: 'load2' | 'load4', base: string | undefined): VecValue | null {
  if (node.arguments.length !== 2) return arity(cx, node, fn, 2);
  const arr = wideArray(cx, node, fn);
  const idxNode = node.arguments[1] as ts.Expression;
  const index = lowerIndex(cx, idxNode);
  if (!arr) return null;
  const sp = span(cx, node);
  const t = valueOf(arr.elem);
  const arrText = strip(node.arguments[0] as ts.Expression).getText(cx.mod.sf);
  const stem = base ?? `${arrText}${WIDTH[fn]}`;
  const names = LANES.slice(0, WIDTH[fn]).map((l) => freshName(cx.names, `${stem}_${l}`));
  if (!hoist(cx, node, fn, { k: 'vload', names, array: arr.ir, index, span: sp })) return null;
  return { vt: arr.vt, comps: names.map((name): Expr => ({ k: 'load', name, type: t, span: sp })), fresh: true };
}

// ---- scalar positions ---------------------------------------------------------------------------

/**
 * A language call this file owns, in a scalar position: `dot` gives a scalar; the others are
 * vectors (KS2041) or statements (KS2049).
 */
export function lowerVecCall(cx: FnCtx, node: ts.CallExpression, lang: string, hint: ScalarType | undefined): Expr | null {
  const sp = span(cx, node);
  if (lang === 'dot') {
    if (node.arguments.length !== 2) return arity(cx, node, lang, 2);
    const vs = same(cx, node, lang, node.arguments);
    if (!vs) return errExpr(hint, sp);
    const [a, b] = vs as [VecValue, VecValue];
    return a.comps.map((x, j) => bin('*', x, b.comps[j] ?? x, sp)).reduce((acc, p) => bin('+', acc, p, sp));
  }
  if (lang === 'store2' || lang === 'store4') {
    report(cx, node, 'KS2049', lang);
    return null;
  }
  // Lowered for its own errors; its value is a vector.
  const v = lowerVec(cx, node);
  if (v) report(cx, node, 'KS2041', node.getText(cx.mod.sf), v.vt);
  return errExpr(hint ?? (v ? compOf(v.vt) : undefined), sp);
}

/** `v.x` on a vector expression; null when `node`'s object is not a vector (the caller goes on). */
export function lowerComponent(cx: FnCtx, node: ts.PropertyAccessExpression): Expr | null {
  if (!isVecExpr(cx, node.expression)) return null;
  const sp = span(cx, node);
  const v = lowerVec(cx, node.expression);
  if (!v) return errExpr(undefined, sp);
  const j = laneIndex(cx, node, v.vt);
  return j === null ? errExpr(compOf(v.vt), sp) : (v.comps[j] ?? errExpr(compOf(v.vt), sp));
}

function laneIndex(cx: FnCtx, node: ts.PropertyAccessExpression, vt: VecName): number | null {
  const prop = node.name.text;
  const j = (LANES as readonly string[]).indexOf(prop);
  if (j < 0 || j >= widthOf(vt)) {
    report(cx, node.name, 'KS2040', node.expression.getText(cx.mod.sf), prop, vt, lanesOf(vt));
    return null;
  }
  return j;
}

/** A vector identifier read as a scalar. */
export function vecAsScalar(cx: FnCtx, node: ts.Identifier, b: Binding & { k: 'vec' }, hint: ScalarType | undefined): Expr {
  report(cx, node, 'KS2041', node.text, b.vt);
  return errExpr(hint ?? compOf(b.vt), span(cx, node));
}

// ---- statements ---------------------------------------------------------------------------------

/**
 * `const v = <vector>` / `let v: vec4f = …`: declares one local per component. False when the
 * declaration is not a vector's (the caller lowers it as a scalar).
 */
export function lowerVecDeclaration(cx: FnCtx, d: ts.VariableDeclaration, name: string, isConst: boolean, out: Stmt[]): boolean {
  const ann = d.type ? vecTypeName(cx, d.type) : null;
  const init = d.initializer;
  if (!ann && !(init && isVecExpr(cx, init))) return false;
  const sp = span(cx, d);
  let v: VecValue | null = null;
  if (!init) report(cx, d.name, 'KS2046', name, ann ?? 'vec4f');
  else if (isVecExpr(cx, init)) v = lowerVec(cx, init, isConst ? name : undefined);
  else {
    const e = lowerExpr(cx, init);
    report(cx, init, 'KS2003', e.type, ann ?? 'vec4f', `; write ${ann ?? 'vec4f'}(x) to make one`);
  }
  if (v && ann && v.vt !== ann) {
    report(cx, init ?? d, 'KS2003', v.vt, ann, '');
    v = null;
  }
  const vt = v?.vt ?? ann ?? 'vec4f';
  const t = compOf(vt);
  if (v?.fresh && isConst) {
    declare(cx, name, { k: 'vec', vt, comps: v.comps.map((c) => (c.k === 'load' ? c.name : '')), src: 'local', mutable: false });
    return true;
  }
  const comps = LANES.slice(0, widthOf(vt)).map((l) => freshName(cx.names, `${name}_${l}`));
  comps.forEach((c, j) => out.push({ k: 'let', name: c, type: t, init: v?.comps[j] ?? constOf(t, 0, sp), mutable: !isConst, span: sp }));
  declare(cx, name, { k: 'vec', vt, comps, src: 'local', mutable: !isConst });
  return true;
}

/** `v = <vector>` on a vector variable (compound operators are not vector operations). */
export function assignVec(cx: FnCtx, node: ts.Expression, target: ts.Identifier, b: Binding & { k: 'vec' }, compound: boolean, value: ts.Expression | null, out: Stmt[]): void {
  const sp = span(cx, node);
  if (compound || !value) {
    report(cx, node, 'KS2048', target.text, b.vt);
    return;
  }
  const v = isVecExpr(cx, value) ? lowerVec(cx, value) : vecArg(cx, value, '=', 2);
  if (!b.mutable || b.src === 'param') {
    report(cx, target, 'KS2011', target.text, b.src === 'param' ? 'parameters are read-only; copy it into a let first' : 'it is a const');
    return;
  }
  if (!v) return;
  if (v.vt !== b.vt) {
    report(cx, value, 'KS2003', v.vt, b.vt, '');
    return;
  }
  // Every component is computed from the old value: assigned in order, component j may read only
  // components not yet assigned, else all go through temporaries first (`v = vec2f(v.y, v.x)`).
  const reads = v.comps.some((e, j) => {
    const done = new Set(b.comps.slice(0, j));
    return someExpr(e, (x) => x.k === 'load' && done.has(x.name));
  });
  const vals = reads
    ? v.comps.map((e, j): Expr => {
        const name = freshName(cx.names, `${target.text}_${LANES[j] ?? 'x'}_new`);
        out.push({ k: 'let', name, type: e.type, init: e, mutable: false, span: sp });
        return { k: 'load', name, type: e.type, span: sp };
      })
    : v.comps;
  b.comps.forEach((c, j) => out.push({ k: 'assign', name: c, value: vals[j] ?? constOf(compOf(b.vt), 0, sp), span: sp }));
}

/**
 * `v.x = e`, `v.x op= e`, `v.x++` on a vector variable. False when the target's object is not a
 * vector (the caller reports what it is).
 */
export function assignComponent(
  cx: FnCtx,
  node: ts.Expression,
  target: ts.PropertyAccessExpression,
  op: BinaryOp | '**' | null,
  value: ts.Expression | null,
  out: Stmt[],
): boolean {
  if (!isVecExpr(cx, target.expression)) return false;
  const sp = span(cx, node);
  const b = vecBinding(cx, target.expression);
  const text = target.getText(cx.mod.sf);
  if (!b) {
    report(cx, target, 'KS2011', text, 'only the components of vector variables can be assigned');
    return true;
  }
  const j = laneIndex(cx, target, b.vt);
  if (j === null) return true;
  if (!b.mutable || b.src === 'param') {
    const obj = target.expression.getText(cx.mod.sf);
    report(cx, target, 'KS2011', text, b.src === 'param' ? `'${obj}' is a parameter; copy it into a let first` : `'${obj}' is a const; declare it with let to change its components`);
    if (value) lowerExpr(cx, value);
    return true;
  }
  const t = compOf(b.vt);
  const name = b.comps[j] ?? '';
  const cur: Expr = { k: 'load', name, type: t, span: span(cx, target) };
  const one = constOf(t, 1, sp);
  const v = op === null ? lowerExpr(cx, value as ts.Expression, t) : combine(cx, node, op, { expr: cur }, value ? { node: value } : { expr: one }, t);
  out.push({ k: 'assign', name, value: coerce(cx, value ?? node, v, t), span: sp });
  return true;
}

/** `store2(arr, i, v)` / `store4(arr, i, v)` as a statement. */
export function lowerVecStore(cx: FnCtx, node: ts.CallExpression, fn: 'store2' | 'store4', out: Stmt[]): void {
  if (node.arguments.length !== 3) {
    arity(cx, node, fn, 3);
    return;
  }
  const [arrNode, idxNode, valNode] = node.arguments as unknown as [ts.Expression, ts.Expression, ts.Expression];
  const arr = wideArray(cx, node, fn);
  const index = lowerIndex(cx, idxNode);
  const v = vecArg(cx, valNode, fn, 3);
  if (!arr || !v) return;
  if (v.vt !== arr.vt) {
    report(cx, valNode, 'KS4032', fn, arrNode.getText(cx.mod.sf), ELEMENTS[arr.elem].host.name, arr.vt, v.vt);
    return;
  }
  out.push({ k: 'vstore', array: arr.ir, index, values: v.comps, span: span(cx, node) });
}
