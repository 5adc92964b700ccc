// The first pass: every call of a helper that takes arrays (or prints: prints.ts) is replaced by the helper's body, with
// the caller's arrays in place of its array parameters, and such helpers are dropped. Every later
// pass and every target then sees only the kernel's own arrays (WGSL cannot pass a storage pointer
// to a function, and access inference, bounds checks and the race checker need the real array).
// The inlined statements keep the helper's spans, so diagnostics and debug faults name its lines.
//
// A call inside a larger expression becomes statements before it, keeping JavaScript's order:
// whatever the expression reads from memory before the call is taken into a temporary first.
// Conditional operands (`&&`, `||`, `?:`) become `if`s; a loop condition moves into the loop
// (the body's start for `for`/`while`, the update's end for `do…while`).
import type { DiagnosticBag } from '../../core/diagnostics/diagnostic.js';
import type { Expr, HelperIR, KernelIR, ScalarType, Span, Stmt } from '../../core/ir/types.js';
import { declaredNames, exprChildren, mapExpr, mapStmt, someExpr, someExprIn, someStmt, stmtExprs, visitAllExprs, visitStmts, withExprChildren, isLeaf } from '../../core/ir/walk.js';
import { singleExit } from './inline-exit.js';
import { printingHelpers } from './prints.js';

type CallExpr = Extract<Expr, { k: 'call' }>;

export function inlineArrayHelpers(k: KernelIR, diags: DiagnosticBag): KernelIR {
  // Helpers that print are inlined too (prints.ts).
  const printing = printingHelpers(k.helpers);
  const inlined = new Map(k.helpers.filter((h) => (h.arrays?.length ?? 0) > 0 || printing.has(h.name)).map((h) => [h.name, h]));
  // Helpers using warp operations are inlined too (callees come first, so one pass finds those
  // that call them): the uniformity pass then sees every warp operation where the kernel reaches
  // it, and the cpu backend, which pauses a thread at each one, needs them in the kernel body.
  const warpy = new Set<string>();
  for (const h of k.helpers) {
    if (someExprIn(h.body, (e) => e.k === 'warp' || (e.k === 'call' && warpy.has(e.fn)))) {
      warpy.add(h.name);
      inlined.set(h.name, h);
    }
  }
  if (inlined.size === 0) return k;
  const taken = declaredNames(k);
  const run = (body: Stmt[]): Stmt[] => new Inliner(inlined, taken, diags, body).stmts(body);
  const helpers = k.helpers.filter((h) => !inlined.has(h.name)).map((h): HelperIR => ({ ...h, body: run(h.body) }));
  return { ...k, helpers, body: run(k.body) };
}


class Inliner {
  /** The function's per-thread arrays (atomics cannot use them), inlined ones included. */
  private readonly locals = new Set<string>();
  /** Next suffix to try per base name (shared by every function of the kernel through `taken`). */
  private readonly next = new Map<string, number>();

  constructor(
    private readonly inlined: Map<string, HelperIR>,
    private readonly taken: Set<string>,
    private readonly diags: DiagnosticBag,
    body: readonly Stmt[],
  ) {
    visitStmts(body, (s) => {
      if (s.k === 'localArray') this.locals.add(s.name);
    });
  }

  private isInlined = (e: Expr): e is CallExpr => e.k === 'call' && this.inlined.has(e.fn);
  private hasCall = (e: Expr): boolean => someExpr(e, this.isInlined);

  stmts(list: readonly Stmt[]): Stmt[] {
    const out: Stmt[] = [];
    for (const s of list) this.stmt(s, out);
    return out;
  }

  private stmt(s: Stmt, out: Stmt[]): void {
    switch (s.k) {
      case 'expr':
        if (this.isInlined(s.expr)) {
          this.inline(s.expr, this.siblings(s.expr.args, out), out);
          return;
        }
        break;
      case 'if': {
        const cond = this.hoist(s.cond, out);
        out.push({ ...s, cond, then: this.stmts(s.then), else: this.stmts(s.else) });
        return;
      }
      case 'loop':
        this.loop(s, out);
        return;
      case 'block':
        out.push({ ...s, body: this.stmts(s.body) });
        return;
      default:
        break;
    }
    // Any other statement (let, assign, store, vector load or store, return…): its expressions, in
    // the order it evaluates them (stmtExprs), e.g. a store's index before its value.
    const es = stmtExprs(s);
    if (!es.some(this.hasCall)) {
      out.push(s);
      return;
    }
    const vs = this.siblings(es, out);
    let i = 0;
    out.push(mapStmt(s, (e) => vs[i++] ?? e, (c) => c));
  }

  private loop(s: Extract<Stmt, { k: 'loop' }>, out: Stmt[]): void {
    const body = this.stmts(s.body);
    const update = this.stmts(s.update);
    if (!s.cond || !this.hasCall(s.cond)) {
      out.push({ ...s, body, update });
      return;
    }
    const pre: Stmt[] = [];
    const c = this.hoist(s.cond, pre);
    const sp = s.cond.span;
    if (s.testFirst) {
      // Tested at the top of each iteration, as before; `continue` still runs the update first.
      const exit: Stmt = { k: 'if', cond: not(c), then: [{ k: 'break', span: sp }], else: [], span: sp };
      out.push({ ...s, cond: null, body: [...pre, exit, ...body], update });
      return;
    }
    // do…while: the condition is tested after the update, so it is computed at the update's end.
    const flag = this.fresh('more');
    out.push({ k: 'let', name: flag, type: 'bool', init: null, mutable: true, span: sp });
    const set: Stmt = { k: 'assign', name: flag, value: c, span: sp };
    out.push({ ...s, cond: load(flag, 'bool', sp), body, update: [...update, ...pre, set] });
  }

  /** `e` without inlined calls: the statements they become go to `out`, in evaluation order. */
  private hoist(e: Expr, out: Stmt[]): Expr {
    if (!this.hasCall(e)) return e;
    if (e.k === 'binary' && (e.op === '&&' || e.op === '||') && this.hasCall(e.rhs)) {
      // The right operand runs only when the left one does not decide.
      const t = this.temp(this.hoist(e.lhs, out), out, 'cond', true);
      const inner: Stmt[] = [];
      inner.push({ k: 'assign', name: t, value: this.hoist(e.rhs, inner), span: e.rhs.span });
      const v = load(t, 'bool', e.span);
      out.push({ k: 'if', cond: e.op === '&&' ? v : not(v), then: inner, else: [], span: e.span });
      return v;
    }
    if (e.k === 'select' && (this.hasCall(e.then) || this.hasCall(e.else))) {
      const cond = this.hoist(e.cond, out);
      const t = this.fresh('pick');
      out.push({ k: 'let', name: t, type: e.type, init: null, mutable: true, span: e.span });
      const arm = (x: Expr): Stmt[] => {
        const inner: Stmt[] = [];
        inner.push({ k: 'assign', name: t, value: this.hoist(x, inner), span: x.span });
        return inner;
      };
      out.push({ k: 'if', cond, then: arm(e.then), else: arm(e.else), span: e.span });
      return load(t, e.type, e.span);
    }
    if (this.isInlined(e)) return this.inline(e, this.siblings(e.args, out), out) ?? e;
    return withExprChildren(e, this.siblings(exprChildren(e), out));
  }

  /**
   * Operands evaluated left to right. When one of them turns into statements, the earlier ones'
   * memory reads (and atomics, always) are taken into temporaries first, so they see memory as it
   * was before the call, as they do in JavaScript.
   */
  private siblings(es: readonly Expr[], out: Stmt[]): Expr[] {
    const done: Expr[] = [];
    for (const e of es) {
      const pre: Stmt[] = [];
      const v = this.hoist(e, pre);
      if (pre.length > 0) {
        const writes = someStmt(pre, (s) => s.k === 'store' || s.k === 'vstore') || someExprIn(pre, (x) => x.k === 'atomic');
        done.forEach((d, i) => {
          if (someExpr(d, (x) => x.k === 'atomic' || (writes && x.k === 'index'))) done[i] = load(this.temp(d, out, 'tmp'), d.type, d.span);
        });
        out.push(...pre);
      }
      done.push(v);
    }
    return done;
  }

  /** The helper's body in place of `call` (its scalar arguments already hoisted); its value, if any. */
  private inline(call: CallExpr, args: Expr[], out: Stmt[]): Expr | null {
    const h = this.inlined.get(call.fn);
    if (!h) return null;
    const arrays = new Map<string, string>();
    (h.arrays ?? []).forEach((a, i) => {
      const passed = call.arrays?.[i];
      if (passed === undefined) return;
      arrays.set(a.name, passed);
      if (this.locals.has(passed)) this.checkLocal(h, a.name, passed, call.span);
    });
    // Arguments are evaluated once, in order: a leaf (which the body cannot change) is used as it
    // is, anything else is bound to an immutable local first.
    const scalars = new Map<string, Expr>();
    h.params.forEach((p, i) => {
      const a = args[i];
      if (!a) return;
      if (isLeaf(a)) scalars.set(p.name, a);
      else scalars.set(p.name, load(this.temp(a, out, p.name), p.type, a.span));
    });
    const body = this.instantiate(h, scalars, arrays);
    const result = h.returnType === null ? null : { name: this.fresh(`${h.name}_result`), type: h.returnType };
    const exit = singleExit(body, result, h.span, () => this.fresh(`${h.name}_done`));
    out.push(...this.stmts(exit));
    return result && load(result.name, result.type, call.span);
  }

  /** Uses a per-thread array cannot have (atomics, as KS4005 says in a kernel), reported at the call that passes one. */
  private checkLocal(h: HelperIR, param: string, passed: string, at: Span): void {
    let how: string | null = null;
    visitAllExprs(h.body, (x) => {
      if (x.k === 'atomic' && x.array === param) how ??= `atomically (line ${x.span.line})`;
    });
    if (how) this.diags.report(at, 'KS6014', h.name, passed, param, how);
  }

  /** The helper's body with fresh names for its locals, the arguments for its parameters. */
  private instantiate(h: HelperIR, scalars: Map<string, Expr>, arrays: Map<string, string>): Stmt[] {
    const renamed = new Map<string, string>();
    visitStmts(h.body, (s) => {
      for (const n of declares(s)) renamed.set(n, this.fresh(n));
      if (s.k === 'localArray') this.locals.add(renamed.get(s.name) ?? s.name);
    });
    const local = (n: string): string => renamed.get(n) ?? n;
    const array = (n: string): string => arrays.get(n) ?? renamed.get(n) ?? n;
    const expr = (e: Expr): Expr =>
      mapExpr(e, (x): Expr => {
        if (x.k === 'param') {
          const v = scalars.get(x.name);
          return { ...(v ?? x) };
        }
        if (x.k === 'load') return { ...x, name: local(x.name) };
        if (x.k === 'call') return x.arrays ? { ...x, arrays: x.arrays.map(array) } : { ...x };
        // A copy even where nothing changes: passes may key maps by node, and copies are distinct sites.
        return 'array' in x ? { ...x, array: array(x.array) } : { ...x };
      });
    // Every statement kind through mapStmt, then the names it declares, assigns or accesses.
    const stmts = (list: Stmt[]): Stmt[] =>
      list.map((s0): Stmt => {
        let s = { ...mapStmt(s0, expr, stmts) };
        if (s.k === 'let' || s.k === 'assign' || s.k === 'localArray') s = { ...s, name: local(s.name) };
        if ('names' in s) s = { ...s, names: s.names.map(local) };
        if ('array' in s) s = { ...s, array: array(s.array) };
        return s;
      });
    return stmts(h.body);
  }

  /** A name not taken anywhere in the kernel: base, base_1, base_2… */
  private fresh(base: string): string {
    let name = base;
    for (let i = this.next.get(base) ?? 1; this.taken.has(name); i++) {
      name = `${base}_${i}`;
      this.next.set(base, i + 1);
    }
    this.taken.add(name);
    return name;
  }

  /** A new local holding `value` (declared in `out`); its name. */
  private temp(value: Expr, out: Stmt[], base: string, mutable = false): string {
    const name = this.fresh(base);
    out.push({ k: 'let', name, type: value.type, init: value, mutable, span: value.span });
    return name;
  }
}

const load = (name: string, type: ScalarType, span: Span): Expr => ({ k: 'load', name, type, span });

/** The local names a statement declares (a vector load declares several). */
function declares(s: Stmt): string[] {
  if (s.k === 'let' || s.k === 'localArray') return [s.name];
  return 'names' in s ? s.names : [];
}
const not = (e: Expr): Expr => ({ k: 'unary', op: 'not', arg: e, type: 'bool', span: e.span });
