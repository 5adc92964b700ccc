// The specializations a file asks for in its source, for build tools to compile ahead of time:
// `<kernel>.specialize({ ...values })` calls whose receiver is a kernel(...) constant of this file or
// one it imports, with an object literal of values known at build time (numeric literals, module
// constants, constant expressions). A call whose values are computed at run time is left alone:
// it is compiled on demand where the compiler is present.
import { ts } from 'ts-morph';
import type { DiagnosticBag } from '../../core/diagnostics/diagnostic.js';
import type { Span } from '../../core/ir/types.js';
import { canonicalKey } from '../../core/specialize.js';
import { findKernels, type KernelSite } from './kernels.js';
import { spanOf, type ModuleInfo } from './module.js';
import type { SpecRequest } from './specialize.js';
import { evalConst, lookupModuleName } from './symbols.js';

export interface SpecializeCall {
  /** The kernel specialized (its file may be another one). */
  site: KernelSite;
  spec: SpecRequest;
  /** The specialize(...) call: its span and character offsets in this file. */
  span: Span;
  start: number;
  end: number;
}

// Values that are literals of another kind than a number, as messages name them.
const LITERALS: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.StringLiteral]: 'a string',
  [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: 'a string',
  [ts.SyntaxKind.TemplateExpression]: 'a string',
  [ts.SyntaxKind.TrueKeyword]: 'a boolean',
  [ts.SyntaxKind.FalseKeyword]: 'a boolean',
  [ts.SyntaxKind.NullKeyword]: 'null',
  [ts.SyntaxKind.BigIntLiteral]: 'a bigint',
  [ts.SyntaxKind.ArrayLiteralExpression]: 'an array',
  [ts.SyntaxKind.ObjectLiteralExpression]: 'an object',
};

function strip(e: ts.Expression): ts.Expression {
  let n = e;
  while (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isNonNullExpression(n)) n = n.expression;
  return n;
}

/** The kernel(...) definition a module-level name stands for (through imports), if it is one. */
function kernelNamed(mod: ModuleInfo, name: string): KernelSite | null {
  const sym = lookupModuleName(mod, name);
  if (sym.k !== 'const' || !sym.decl.initializer) return null;
  const init = strip(sym.decl.initializer);
  return findKernels(sym.mod).find((s) => s.call === init) ?? null;
}

/**
 * Every specialize(...) call of `mod` with values known at build time. Values that are literals of
 * another kind (`'32'`, `true`) are reported (KS1022) instead; names and values are checked
 * against the kernel's constants when the specialization is lowered.
 */
export function findSpecializeCalls(mod: ModuleInfo, diags: DiagnosticBag): SpecializeCall[] {
  if (!mod.text.includes('specialize')) return [];
  const found: SpecializeCall[] = [];
  const stack: ts.Node[] = [mod.sf];
  const push = (c: ts.Node): void => void stack.push(c);
  for (let n = stack.pop(); n; n = stack.pop()) {
    ts.forEachChild(n, push);
    if (!ts.isCallExpression(n) || n.arguments.length !== 1) continue;
    const callee = n.expression;
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'specialize' || !ts.isIdentifier(callee.expression)) continue;
    const arg = n.arguments[0];
    if (!arg || !ts.isObjectLiteralExpression(strip(arg))) continue;
    if (shadowed(callee.expression)) continue;
    const site = kernelNamed(mod, callee.expression.text);
    if (!site) continue;
    const spec = staticValues(mod, strip(arg) as ts.ObjectLiteralExpression, describe(site, callee.expression.text), diags);
    if (spec) found.push({ site, spec, span: spanOf(mod, n), start: n.getStart(mod.sf), end: n.getEnd() });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Whether a name is declared inside a function or block around its use (not the module's). */
function shadowed(id: ts.Identifier): boolean {
  const declares = (d: ts.NamedDeclaration): boolean => !!d.name && ts.isIdentifier(d.name) && d.name.text === id.text;
  for (let n: ts.Node = id.parent; !ts.isSourceFile(n); n = n.parent) {
    if (ts.isFunctionLike(n) && n.parameters.some((p) => bindsName(p.name, id.text))) return true;
    if ((ts.isFunctionExpression(n) || ts.isClassExpression(n)) && n.name?.text === id.text) return true;
    const list = ts.isForStatement(n) || ts.isForOfStatement(n) || ts.isForInStatement(n) ? n.initializer : undefined;
    if (list && ts.isVariableDeclarationList(list) && list.declarations.some((d) => bindsName(d.name, id.text))) return true;
    if (ts.isCatchClause(n) && n.variableDeclaration && bindsName(n.variableDeclaration.name, id.text)) return true;
    if (ts.isBlock(n) || ts.isCaseClause(n) || ts.isDefaultClause(n)) {
      for (const st of n.statements) {
        if (ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => bindsName(d.name, id.text))) return true;
        if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && declares(st)) return true;
      }
    }
  }
  return false;
}

function bindsName(name: ts.BindingName, text: string): boolean {
  if (ts.isIdentifier(name)) return name.text === text;
  return name.elements.some((e) => !ts.isOmittedExpression(e) && bindsName(e.name, text));
}

function describe(site: KernelSite, receiver: string): string {
  return `${receiver}.specialize(...) of kernel '${site.name}'`;
}

/** The values of an object literal when all are known at build time; null when one is not. */
function staticValues(mod: ModuleInfo, obj: ts.ObjectLiteralExpression, what: string, diags: DiagnosticBag): SpecRequest | null {
  const values: Record<string, number> = {};
  const written = new Map<string, Span>();
  let bad = false;
  for (const p of obj.properties) {
    let name: string;
    let value: ts.Expression;
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
      name = p.name.text;
      value = p.initializer;
    } else if (ts.isShorthandPropertyAssignment(p)) {
      name = p.name.text;
      value = p.name;
    } else return null;
    const v = strip(value);
    const other = ts.isIdentifier(v) && v.text === 'undefined' ? 'undefined' : LITERALS[v.kind];
    if (other) {
      diags.report(spanOf(mod, value), 'KS1022', name, what, other);
      bad = true;
      continue;
    }
    const r = evalConst(mod, value);
    if (!r.ok) return null;
    values[name] = r.v.value;
    written.set(name, spanOf(mod, p));
  }
  if (bad || Object.keys(values).length === 0) return null;
  return { key: canonicalKey(values), values, written };
}
