// Module-level name lookup (following imports into the user's other files) and evaluation of
// compile-time constants such as `const TILE = 16` or `const N = TILE * 2`.
import { ts } from 'ts-morph';
import type { Code } from '../diagnostics/codes.js';
import { langName, loadModuleFromDisk, type ModuleInfo } from './module.js';

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

export type ConstResult = { ok: true; v: ConstValue } | { ok: false; mod: ModuleInfo; node: ts.Node; reason: string };

/** True for literal text that denotes an integer (`16`, `0xff`), not `1.0` or `2e3`. */
export function isIntLiteralText(text: string): boolean {
  return /^0[xXbBoO]/.test(text) || !/[.eE]/.test(text);
}

const evaluating = new Set<ts.Node>();
const memo = new WeakMap<ts.Node, ConstResult>();

/** Evaluates a module-level constant declaration (memoised per parse). */
export function evalConstDecl(mod: ModuleInfo, decl: ts.VariableDeclaration): ConstResult {
  const hit = memo.get(decl);
  if (hit) return hit;
  if (!decl.initializer) return { ok: false, mod, node: decl, reason: `'${decl.name.getText(mod.sf)}' has no initializer` };
  if (evaluating.has(decl)) return { ok: false, mod, node: decl, reason: 'the constant depends on itself' };
  evaluating.add(decl);
  const r = evalConst(mod, decl.initializer);
  evaluating.delete(decl);
  memo.set(decl, r);
  return r;
}

/** Evaluates a constant expression with JavaScript semantics (module constants are host values too). */
export function evalConst(mod: ModuleInfo, node: ts.Expression): ConstResult {
  const fail = (reason: string): ConstResult => ({ ok: false, mod, node, reason });
  const ok = (value: number, int: boolean): ConstResult => ({ ok: true, v: { value, int: int && Number.isInteger(value) } });
  if (ts.isNumericLiteral(node)) return ok(Number(node.text), isIntLiteralText(node.getText(mod.sf)));
  if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) return evalConst(mod, node.expression);
  if (ts.isAsExpression(node) && node.type.getText(mod.sf) === 'const') return evalConst(mod, node.expression);
  if (ts.isIdentifier(node)) {
    if (node.text === 'Infinity') return ok(Infinity, false);
    const sym = lookupModuleName(mod, node.text);
    if (sym.k === 'const') return evalConstDecl(sym.mod, sym.decl);
    return fail(`'${node.text}' is not a module-level numeric constant`);
  }
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Math') {
    if (node.name.text === 'PI') return ok(Math.PI, false);
    if (node.name.text === 'E') return ok(Math.E, false);
  }
  if (ts.isPrefixUnaryExpression(node)) {
    const r = evalConst(mod, node.operand);
    if (!r.ok) return r;
    const { value: v, int } = r.v;
    switch (node.operator) {
      case ts.SyntaxKind.MinusToken:
        return ok(-v, int);
      case ts.SyntaxKind.PlusToken:
        return ok(v, int);
      case ts.SyntaxKind.TildeToken:
        return int ? ok(~v, true) : fail('~ needs an integer');
    }
    return fail(`operator ${ts.tokenToString(node.operator) ?? '?'} in a constant`);
  }
  if (ts.isBinaryExpression(node)) {
    const l = evalConst(mod, node.left);
    if (!l.ok) return l;
    const r = evalConst(mod, node.right);
    if (!r.ok) return r;
    const a = l.v.value;
    const b = r.v.value;
    const int = l.v.int && r.v.int;
    switch (node.operatorToken.kind) {
      case ts.SyntaxKind.PlusToken: return ok(a + b, int);
      case ts.SyntaxKind.MinusToken: return ok(a - b, int);
      case ts.SyntaxKind.AsteriskToken: return ok(a * b, int);
      case ts.SyntaxKind.SlashToken: return ok(a / b, int);
      case ts.SyntaxKind.PercentToken: return ok(a % b, int);
      case ts.SyntaxKind.AsteriskAsteriskToken: return ok(a ** b, int);
      case ts.SyntaxKind.LessThanLessThanToken: return ok(a << b, int);
      case ts.SyntaxKind.GreaterThanGreaterThanToken: return ok(a >> b, int);
      case ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken: return ok(a >>> b, int);
      case ts.SyntaxKind.AmpersandToken: return ok(a & b, int);
      case ts.SyntaxKind.BarToken: return ok(a | b, int);
      case ts.SyntaxKind.CaretToken: return ok(a ^ b, int);
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
