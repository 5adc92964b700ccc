// Helper functions called from a kernel: their signatures, their bodies (lowered once per kernel,
// callees before callers) and the recursion check.
import { ts } from 'ts-morph';
import { DiagnosticBag } from '../../core/diagnostics/diagnostic.js';
import type { ElemType, HelperArray, HelperIR, ScalarParam, ScalarType, Stmt } from '../../core/ir/types.js';
import { freshName, newFnCtx, report, type Binding, type FnCtx } from './context.js';
import { lowerFunctionBody } from './infer.js';
import { HELPER_CALL_COST, MAX_CALL_NESTING } from './limits.js';
import { langName, spanOf, type ModuleInfo } from './module.js';
import { LANES, VEC_TYPES, isVecName, type VecName } from '../../core/vec.js';
import { checkNesting } from './nesting.js';
import { checkDeclarationOrder } from './declaration-order.js';
import { hideBuiltins, type BuiltinRef } from './builtin-params.js';
import { paramTypeHint, parseTypeNode } from './typing.js';
import type { PrintSite } from '../../core/printf.js';
import { printingHelpers, printsIn } from '../passes/prints.js';

/** One parameter of a helper, in source order: a scalar, or an array of one element type. */
export type SigParam =
  | { k: 'scalar'; name: string; type: ScalarType }
  | { k: 'array'; name: string; elem: ElemType }
  /** A vector, passed as one scalar parameter per component (vectors never exist in the IR). */
  | { k: 'vec'; name: string; vt: VecName };

export interface HelperSig {
  /** The helper's IR name (unique in the kernel). */
  name: string;
  /** The scalar parameters' types (the call's `args`, before the hidden builtins). */
  params: ScalarType[];
  /** Every parameter in source order; array ones become the call's `arrays`. */
  shape: SigParam[];
  ret: ScalarType | null;
  /** Builtins passed after `params` (builtin-params.ts); known once the body is lowered. */
  hidden: BuiltinRef[];
  /** It prints (console.log), itself or through a helper it calls; known once the body is lowered. */
  prints: boolean;
}

interface Entry {
  tsName: string;
  mod: ModuleInfo;
  decl: ts.FunctionDeclaration;
  sig: HelperSig | null;
  params: ScalarParam[];
  arrays: HelperArray[];
  /** Vector parameters and the scalar parameters holding their components. */
  vecs: { name: string; vt: VecName; comps: string[] }[];
  state: 'new' | 'lowering' | 'done';
  /** Its statement nesting plus expression depth (nesting.ts). */
  height: number;
}

export class HelperTable {
  private readonly entries = new Map<ts.FunctionDeclaration, Entry>();
  private readonly stack: Entry[] = [];
  /** Lowered helpers, callees before callers. */
  readonly ordered: HelperIR[] = [];
  /** The kernel's console.log formats, its helpers' included (console.ts): one table per kernel. */
  readonly prints: PrintSite[] = [];

  /**
   * `names`: the kernel's module-level names, which helper names must not clash with.
   * `nested`: the kernel's height; a helper's body is lowered inside its caller's lowering, so the
   * heights of the helpers being lowered add up (MAX_CALL_NESTING).
   */
  constructor(
    private readonly names: Set<string>,
    private readonly diags: DiagnosticBag,
    private nested = 0,
  ) {}

  /** The signature of a called helper, lowering its body on first use (except in dry runs). */
  request(cx: FnCtx, mod: ModuleInfo, decl: ts.FunctionDeclaration, call: ts.Node): HelperSig | null {
    let e = this.entries.get(decl);
    if (!e) {
      e = this.signature(mod, decl);
      this.entries.set(decl, e);
    }
    if (e.state === 'lowering') {
      const from = this.stack.indexOf(e);
      const cycle = [...this.stack.slice(from).map((x) => x.tsName), e.tsName].join(' → ');
      report(cx, call, 'KS6001', e.tsName, cycle);
      return null;
    }
    if (cx.dry || e.state === 'done' || !e.sig) return e.sig;
    const cost = e.height + HELPER_CALL_COST;
    if (this.nested + cost > MAX_CALL_NESTING) {
      const first = this.stack[0];
      const who = first ? `the kernel and the ${this.stack.length + 1} helpers calling one another from '${first.tsName}' to it` : 'the kernel and this helper';
      report(cx, call, 'KS7003', `this call of helper '${e.tsName}'`, `${who} nest more than ${MAX_CALL_NESTING} levels`);
      return null;
    }
    e.state = 'lowering';
    this.stack.push(e);
    this.nested += cost;
    try {
      this.lower(e, e.sig);
    } finally {
      this.nested -= cost;
      this.stack.pop();
    }
    e.state = 'done';
    return e.sig;
  }

  private signature(mod: ModuleInfo, decl: ts.FunctionDeclaration): Entry {
    const tsName = decl.name?.text ?? 'helper';
    const at = (n: ts.Node) => spanOf(mod, n);
    const entry: Entry = { tsName, mod, decl, sig: null, params: [], arrays: [], vecs: [], state: 'new', height: 0 };
    // Nothing deeper than the limits reaches the (recursive) lowering.
    const nesting = checkNesting(mod, decl, this.diags);
    entry.height = nesting.height;
    let ok = nesting.ok;
    if (ok) checkDeclarationOrder(mod, decl, this.diags);
    if (decl.asteriskToken || decl.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) {
      this.diags.report(at(decl.name ?? decl), 'KS1009', decl.asteriskToken ? 'a generator' : 'async');
      ok = false;
    }
    if (!decl.body) {
      this.diags.report(at(decl.name ?? decl), 'KS3001', 'a function without a body');
      ok = false;
    }
    const params: ScalarParam[] = [];
    const arrays: HelperArray[] = [];
    const vecs: Entry['vecs'] = [];
    const shape: SigParam[] = [];
    for (const p of decl.parameters) {
      const pname = p.name.getText(mod.sf);
      const problem = !ts.isIdentifier(p.name) ? 'a destructuring pattern' : p.dotDotDotToken ? 'a rest parameter'
        : p.questionToken ? 'optional' : p.initializer ? 'given a default value' : null;
      if (problem) {
        this.diags.report(at(p), 'KS1005', pname, problem);
        ok = false;
        continue;
      }
      if (!p.type) {
        this.diags.report(at(p.name), 'KS1002', pname);
        ok = false;
        continue;
      }
      const t = parseTypeNode(p.type, mod.sf);
      const lang = t.k === 'bad' ? langName(mod, t.text) : null;
      if (lang && isVecName(lang)) {
        const comps = LANES.slice(0, VEC_TYPES[lang].width).map((l) => `${pname}_${l}`);
        for (const c of comps) params.push({ kind: 'scalar', name: c, type: VEC_TYPES[lang].comp, span: at(p) });
        vecs.push({ name: pname, vt: lang, comps });
        shape.push({ k: 'vec', name: pname, vt: lang });
        continue;
      }
      if (t.k === 'array') {
        // Any space: whatever depends on it is checked once inlined (compiler/passes/inline.ts).
        arrays.push({ name: pname, elem: t.elem, span: at(p) });
        shape.push({ k: 'array', name: pname, elem: t.elem });
        continue;
      }
      if (t.k !== 'scalar') {
        // `number` and `any` get the kernel's hint; other types are ones no helper can take.
        if (/^(number|any|unknown)$/.test(t.text)) this.diags.report(at(p.type), 'KS1003', pname, t.text, paramTypeHint(t.text));
        else this.diags.report(at(p.type), 'KS6002', pname, tsName, t.text);
        ok = false;
        continue;
      }
      params.push({ kind: 'scalar', name: pname, type: t.type, span: at(p) });
      shape.push({ k: 'scalar', name: pname, type: t.type });
    }
    let ret: ScalarType | null = null;
    const rt = decl.type ? decl.type.getText(mod.sf).trim() : null;
    if (rt === null) {
      this.diags.report(at(decl.name ?? decl), 'KS6003', tsName);
      ok = false;
    } else if (rt !== 'void' && decl.type) {
      const t = parseTypeNode(decl.type, mod.sf);
      if (t.k === 'scalar') ret = t.type;
      else {
        this.diags.report(at(decl.type), 'KS6003', tsName);
        ok = false;
      }
    }
    entry.params = params;
    entry.arrays = arrays;
    entry.vecs = vecs;
    if (ok) entry.sig = { name: freshName(this.names, tsName), params: params.map((p) => p.type), shape, ret, hidden: [], prints: false };
    return entry;
  }

  private lower(e: Entry, sig: HelperSig): void {
    const body = e.decl.body?.statements ?? [];
    const snapshot = [...this.names];
    const make = (dry: boolean, litTypes: Map<ts.Node, ScalarType>): FnCtx => {
      const scope = new Map<string, Binding>(e.params.map((p) => [p.name, { k: 'param', ir: p.name, type: p.type }]));
      // Space 'global' lets lowering through; the caller's real space is checked once inlined.
      for (const a of e.arrays) scope.set(a.name, { k: 'array', ir: a.name, elem: a.elem, space: 'global', param: true });
      for (const v of e.vecs) scope.set(v.name, { k: 'vec', vt: v.vt, comps: v.comps, src: 'param', mutable: false });
      return newFnCtx({
        mod: e.mod,
        diags: dry ? new DiagnosticBag() : this.diags,
        helpers: this,
        helper: e.tsName,
        returnType: sig.ret,
        scopes: [scope],
        names: new Set([...snapshot, ...e.params.map((p) => p.name), ...e.arrays.map((a) => a.name), ...e.vecs.map((v) => v.name)]),
        dry,
        litTypes,
      });
    };
    const { cx, body: lowered } = lowerFunctionBody(make, body);
    if (sig.ret !== null && !alwaysReturns(lowered)) {
      this.diags.report(spanOf(e.mod, e.decl.name ?? e.decl), 'KS6004', e.tsName, sig.ret);
    }
    // Unique among the helper's own names and every helper named so far (its callees included),
    // which a parameter would otherwise shadow in the printed code.
    const taken = new Set([...cx.names, ...this.names]);
    const { body: ir, hidden, params } = hideBuiltins(lowered, taken, spanOf(e.mod, e.decl.name ?? e.decl));
    sig.hidden = hidden;
    sig.prints = printsIn(ir, printingHelpers(this.ordered));
    const arrays = e.arrays.length > 0 ? { arrays: e.arrays } : {};
    this.ordered.push({ name: sig.name, params: [...e.params, ...params], ...arrays, returnType: sig.ret, body: ir, span: spanOf(e.mod, e.decl) });
  }
}

/** Whether control cannot fall off the end of `body` (WGSL requires this of valued functions). */
// Kinds are listed, not walked generically: a must-analysis, so any other kind (a loop may run
// zero times) must count as not returning.
export function alwaysReturns(body: readonly Stmt[]): boolean {
  return body.some((s) => {
    if (s.k === 'return') return true;
    if (s.k === 'if') return alwaysReturns(s.then) && alwaysReturns(s.else);
    if (s.k === 'block') return alwaysReturns(s.body);
    return false;
  });
}
