// Module-level name lookup (following imports into the user's other files) and evaluation of
// compile-time constants such as `const TILE = 16` or `const N = TILE * 2`.
import { ts } from 'ts-morph';
import type { Code } from '../../core/diagnostics/codes.js';
import { MAX_EXPRESSION_DEPTH } from './limits.js';
import { langName, loadModuleFromDisk, type ModuleInfo } from './module.js';
import { sourceDiagnostics } from './source-check.js';
import { mathConstant } from '../../core/ir/ops.js';

export type ModuleSymbol =
  | { k: 'const'; mod: ModuleInfo; decl: ts.VariableDeclaration }
  | { k: 'function'; mod: ModuleInfo; decl: ts.FunctionDeclaration }
  | { k: 'lang'; name: string }
  | { k: 'runtime' }
  | { k: 'missing' }
  | { k: 'error'; mod: ModuleInfo; node: ts.Node; code: Code; args: string[] };

export function lookupModuleName(mod: ModuleInfo, name: string, depth = 0): ModuleSymbol {
  const fn = mod.functions.get(name);
  if (fn) return { k: 'function', mod, decl: fn };
  const c = mod.consts.get(name);
  if (c) return { k: 'const', mod, decl: c };
  if (mod.others.has(name)) return { k: 'runtime' };
  const lang = langName(mod, name);
  if (lang) return { k: 'lang', name: lang };
  const imp = mod.imports.get(name);
  if (!imp) return { k: 'missing' };
  if (imp.k !== 'user') return { k: 'runtime' };
  if (!imp.file) return { k: 'error', mod, node: imp.node, code: 'KS6006', args: [imp.spec, 'no such file'] };
  let target: ModuleInfo;
  try {
    target = loadModuleFromDisk(imp.file);
  } catch (e) {
    return { k: 'error', mod, node: imp.node, code: 'KS6006', args: [imp.spec, (e as Error).message] };
  }
  // A file TypeScript rejects is not read any further (its recovery nodes would mean something else).
  const [problem] = sourceDiagnostics(target);
  if (problem) {
    const at = `${problem.file}:${problem.line}:${problem.column}`;
    return { k: 'error', mod, node: imp.node, code: 'KS6006', args: [imp.spec, `it has errors, the first at ${at}: ${problem.message}`] };
  }
  const sym = depth < 16 ? lookupModuleName(target, imp.name, depth + 1) : { k: 'missing' as const };
  if (sym.k === 'missing' || sym.k === 'runtime') {
    return { k: 'error', mod, node: imp.node, code: 'KS6007', args: [imp.name, imp.spec] };
  }
  return sym;
}

export interface ConstValue {
  value: number;
  /** Integral and computed from integers only: adapts to i32/u32/f32 like a literal. */
  int: boolean;
}

/** A failure with `tooDeep` exceeded MAX_EXPRESSION_DEPTH at `node`. */
export type ConstResult =
  | { ok: true; v: ConstValue }
  | { ok: false; mod: ModuleInfo; node: ts.Node; reason: string; tooDeep?: boolean };

/** True for literal text that denotes an integer (`16`, `0xff`), not `1.0` or `2e3`. */
export function isIntLiteralText(text: string): boolean {
  return /^0[xXbBoO]/.test(text) || !/[.eE]/.test(text);
}

/** A result and the levels of evaluation below it (its height). */
export interface Evaluated {
  r: ConstResult;
  height: number;
}

const evaluating = new Set<ts.Node>();
// Results are memoised with their height, so that whether a constant is too deep does not depend
// on where it was first evaluated from: it is, exactly when its own height exceeds the limit.
const plainMemo = new WeakMap<ts.Node, Evaluated>();
let memo = plainMemo;

/** Values that replace module constants while one specialization of a kernel is lowered. */
export type ConstOverrides = ReadonlyMap<ts.VariableDeclaration, ConstValue>;
let overrides: ConstOverrides | null = null;
// Each set of overrides has its own memo: everything computed from a replaced constant differs.
const overrideMemos = new WeakMap<ConstOverrides, WeakMap<ts.Node, Evaluated>>();

/** Runs `f` with module constants replaced (a kernel's specialization); null replaces none. */
export function withConstOverrides<T>(o: ConstOverrides | null, f: () => T): T {
  const saved = { overrides, memo };
  overrides = o;
  memo = plainMemo;
  if (o) {
    memo = overrideMemos.get(o) ?? new WeakMap();
    overrideMemos.set(o, memo);
  }
  try {
    return f();
  } finally {
    ({ overrides, memo } = saved);
  }
}

/** Evaluates a module-level constant declaration (memoised per parse). */
export function evalConstDecl(mod: ModuleInfo, decl: ts.VariableDeclaration): ConstResult {
  return evalDecl(mod, decl, 0).r;
}

/**
 * The successful evaluations of one caller that evaluates many nested parts of one expression (a
 * lowering run): each part is then evaluated once, not once per enclosing part.
 */
export type ConstCache = Map<ts.Node, Evaluated>;

/** Evaluates a constant expression with JavaScript semantics (module constants are host values too). */
export function evalConst(mod: ModuleInfo, node: ts.Expression, cache?: ConstCache): ConstResult {
  return evalExpr(mod, node, 0, cache).r;
}

function tooDeep(mod: ModuleInfo, node: ts.Node): Evaluated {
  const reason = `the constant nests more than ${MAX_EXPRESSION_DEPTH} levels deep`;
  return { r: { ok: false, mod, node, reason, tooDeep: true }, height: MAX_EXPRESSION_DEPTH + 1 };
}

function evalDecl(mod: ModuleInfo, decl: ts.VariableDeclaration, depth: number): Evaluated {
  const replaced = overrides?.get(decl);
  if (replaced) return { r: { ok: true, v: replaced }, height: 0 };
  const hit = memo.get(decl);
  if (hit) return depth + hit.height > MAX_EXPRESSION_DEPTH ? tooDeep(mod, decl) : hit;
  if (!decl.initializer) return { r: { ok: false, mod, node: decl, reason: `'${decl.name.getText(mod.sf)}' has no initializer` }, height: 0 };
  if (evaluating.has(decl)) return { r: { ok: false, mod, node: decl, reason: 'the constant depends on itself' }, height: 0 };
  evaluating.add(decl);
  let e: Evaluated;
  try {
    e = evalExpr(mod, decl.initializer, depth + 1);
  } finally {
    // Whatever happens, no declaration stays marked as being evaluated (a false cycle next time).
    evaluating.delete(decl);
  }
  const result = { r: e.r, height: e.height + 1 };
  // Cut off below the top, a constant may still be fine on its own: only the top call knows.
  if (e.r.ok || !e.r.tooDeep || depth === 0) memo.set(decl, result);
  return result;
}

function evalExpr(mod: ModuleInfo, node: ts.Expression, depth: number, cache?: ConstCache): Evaluated {
  if (depth > MAX_EXPRESSION_DEPTH) return tooDeep(mod, node);
  if (!cache) return evaluate(mod, node, depth);
  // A value is the same from any depth at which its evaluation is not cut off, which its height
  // tells; failures are not kept (their height covers only the part evaluated before they failed).
  const hit = cache.get(node);
  if (hit && depth + hit.height <= MAX_EXPRESSION_DEPTH) return hit;
  const e = evaluate(mod, node, depth, cache);
  if (e.r.ok) cache.set(node, e);
  return e;
}

function evaluate(mod: ModuleInfo, node: ts.Expression, depth: number, cache?: ConstCache): Evaluated {
  const fail = (reason: string): Evaluated => ({ r: { ok: false, mod, node, reason }, height: 0 });
  const ok = (value: number, int: boolean, height = 0): Evaluated => ({ r: { ok: true, v: { value, int: int && Number.isInteger(value) } }, height });
  const sub = (e: ts.Expression): Evaluated => {
    const r = evalExpr(mod, e, depth + 1, cache);
    return { r: r.r, height: r.height + 1 };
  };
  if (ts.isNumericLiteral(node)) return ok(Number(node.text), isIntLiteralText(node.getText(mod.sf)));
  if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) return sub(node.expression);
  if (ts.isAsExpression(node) && node.type.getText(mod.sf) === 'const') return sub(node.expression);
  if (ts.isIdentifier(node)) {
    if (node.text === 'Infinity') return ok(Infinity, false);
    const sym = lookupModuleName(mod, node.text);
    if (sym.k !== 'const') return fail(`'${node.text}' is not a module-level numeric constant`);
    const d = evalDecl(sym.mod, sym.decl, depth + 1);
    return { r: d.r, height: d.height + 1 };
  }
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Math') {
    const c = mathConstant(node.name.text);
    if (c !== null) return ok(c, false);
  }
  if (ts.isPrefixUnaryExpression(node)) {
    const o = sub(node.operand);
    if (!o.r.ok) return o;
    const { value: v, int } = o.r.v;
    switch (node.operator) {
      case ts.SyntaxKind.MinusToken:
        return ok(-v, int, o.height);
      case ts.SyntaxKind.PlusToken:
        return ok(v, int, o.height);
      case ts.SyntaxKind.TildeToken:
        return int ? ok(~v, true, o.height) : fail('~ needs an integer');
    }
    return fail(`operator ${ts.tokenToString(node.operator) ?? '?'} in a constant`);
  }
  if (ts.isBinaryExpression(node)) {
    const l = sub(node.left);
    if (!l.r.ok) return l;
    const r = sub(node.right);
    if (!r.r.ok) return r;
    const a = l.r.v.value;
    const b = r.r.v.value;
    const int = l.r.v.int && r.r.v.int;
    const h = Math.max(l.height, r.height);
    switch (node.operatorToken.kind) {
      case ts.SyntaxKind.PlusToken: return ok(a + b, int, h);
      case ts.SyntaxKind.MinusToken: return ok(a - b, int, h);
      case ts.SyntaxKind.AsteriskToken: return ok(a * b, int, h);
      case ts.SyntaxKind.SlashToken: return ok(a / b, int, h);
      case ts.SyntaxKind.PercentToken: return ok(a % b, int, h);
      case ts.SyntaxKind.AsteriskAsteriskToken: return ok(a ** b, int, h);
      case ts.SyntaxKind.LessThanLessThanToken: return ok(a << b, int, h);
      case ts.SyntaxKind.GreaterThanGreaterThanToken: return ok(a >> b, int, h);
      case ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken: return ok(a >>> b, int, h);
      case ts.SyntaxKind.AmpersandToken: return ok(a & b, int, h);
      case ts.SyntaxKind.BarToken: return ok(a | b, int, h);
      case ts.SyntaxKind.CaretToken: return ok(a ^ b, int, h);
    }
    return fail(`operator ${node.operatorToken.getText(mod.sf)} in a constant`);
  }
  return fail(`${describeNode(node)} is not a constant expression`);
}

/** A readable name for a syntax kind, for "X is not supported" messages. */
export function describeNode(node: ts.Node): string {
  const names: Partial<Record<ts.SyntaxKind, string>> = {
    [ts.SyntaxKind.StringLiteral]: 'a string',
    [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: 'a template string',
    [ts.SyntaxKind.TemplateExpression]: 'a template string',
    [ts.SyntaxKind.ObjectLiteralExpression]: 'an object literal',
    [ts.SyntaxKind.ArrayLiteralExpression]: 'an array literal',
    [ts.SyntaxKind.ArrowFunction]: 'an arrow function',
    [ts.SyntaxKind.FunctionExpression]: 'a nested function',
    [ts.SyntaxKind.FunctionDeclaration]: 'a nested function declaration',
    [ts.SyntaxKind.ClassDeclaration]: 'a class',
    [ts.SyntaxKind.ClassExpression]: 'a class',
    [ts.SyntaxKind.NewExpression]: "'new'",
    [ts.SyntaxKind.SpreadElement]: 'spread (...)',
    [ts.SyntaxKind.AwaitExpression]: "'await'",
    [ts.SyntaxKind.YieldExpression]: "'yield'",
    [ts.SyntaxKind.TypeOfExpression]: "'typeof'",
    [ts.SyntaxKind.DeleteExpression]: "'delete'",
    [ts.SyntaxKind.VoidExpression]: "'void'",
    [ts.SyntaxKind.ThisKeyword]: "'this'",
    [ts.SyntaxKind.SuperKeyword]: "'super'",
    [ts.SyntaxKind.NullKeyword]: "'null'",
    [ts.SyntaxKind.RegularExpressionLiteral]: 'a regular expression',
    [ts.SyntaxKind.BigIntLiteral]: 'a bigint',
    [ts.SyntaxKind.TaggedTemplateExpression]: 'a tagged template',
    [ts.SyntaxKind.TryStatement]: "'try'",
    [ts.SyntaxKind.ThrowStatement]: "'throw'",
    [ts.SyntaxKind.ForOfStatement]: "'for…of'",
    [ts.SyntaxKind.ForInStatement]: "'for…in'",
    [ts.SyntaxKind.SwitchStatement]: "'switch'",
    [ts.SyntaxKind.WithStatement]: "'with'",
    [ts.SyntaxKind.DebuggerStatement]: "'debugger'",
    [ts.SyntaxKind.CommaToken]: 'the comma operator',
    [ts.SyntaxKind.ElementAccessExpression]: 'an element access',
    [ts.SyntaxKind.PropertyAccessExpression]: 'a property access',
    [ts.SyntaxKind.CallExpression]: 'a call',
    [ts.SyntaxKind.Identifier]: 'a name',
    [ts.SyntaxKind.EnumDeclaration]: 'an enum',
    [ts.SyntaxKind.TypeAliasDeclaration]: 'a type alias',
    [ts.SyntaxKind.InterfaceDeclaration]: 'an interface',
  };
  return names[node.kind] ?? `'${ts.SyntaxKind[node.kind]}'`;
}
