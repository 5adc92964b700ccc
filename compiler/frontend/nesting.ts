// The nesting limits of limits.ts, checked over a kernel's or helper's syntax tree before it is
// lowered, so that no recursive pass after this one ever meets deeper input. The walk is iterative.
// It also finds module constants that nest too deeply (their evaluation is recursive too).
import { ts } from 'ts-morph';
import type { DiagnosticBag } from '../../core/diagnostics/diagnostic.js';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_NESTING, MAX_STATEMENT_NESTING } from './limits.js';
import { spanOf, type ModuleInfo } from './module.js';
import { evalConstDecl, lookupModuleName } from './symbols.js';

const K = ts.SyntaxKind;

export interface Nesting {
  ok: boolean;
  /** The deepest statement nesting plus expression depth in the function: its lowering's stack use. */
  height: number;
}

interface Frame {
  node: ts.Node;
  /** Statement nesting (of the statement, or of the statement an expression is in). */
  level: number;
  /** Expression nesting as printed (MAX_EXPRESSION_NESTING) and counting every operator. */
  nest: number;
  depth: number;
  /** Where to report a statement nesting too deep: the statement that opens the level. */
  opener: ts.Node;
}

function isStatement(n: ts.Node): boolean {
  return (n.kind >= K.Block && n.kind <= K.LastStatement) || ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n);
}

/** `Math.min(…)` / `Math.max(…)` with k arguments lower to k - 1 nested calls. */
function argumentWeight(call: ts.CallExpression): number {
  const c = call.expression;
  const minMax = ts.isPropertyAccessExpression(c) && ts.isIdentifier(c.expression) && c.expression.text === 'Math' &&
    (c.name.text === 'min' || c.name.text === 'max');
  return minMax ? Math.max(1, call.arguments.length - 1) : 1;
}

/** What nesting a child expression adds below its parent expression. */
function weights(p: ts.Node, c: ts.Node): { nest: number; depth: number } {
  if (ts.isBinaryExpression(p) && p.left === c) return { nest: 0, depth: 1 };
  if (ts.isPrefixUnaryExpression(p)) return { nest: 2, depth: 1 };
  if (ts.isCallExpression(p) && p.expression !== c) {
    const w = argumentWeight(p);
    return { nest: w, depth: w };
  }
  return { nest: 1, depth: 1 };
}

/** An identifier read as a value (not a declared name, a property name or a label). */
export function isValueName(n: ts.Node): n is ts.Identifier {
  if (!ts.isIdentifier(n)) return false;
  const p = n.parent as ts.Node & { name?: ts.Node; label?: ts.Node };
  return p.name !== n && p.label !== n && !ts.isTypeReferenceNode(p) && !ts.isQualifiedName(p);
}

/**
 * Checks a kernel or helper function; reports the first place a limit is exceeded (then the
 * function must not be lowered) and returns its height.
 */
export function checkNesting(mod: ModuleInfo, fn: ts.FunctionLikeDeclaration, diags: DiagnosticBag): Nesting {
  let height = 0;
  const fail = (node: ts.Node, what: string, limit: string): Nesting => {
    diags.report(spanOf(mod, node), 'KS7003', what, limit);
    return { ok: false, height };
  };
  const stack: Frame[] = [];
  // Names already looked up for module constants.
  const names = new Set<string>();
  const push = (parent: Frame, children: ts.Node[]): void => {
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i] as ts.Node;
      const p = parent.node;
      if (isStatement(c)) {
        // A block's statements are at its level; a block in a block, or anything in an if or a
        // loop (its body, block or not, an `else if`), one deeper.
        const opens = !ts.isBlock(p) || ts.isBlock(c);
        const opener = isStatement(p) && !ts.isBlock(p) ? p : c;
        stack.push({ node: c, level: parent.level + (opens ? 1 : 0), nest: 0, depth: 0, opener });
      } else if (isStatement(p) || p === fn) {
        stack.push({ node: c, level: parent.level, nest: 1, depth: 1, opener: parent.opener });
      } else {
        const w = weights(p, c);
        stack.push({ node: c, level: parent.level, nest: parent.nest + w.nest, depth: parent.depth + w.depth, opener: parent.opener });
      }
    }
  };
  const childrenOf = (n: ts.Node): ts.Node[] => {
    const out: ts.Node[] = [];
    ts.forEachChild(n, (c) => void out.push(c));
    return out;
  };
  // The body's statements are at level 0; a function expression's name, parameters and type are expressions.
  const root: Frame = { node: fn, level: -1, nest: 0, depth: 0, opener: fn };
  const body = fn.body;
  push(root, childrenOf(fn).filter((c) => c !== body || !ts.isBlock(c)));
  if (body && ts.isBlock(body)) push({ ...root, node: body, level: 0 }, [...body.statements]);
  for (let f = stack.pop(); f; f = stack.pop()) {
    if (f.level > MAX_STATEMENT_NESTING) {
      return fail(f.opener, 'this statement', `more than ${MAX_STATEMENT_NESTING} levels of if, else if, loops and blocks`);
    }
    if (f.nest > MAX_EXPRESSION_NESTING) {
      return fail(f.node, 'this expression', `more than ${MAX_EXPRESSION_NESTING} levels of parentheses, calls, conditionals and unary operators`);
    }
    if (f.depth > MAX_EXPRESSION_DEPTH) {
      return fail(f.node, 'this expression', `more than ${MAX_EXPRESSION_DEPTH} levels of operators`);
    }
    height = Math.max(height, f.level + f.depth);
    if (isValueName(f.node) && !names.has(f.node.text)) {
      names.add(f.node.text);
      const sym = lookupModuleName(mod, f.node.text);
      if (sym.k === 'const') {
        const r = evalConstDecl(sym.mod, sym.decl);
        if (!r.ok && r.tooDeep) {
          diags.report(spanOf(r.mod, r.node), 'KS7003', 'this constant', `more than ${MAX_EXPRESSION_DEPTH} levels of operators and constants`);
          return { ok: false, height };
        }
      }
    }
    push(f, childrenOf(f.node));
  }
  return { ok: true, height };
}
