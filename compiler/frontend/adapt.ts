// Which expressions take their type from their context, as integer literals do, and the type they
// take when nothing in the context decides it.
import { ts } from 'ts-morph';
import type { ScalarType } from '../../core/ir/types.js';
import { lookup, type FnCtx } from './context.js';
import { isIntMath, isMathFn, mathConstant } from '../../core/ir/ops.js';
import { evalConst, evalConstDecl, isIntLiteralText, lookupModuleName, type ConstCache, type ConstResult } from './symbols.js';
import { defaultIntType, inRange } from './typing.js';
import { BINARY_OPS, LITERAL_OPS, SHIFTS } from './operators.js';
import { strip } from './expr.js';

const K = ts.SyntaxKind;

// Each function below is asked about every level of a chain such as `a + 1 + b + 2 + …`, and each
// answer looks at the whole subtree: without a memo that is quadratic (cubic for followsContext,
// which asks isAdaptable at every level). Answers depend on the node and on the names in scope (a
// local shadows a module constant, or `Math`), so they are kept per lowering run and dropped when
// the scopes change: when a name is declared (FnCtx.scopeVersion) or a block is entered or left.
interface Memo {
  depth: number;
  top: Map<string, unknown> | undefined;
  version: number;
  adaptable: Map<ts.Node, boolean>;
  follows: Map<ts.Node, boolean>;
  defaults: Map<ts.Node, ScalarType>;
  negative: Map<ts.Node, boolean>;
  /** evalConst of nodes; null where a part is not a constant, so neither is the node. */
  consts: Map<ts.Node, ConstResult | null>;
  constCache: ConstCache;
}

const memos = new WeakMap<FnCtx, Memo>();

function memoOf(cx: FnCtx): Memo {
  const depth = cx.scopes.length;
  const top = cx.scopes[depth - 1];
  let m = memos.get(cx);
  if (!m || m.depth !== depth || m.top !== top || m.version !== cx.scopeVersion) {
    m = { depth, top, version: cx.scopeVersion, adaptable: new Map(), follows: new Map(), defaults: new Map(), negative: new Map(), consts: new Map(), constCache: new Map() };
    memos.set(cx, m);
  }
  return m;
}

function memoized<T>(table: Map<ts.Node, T>, node: ts.Node, compute: () => T): T {
  const hit = table.get(node);
  if (hit !== undefined) return hit;
  const v = compute();
  table.set(node, v);
  return v;
}

/**
 * An expression of integer literals and integer module constants (`0`, `-1`, `TILE * 2`): it has
 * no type of its own and takes the one its context needs. It is also a compile-time constant.
 */
export function isAdaptable(cx: FnCtx, node: ts.Expression): boolean {
  const n = strip(node);
  return memoized(memoOf(cx).adaptable, n, () => adaptable(cx, n));
}

function adaptable(cx: FnCtx, node: ts.Expression): boolean {
  if (ts.isNumericLiteral(node)) return isIntLiteralText(node.getText(cx.mod.sf));
  if (ts.isPrefixUnaryExpression(node)) {
    const op = node.operator;
    return (op === K.MinusToken || op === K.PlusToken || op === K.TildeToken) && isAdaptable(cx, node.operand);
  }
  if (ts.isBinaryExpression(node)) {
    const op = BINARY_OPS[node.operatorToken.kind];
    return op !== undefined && LITERAL_OPS.has(op) && isAdaptable(cx, node.left) && isAdaptable(cx, node.right);
  }
  if (ts.isIdentifier(node)) return moduleIntConst(cx, node) !== null;
  return false;
}

/**
 * An expression whose type, like a literal's, comes from its context: an adaptable expression, or
 * one whose typed parts all are such, joined by operators that keep their operands' type
 * (`c ? 3 : 4`, `Math.abs(3)`, `Math.max(2, 5)`, `-(c ? 1 : 2)`), or a shift whose left side is
 * such (`1 << s`: a shift has its left side's type). So `s + (c ? 3 : 4)` and `s | (1 << k)` with
 * `s: u32` compute in u32, as `s + 3` does; none of these parts ever makes a value f32 on its own.
 */
export function followsContext(cx: FnCtx, node: ts.Expression): boolean {
  const n = strip(node);
  return memoized(memoOf(cx).follows, n, () => follows(cx, n));
}

function follows(cx: FnCtx, node: ts.Expression): boolean {
  if (isAdaptable(cx, node)) return true;
  if (ts.isPrefixUnaryExpression(node)) {
    const op = node.operator;
    return (op === K.MinusToken || op === K.PlusToken || op === K.TildeToken) && followsContext(cx, node.operand);
  }
  if (ts.isBinaryExpression(node)) {
    const op = BINARY_OPS[node.operatorToken.kind];
    if (op !== undefined && SHIFTS.has(op)) return followsContext(cx, node.left);
    return op !== undefined && LITERAL_OPS.has(op) && followsContext(cx, node.left) && followsContext(cx, node.right);
  }
  if (ts.isConditionalExpression(node)) return followsContext(cx, node.whenTrue) && followsContext(cx, node.whenFalse);
  const args = intMathArgs(cx, node);
  return args !== null && args.length > 0 && args.every((a) => followsContext(cx, a));
}

/**
 * The type an expression that follows its context takes when nothing decides: i32, or u32 when
 * its value fits only u32 (`3000000000`, `c ? 1 : 3000000000`) and every literal in it fits u32
 * (so `-(-2147483648)` is an i32 that wraps, not a u32 holding a negative literal).
 */
export function defaultAdaptableType(cx: FnCtx, node: ts.Expression): ScalarType {
  // Keyed by the node as given: a constant's evaluation counts its parentheses as levels.
  return memoized(memoOf(cx).defaults, node, () => defaultType(cx, node));
}

function defaultType(cx: FnCtx, node: ts.Expression): ScalarType {
  const r = constantValue(cx, node);
  if (r?.ok) return defaultIntType(r.v.value) === 'u32' && !hasNegativeLeaf(cx, node) ? 'u32' : 'i32';
  node = strip(node);
  // Not a constant: u32 when one of the parts that give the type needs it.
  let parts: readonly ts.Expression[] = [];
  if (ts.isPrefixUnaryExpression(node)) parts = [node.operand];
  else if (ts.isBinaryExpression(node)) parts = SHIFTS.has(BINARY_OPS[node.operatorToken.kind] ?? '') ? [node.left] : [node.left, node.right];
  else if (ts.isConditionalExpression(node)) parts = [node.whenTrue, node.whenFalse];
  else parts = intMathArgs(cx, node) ?? [];
  return parts.some((p) => defaultAdaptableType(cx, p) === 'u32') ? 'u32' : 'i32';
}

/**
 * evalConst(cx.mod, node), or null when it fails because a part it evaluates first fails: asked
 * of every level of a chain, each level then costs one step instead of a walk of its subtree.
 */
function constantValue(cx: FnCtx, node: ts.Expression): ConstResult | null {
  const m = memoOf(cx);
  return memoized(m.consts, node, () => {
    let parts: readonly ts.Expression[] = [];
    if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) parts = [node.expression];
    else if (ts.isPrefixUnaryExpression(node)) parts = [node.operand];
    else if (ts.isBinaryExpression(node)) parts = [node.left, node.right];
    for (const p of parts) if (constantValue(cx, p)?.ok !== true) return null;
    return evalConst(cx.mod, node, m.constCache);
  });
}

/**
 * A float literal (`0.5`, `-1e-3`), a float module constant, or Math.PI / Math.E: a float with no
 * type of its own. Next to an f16 or f64 value it takes that type, rounded once from its exact
 * value; otherwise it is f32.
 */
export function isFloatLiteral(cx: FnCtx, node: ts.Expression): boolean {
  const n = strip(node);
  if (ts.isNumericLiteral(n)) return !isIntLiteralText(n.getText(cx.mod.sf));
  if (ts.isPrefixUnaryExpression(n)) return (n.operator === K.MinusToken || n.operator === K.PlusToken) && isFloatLiteral(cx, n.operand);
  if (ts.isIdentifier(n)) {
    if (lookup(cx, n.text)) return false;
    const sym = lookupModuleName(cx.mod, n.text);
    if (sym.k !== 'const') return false;
    const r = evalConstDecl(sym.mod, sym.decl);
    return r.ok && !r.v.int;
  }
  if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'Math') {
    return !lookup(cx, 'Math') && lookupModuleName(cx.mod, 'Math').k === 'missing' && mathConstant(n.name.text) !== null;
  }
  return false;
}

/** The type a float literal takes from a context of type `t`: f16 or f64 if `t` is one, else none (f32). */
export const floatHint = (t: ScalarType | undefined): 'f16' | 'f64' | undefined => (t === 'f16' || t === 'f64' ? t : undefined);

/** The arguments of a call of Math.abs, Math.min or Math.max (defined on integers), else null. */
function intMathArgs(cx: FnCtx, node: ts.Expression): readonly ts.Expression[] | null {
  if (!ts.isCallExpression(node)) return null;
  const callee = strip(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return null;
  if (callee.expression.text !== 'Math' || lookup(cx, 'Math')) return null;
  const fn = callee.name.text;
  return isMathFn(fn) && isIntMath(fn) ? node.arguments : null;
}

function moduleIntConst(cx: FnCtx, node: ts.Identifier): number | null {
  if (lookup(cx, node.text)) return null;
  const sym = lookupModuleName(cx.mod, node.text);
  if (sym.k !== 'const') return null;
  const r = evalConstDecl(sym.mod, sym.decl);
  return r.ok && r.v.int ? r.v.value : null;
}

/** Whether a literal expression contains a literal or module constant that u32 cannot hold. */
function hasNegativeLeaf(cx: FnCtx, node: ts.Expression): boolean {
  const n = strip(node);
  return memoized(memoOf(cx).negative, n, () => negativeLeaf(cx, n));
}

function negativeLeaf(cx: FnCtx, node: ts.Expression): boolean {
  if (ts.isPrefixUnaryExpression(node)) {
    return (node.operator === K.MinusToken && ts.isNumericLiteral(strip(node.operand))) || hasNegativeLeaf(cx, node.operand);
  }
  if (ts.isBinaryExpression(node)) return hasNegativeLeaf(cx, node.left) || hasNegativeLeaf(cx, node.right);
  if (ts.isIdentifier(node)) {
    const v = moduleIntConst(cx, node);
    return v !== null && !inRange('u32', v);
  }
  return false;
}
