// Grammar errors that TypeScript reports from its type checker rather than its parser or binder,
// and that need no types: the ones kernel code can meet, with TypeScript's own codes and messages.
// (A full type check of the file would find them too, at a cost far above compiling its kernels.)
// Most are JavaScript early errors, so the file would not even run; compiling it would give its
// kernels a meaning it does not have.
import { ts } from 'ts-morph';
import { isLangSpec, LANG_NAMES, LANG_TYPES, Meaning, moduleMeanings } from './module.js';

const K = ts.SyntaxKind;

/** Every such error in a file, in source order. */
export function grammarErrors(sf: ts.SourceFile): ts.Diagnostic[] {
  const out: ts.Diagnostic[] = [];
  const at = (node: ts.Node, code: number, message: string, length?: number): void => {
    const start = node.getStart(sf);
    out.push({ file: sf, start, length: length ?? node.getEnd() - start, code, messageText: message, category: ts.DiagnosticCategory.Error });
  };
  if (sf.isDeclarationFile) return out;
  duplicateFunctions(sf.statements, at);
  langImportConflicts(sf, at);
  typeOnlyValueUses(sf, at);
  // Iterative (no file is too deep for it), in any order: the errors are sorted after.
  const stack: ts.Node[] = [sf];
  const push = (c: ts.Node): void => void stack.push(c);
  for (let n = stack.pop(); n; n = stack.pop()) {
    misplacedModifiers(n, at);
    if (isAmbient(n)) continue;
    repeatedModifiers(n, at);
    if (ts.isVariableStatement(n)) {
      const kind = blockScopedKind(n.declarationList);
      if (kind && !allowsDeclarations(n.parent)) {
        at(n.declarationList, 1156, `'${kind}' declarations can only be declared inside a block.`, kind.length);
      }
    } else if (ts.isVariableDeclaration(n)) {
      const list = n.parent;
      const inForInOf = ts.isForInStatement(list.parent) || ts.isForOfStatement(list.parent);
      if (!n.initializer && !inForInOf && ts.isVariableDeclarationList(list) && blockScopedKind(list) === 'const') {
        at(n, 1155, "'const' declarations must be initialized.");
      }
    } else if (ts.isIfStatement(n) && n.thenStatement.kind === K.EmptyStatement) {
      at(n.thenStatement, 1313, "The body of an 'if' statement cannot be the empty statement.");
    } else if (ts.isBlock(n) || ts.isModuleBlock(n)) {
      duplicateFunctions(n.statements, at);
    }
    ts.forEachChild(n, push);
  }
  return out.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
}

/** `declare …`: no initializers, no bodies, and TypeScript checks none of the rules here. */
function isAmbient(n: ts.Node): boolean {
  return ts.canHaveModifiers(n) && (ts.getModifiers(n)?.some((m) => m.kind === K.DeclareKeyword) ?? false);
}

function blockScopedKind(list: ts.VariableDeclarationList): 'let' | 'const' | null {
  if ((list.flags & ts.NodeFlags.Const) !== 0) return 'const';
  if ((list.flags & ts.NodeFlags.Let) !== 0) return 'let';
  return null;
}

/** Whether a `let`/`const` statement may stand here: not as the body of an if or a loop. */
function allowsDeclarations(parent: ts.Node): boolean {
  while (ts.isLabeledStatement(parent)) parent = parent.parent;
  switch (parent.kind) {
    case K.IfStatement:
    case K.DoStatement:
    case K.WhileStatement:
    case K.WithStatement:
    case K.ForStatement:
    case K.ForInStatement:
    case K.ForOfStatement:
      return false;
    default:
      return true;
  }
}

/** `export export …`, `async async …` (TS1030). */
function repeatedModifiers(n: ts.Node, at: (node: ts.Node, code: number, message: string) => void): void {
  if (!ts.canHaveModifiers(n)) return;
  const seen = new Set<ts.SyntaxKind>();
  for (const m of ts.getModifiers(n) ?? []) {
    if (seen.has(m.kind)) at(m, 1030, `'${ts.tokenToString(m.kind) ?? ''}' modifier already seen.`);
    seen.add(m.kind);
  }
}

/**
 * Modifiers where none may stand: on a function's parameters (`function k(out x: i32)`, `static`,
 * `public`…: TS1274, TS1090, TS1242, TS1275, TS2369) and on declarations inside a body
 * (`export const`, `static let`: TS1184). Lowering ignores modifiers, so these would compile.
 */
function misplacedModifiers(n: ts.Node, at: (node: ts.Node, code: number, message: string) => void): void {
  if (!ts.canHaveModifiers(n)) return;
  const mods = ts.getModifiers(n) ?? [];
  if (mods.length === 0) return;
  if (ts.isParameter(n)) {
    const inConstructor = ts.isConstructorDeclaration(n.parent);
    for (const m of mods) {
      const name = ts.tokenToString(m.kind) ?? '';
      if (m.kind === K.InKeyword || m.kind === K.OutKeyword) at(m, 1274, `'${name}' modifier can only appear on a type parameter of a class, interface or type alias`);
      else if (m.kind === K.AbstractKeyword) at(m, 1242, "'abstract' modifier can only appear on a class, method, or property declaration.");
      else if (m.kind === K.AccessorKeyword) at(m, 1275, "'accessor' modifier can only appear on a property declaration.");
      else if (PARAMETER_PROPERTY.has(m.kind)) {
        if (!inConstructor) at(n, 2369, 'A parameter property is only allowed in a constructor implementation.');
      } else at(m, 1090, `'${name}' modifier cannot appear on a parameter.`);
    }
    return;
  }
  const inBody = ts.isBlock(n.parent) || ts.isCaseClause(n.parent) || ts.isDefaultClause(n.parent);
  if (!inBody || !(ts.isVariableStatement(n) || ts.isFunctionDeclaration(n))) return;
  for (const m of mods) if (!(m.kind === K.AsyncKeyword && ts.isFunctionDeclaration(n))) at(m, 1184, 'Modifiers cannot appear here.');
}

const PARAMETER_PROPERTY = new Set<ts.SyntaxKind>([K.PublicKeyword, K.PrivateKeyword, K.ProtectedKeyword, K.ReadonlyKeyword, K.OverrideKeyword]);

/** Two function declarations with bodies under one name, in one statement list (TS2393). */
function duplicateFunctions(stmts: readonly ts.Statement[], at: (node: ts.Node, code: number, message: string) => void): void {
  const byName = new Map<string, ts.FunctionDeclaration[]>();
  for (const s of stmts) {
    if (!ts.isFunctionDeclaration(s) || !s.body || !s.name) continue;
    const list = byName.get(s.name.text);
    if (list) list.push(s);
    else byName.set(s.name.text, [s]);
  }
  for (const list of byName.values()) {
    if (list.length < 2) continue;
    for (const f of list) at(f.name ?? f, 2393, 'Duplicate function implementation.');
  }
}

const { Value, Type, Namespace } = Meaning;

/**
 * An import of the language's names that a module-level declaration redeclares (TS2440):
 * `import { kernel } from 'kernelscript'; const kernel = kernel(…)`. TypeScript's binder merges
 * the two, and its checker rejects them when the imported name has a meaning the declaration has
 * too, which needs the imported module: known here for the language's own names (all values,
 * `f32`, `i32`, `u32` and `bool` types too) and for a namespace import of the language.
 */
function langImportConflicts(sf: ts.SourceFile, at: (node: ts.Node, code: number, message: string) => void): void {
  const imports: { local: string; meaning: number; node: ts.Node }[] = [];
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !isLangSpec(st.moduleSpecifier.text, sf.fileName)) continue;
    const nb = st.importClause?.namedBindings;
    if (nb && ts.isNamespaceImport(nb)) imports.push({ local: nb.name.text, meaning: Value | Namespace, node: nb.name });
    else if (nb) {
      for (const el of nb.elements) {
        const name = (el.propertyName ?? el.name).text;
        if (LANG_NAMES.has(name)) imports.push({ local: el.name.text, meaning: LANG_TYPES.has(name) ? Value | Type : Value, node: el });
      }
    }
  }
  if (imports.length === 0) return;
  const declared = moduleMeanings(sf);
  for (const imp of imports) {
    if (((declared.get(imp.local) ?? 0) & imp.meaning) !== 0) {
      at(imp.node, 2440, `Import declaration conflicts with local declaration of '${imp.local}'.`);
    }
  }
}

/**
 * TS1361: a name imported with `import type` (or `import { type f32 }`) used as a value, as in
 * `f32(i)`: it does not exist at run time. Names the file declares itself anywhere are left alone
 * (a local of that name would be what a use means).
 */
function typeOnlyValueUses(sf: ts.SourceFile, at: (node: ts.Node, code: number, message: string) => void): void {
  const typeOnly = new Set<string>();
  for (const st of sf.statements) {
    const clause = ts.isImportDeclaration(st) ? st.importClause : undefined;
    const nb = clause?.namedBindings;
    if (!clause || !nb || !ts.isNamedImports(nb)) continue;
    for (const el of nb.elements) if (clause.isTypeOnly || el.isTypeOnly) typeOnly.add(el.name.text);
  }
  if (typeOnly.size === 0) return;
  const declared = new Set<string>();
  const uses: ts.Identifier[] = [];
  const stack: ts.Node[] = [...sf.statements];
  for (let n = stack.pop(); n; n = stack.pop()) {
    // Types, imports and exports name types; a property name is no reference.
    if (ts.isTypeNode(n) || ts.isImportDeclaration(n) || ts.isExportDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) continue;
    if (ts.isIdentifier(n) && typeOnly.has(n.text)) {
      // The name of something: a property (no reference), or a declaration of the file's own.
      const p = n.parent as ts.Node & { name?: ts.Node };
      if (p.name !== n) uses.push(n);
      else if (!ts.isPropertyAccessExpression(p) && !ts.isPropertyAssignment(p)) declared.add(n.text);
    }
    ts.forEachChild(n, (c) => void stack.push(c));
  }
  for (const u of uses) {
    if (!declared.has(u.text)) at(u, 1361, `'${u.text}' cannot be used as a value because it was imported using 'import type'.`);
  }
}
