// Finds the `kernel(...)` definitions of a source file and lowers one of them to IR.
import { ts } from 'ts-morph';
import { DiagnosticBag } from '../../core/diagnostics/diagnostic.js';
import type { KernelIR, Param, ScalarType, Span } from '../../core/ir/types.js';
import type { Binding, FnCtx } from './context.js';
import { freshName, newFnCtx } from './context.js';
import { HelperTable } from './helpers.js';
import { inferAccess } from '../passes/access.js';
import { inlineArrayHelpers } from '../passes/inline.js';
import { lowerFunctionBody } from './infer.js';
import { langName, spanOf, type ModuleInfo } from './module.js';
import { checkNesting } from './nesting.js';
import { checkDeclarationOrder } from './declaration-order.js';
import { paramTypeHint, parseTypeNode } from './typing.js';

export type KernelFnNode = ts.FunctionExpression | ts.ArrowFunction | ts.FunctionDeclaration;

export interface KernelSite {
  name: string;
  mod: ModuleInfo;
  call: ts.CallExpression;
  fn: KernelFnNode | null;
  /** Span of the whole `kernel(...)` call, with its character offsets in the file. */
  span: Span;
  start: number;
  end: number;
}

const sites = new WeakMap<ModuleInfo, KernelSite[]>();

/** Every `kernel(...)` call in the module whose callee is the language's `kernel`. */
export function findKernels(mod: ModuleInfo): KernelSite[] {
  const hit = sites.get(mod);
  if (hit) return hit;
  const found: KernelSite[] = [];
  // Iterative: a file may nest deeper than the stack allows a recursive walk. Sorted after.
  const stack: ts.Node[] = [mod.sf];
  const push = (c: ts.Node): void => void stack.push(c);
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && langName(mod, n.expression.text) === 'kernel') {
      found.push(makeSite(mod, n));
    }
    ts.forEachChild(n, push);
  }
  found.sort((a, b) => a.start - b.start);
  sites.set(mod, found);
  return found;
}

function makeSite(mod: ModuleInfo, call: ts.CallExpression): KernelSite {
  let arg: ts.Expression | undefined = call.arguments[0];
  while (arg && ts.isParenthesizedExpression(arg)) arg = arg.expression;
  let fn: KernelFnNode | null = null;
  if (arg && (ts.isFunctionExpression(arg) || ts.isArrowFunction(arg))) fn = arg;
  else if (arg && ts.isIdentifier(arg)) fn = mod.functions.get(arg.text) ?? null;
  let p: ts.Node = call.parent;
  while (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p)) p = p.parent;
  const line = mod.sf.getLineAndCharacterOfPosition(call.getStart(mod.sf)).line + 1;
  const name = ts.isVariableDeclaration(p) && ts.isIdentifier(p.name) ? p.name.text
    : fn && !ts.isArrowFunction(fn) && fn.name ? fn.name.text
    : `kernel_${line}`;
  return { name, mod, call, fn, span: spanOf(mod, call), start: call.getStart(mod.sf), end: call.getEnd() };
}

/**
 * Lowers one kernel, reporting errors to `diags`. The IR is returned even after errors (with
 * placeholders), so that later passes can report theirs too; it is only valid without errors.
 */
export function lowerKernel(site: KernelSite, diags: DiagnosticBag): KernelIR | null {
  const { mod, fn } = site;
  const at = (n: ts.Node) => spanOf(mod, n);
  if (!fn) {
    diags.report(at(site.call.arguments[0] ?? site.call), 'KS1001');
    return null;
  }
  if (fn.asteriskToken || fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) {
    diags.report(at(fn), 'KS1009', fn.asteriskToken ? 'a generator' : 'async');
  }
  if (!fn.body || !ts.isBlock(fn.body)) {
    diags.report(at(fn.body ?? fn), 'KS1009', 'an arrow function with an expression body');
    return null;
  }
  // Nothing deeper than the limits reaches the (recursive) lowering.
  const nesting = checkNesting(mod, fn, diags);
  if (!nesting.ok) return null;
  checkDeclarationOrder(mod, fn, diags);
  if (fn.type && fn.type.getText(mod.sf).trim() !== 'void') {
    diags.report(at(fn.type), 'KS1004', 'annotate its return type as void or leave it out');
  }
  const names = new Set<string>();
  const params: Param[] = [];
  const scope = new Map<string, Binding>();
  for (const p of fn.parameters) {
    const pname = p.name.getText(mod.sf);
    const problem = !ts.isIdentifier(p.name) ? 'a destructuring pattern' : p.dotDotDotToken ? 'a rest parameter'
      : p.questionToken ? 'optional' : p.initializer ? 'given a default value' : null;
    if (problem) {
      diags.report(at(p), 'KS1005', pname, problem);
      continue;
    }
    if (!p.type) {
      diags.report(at(p.name), 'KS1002', pname);
      continue;
    }
    const t = parseTypeNode(p.type, mod.sf);
    const ir = freshName(names, pname);
    if (t.k === 'scalar') {
      params.push({ kind: 'scalar', name: ir, type: t.type, span: at(p) });
      scope.set(pname, { k: 'param', ir, type: t.type });
    } else if (t.k === 'array') {
      params.push({ kind: 'array', name: ir, elem: t.elem, access: 'read', atomic: false, span: at(p) });
      scope.set(pname, { k: 'array', ir, elem: t.elem, space: 'global', param: true });
    } else {
      diags.report(at(p.type), 'KS1003', pname, t.text, paramTypeHint(t.text));
      // Still bind the name, so that its uses do not each report it as undefined.
      scope.set(pname, { k: 'param', ir, type: 'f32' });
    }
  }
  const helpers = new HelperTable(names, diags, nesting.height);
  const make = (dry: boolean, litTypes: Map<ts.Node, ScalarType>): FnCtx =>
    newFnCtx({
      mod,
      diags: dry ? new DiagnosticBag() : diags,
      helpers,
      helper: null,
      returnType: null,
      scopes: [new Map(scope)],
      names: dry ? new Set(names) : names,
      dry,
      litTypes,
    });
  const { cx, body } = lowerFunctionBody(make, fn.body.statements);
  // Access and atomic flags are part of a well-formed kernel, so they are set before anyone sees it,
  // after the first pass has inlined helpers that take arrays (their accesses are the kernel's).
  return inferAccess(inlineArrayHelpers({
    name: site.name,
    params,
    shared: cx.shared,
    helpers: helpers.ordered,
    body,
    usesBarrier: cx.usesBarrier,
    ...(helpers.prints.length > 0 ? { prints: helpers.prints } : {}),
    span: site.span,
  }, diags));
}
