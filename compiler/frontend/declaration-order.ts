// Names read before their `let` / `const` (TypeScript's TS2448, which needs its type checker, which
// we do not run). A block-scoped name exists in its whole block but cannot be read before its
// declaration: `o[0] = v; const v = 2;` and `const x = x + 1` are errors in TypeScript and throw in
// JavaScript. Lowering declares locals as it meets them, so without this check such a read would
// silently take the module constant or the outer variable of the same name.
import { ts } from 'ts-morph';
import type { DiagnosticBag } from '../../core/diagnostics/diagnostic.js';
import { spanOf, type ModuleInfo } from './module.js';
import { isValueName } from './nesting.js';

/** A scope's names: a `let`/`const` declaration, or null for names that are never read too early (parameters, functions). */
interface Scope {
  names: Map<string, ts.VariableDeclaration | null>;
  parent: Scope | null;
}

const early = new WeakSet<ts.Node>();

/** Whether this identifier was reported as read before its declaration: lowering reports nothing more about it. */
export function usedBeforeDeclaration(node: ts.Node): boolean {
  return early.has(node);
}

/**
 * Reports every read, in a kernel's or helper's body, of a name whose `let` / `const` in an
 * enclosing block of that function comes after the read, or contains it (its own initializer), as
 * KS7002 with TypeScript's message and code. Bodies of nested functions are left alone: they may run
 * later (TypeScript does not report them either), and they are errors in kernels anyway.
 */
export function checkDeclarationOrder(mod: ModuleInfo, fn: ts.FunctionLikeDeclaration, diags: DiagnosticBag): void {
  if (!fn.body) return;
  const params: Scope = { names: new Map(), parent: null };
  for (const p of fn.parameters) if (ts.isIdentifier(p.name)) params.names.set(p.name.text, null);
  // Iterative: the nesting check bounds the depth of what is lowered, not of every error case.
  const stack: [ts.Node, Scope][] = [[fn.body, params]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, outer] = top;
    const names = declaredIn(node);
    const scope = names ? { names, parent: outer } : outer;
    if (isValueName(node)) {
      check(mod, node, scope, diags);
      continue;
    }
    ts.forEachChild(node, (c) => {
      if (!ts.isFunctionLike(c) && !ts.isClassLike(c) && !ts.isTypeNode(c)) stack.push([c, scope]);
    });
  }
}

function check(mod: ModuleInfo, use: ts.Identifier, scope: Scope, diags: DiagnosticBag): void {
  const name = use.text;
  for (let s: Scope | null = scope; s; s = s.parent) {
    const decl = s.names.get(name);
    if (decl === undefined) continue;
    // The innermost declaration of the name is the one read, wherever it stands in its block.
    if (decl && use.getStart(mod.sf) < decl.getEnd()) {
      early.add(use);
      diags.report(spanOf(mod, use), 'KS7002', `Block-scoped variable '${name}' used before its declaration`, 2448);
    }
    return;
  }
}

/** The names a node declares for its whole extent, if it opens a scope: a block, or a loop with `let`/`const`. */
function declaredIn(node: ts.Node): Map<string, ts.VariableDeclaration | null> | null {
  if (ts.isBlock(node)) return statementNames(node.statements);
  if (ts.isCaseBlock(node)) return statementNames(node.clauses.flatMap((c) => [...c.statements]));
  if (ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)) {
    const init = node.initializer;
    if (!init || !ts.isVariableDeclarationList(init)) return null;
    const names = new Map<string, ts.VariableDeclaration | null>();
    addList(names, init);
    return names;
  }
  return null;
}

function statementNames(stmts: readonly ts.Statement[]): Map<string, ts.VariableDeclaration | null> {
  const names = new Map<string, ts.VariableDeclaration | null>();
  for (let s of stmts) {
    while (ts.isLabeledStatement(s)) s = s.statement;
    if (ts.isVariableStatement(s)) addList(names, s.declarationList);
    else if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name && !names.has(s.name.text)) names.set(s.name.text, null);
  }
  return names;
}

/** The `let` / `const` names of a declaration list (`var` is not block-scoped, and is KS3010). */
function addList(names: Map<string, ts.VariableDeclaration | null>, list: ts.VariableDeclarationList): void {
  if ((list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0) return;
  for (const d of list.declarations) {
    if (ts.isIdentifier(d.name) && !names.has(d.name.text)) names.set(d.name.text, d);
  }
}
