// Bounds checks for debug builds: an IR→IR rule run after fold and before a target's legalize
// rules (targets/target.ts). Every element read, store and atomic becomes
//   let i = <index>;  if (0 <= i && i < length(a)) { <the access> } else { fault #site i of length(a) }
// so a faulting access records itself in the fault record (first writer wins) and does not happen:
// a store is skipped, a read yields 0. Accesses inside an expression are hoisted into statements in
// evaluation order (children left to right), each index evaluated once; where an access is
// conditional (the right of && and ||, an arm of ?:), the condition becomes an `if`, so an access
// the source does not evaluate is never checked. A loop condition with an access is re-evaluated
// at the top of the body (while) or at the end of the update (do…while). A matrix load or store is
// checked at the last element of its 16×16 footprint (a fault reports that element).
import type { Expr, KernelIR, ScalarType, Span, Stmt } from '../core/ir/types.js';
import type { DebugSite } from '../core/output.js';
import { valueOf } from '../core/elements.js';
import { declaredNames, fixedArrays, hasCollective, mapExprChildren, mapStmt, someExpr, visitStmts, isLeaf } from '../core/ir/walk.js';

export interface CheckedKernel {
  ir: KernelIR;
  /** One per checked access; the fault statements' `site` indexes it. */
  sites: DebugSite[];
}

type Index = Expr & { type: 'i32' | 'u32' };

const hasAccess = (e: Expr): boolean => someExpr(e, (x) => x.k === 'index' || x.k === 'atomic');
/** Expressions that read the same value wherever they are re-read within one statement. */

const load = (name: string, type: ScalarType, span: Span): Expr => ({ k: 'load', name, type, span });
const assign = (name: string, value: Expr, span: Span): Stmt => ({ k: 'assign', name, value, span });
const declare = (name: string, type: ScalarType, init: Expr | null, span: Span, mutable = true): Stmt => ({
  k: 'let',
  name,
  type,
  init,
  mutable,
  span,
});
const not = (arg: Expr): Expr => ({ k: 'unary', op: 'not', arg, type: 'bool', span: arg.span });
const bin = (op: Extract<Expr, { k: 'binary' }>['op'], lhs: Expr, rhs: Expr, type: ScalarType): Expr => ({ k: 'binary', op, lhs, rhs, type, span: lhs.span });
const toU32 = (e: Expr): Expr => (e.type === 'u32' ? e : { k: 'cast', arg: e, type: 'u32', span: e.span });

class Checker {
  readonly sites: DebugSite[] = [];
  private readonly taken: Set<string>;
  private readonly fixed: ReturnType<typeof fixedArrays>;
  private readonly sized: Map<string, Expr>;
  private count = 0;

  constructor(ir: KernelIR) {
    this.taken = declaredNames(ir);
    this.fixed = fixedArrays(ir);
    this.sized = new Map(ir.shared.flatMap((s) => (s.size ? [[s.name, s.size] as const] : [])));
    for (const p of ir.params) if (p.kind === 'array') this.valueTypes.set(p.name, valueOf(p.elem));
    for (const a of ir.shared) this.valueTypes.set(a.name, valueOf(a.elem));
    visitStmts(ir.body, (s) => s.k === 'localArray' && this.valueTypes.set(s.name, valueOf(s.elem)));
  }

  /** The value type of each global and shared array's elements (what a vector load declares). */
  private readonly valueTypes = new Map<string, ScalarType>();

  private fresh(base: string): string {
    let name: string;
    do name = `${base}${++this.count}`;
    while (this.taken.has(name));
    this.taken.add(name);
    return name;
  }

  stmts(body: readonly Stmt[]): Stmt[] {
    return body.flatMap((s) => this.stmt(s));
  }

  private stmt(s: Stmt): Stmt[] {
    const out: Stmt[] = [];
    if (s.k === 'store') {
      const i = this.index(s.index, out);
      const value = this.operand(s.value, out);
      out.push(this.guard(s.array, i, 'write', s.span, [{ ...s, index: i, value }]));
      return out;
    }
    if (s.k === 'expr' && s.expr.k === 'atomic') {
      const e = s.expr;
      const i = this.index(e.index, out);
      const args = e.args.map((a) => this.operand(a, out));
      out.push(this.guard(e.array, i, 'atomic', e.span, [{ ...s, expr: { ...e, index: i, args } }]));
      return out;
    }
    if (s.k === 'vstore') {
      const i = this.index(s.index, out);
      const values = s.values.map((v) => this.operand(v, out));
      out.push(this.guard(s.array, i, 'write', s.span, [{ ...s, index: i, values }], values.length));
      return out;
    }
    if (s.k === 'vload') {
      // The components are declared outside the check (zero when it fails) and filled inside it.
      const i = this.index(s.index, out);
      const type = this.valueTypes.get(s.array) ?? 'f32';
      const temps = s.names.map(() => this.fresh('chk_v'));
      for (const n of s.names) out.push(declare(n, type, null, s.span));
      const fill = s.names.map((n, j): Stmt => assign(n, load(temps[j] ?? n, type, s.span), s.span));
      out.push(this.guard(s.array, i, 'read', s.span, [{ ...s, index: i, names: temps }, ...fill], s.names.length));
      return out;
    }
    if (s.k === 'matrix' && (s.op === 'load' || s.op === 'store')) {
      // The whole 16×16 footprint: its last element, offset + 15*stride + 15 (either layout), in bounds.
      const offset = this.index(s.offset, out);
      const stride = this.index(s.stride, out);
      const u = (value: number): Expr => ({ k: 'const', type: 'u32', value, span: s.span });
      const lastName = this.fresh('chk_m');
      out.push(declare(lastName, 'u32', bin('+', bin('+', toU32(offset), bin('*', toU32(stride), u(15), 'u32'), 'u32'), u(15), 'u32'), s.span, false));
      const last = load(lastName, 'u32', s.span) as Index;
      out.push(this.guard(s.array, last, s.op === 'load' ? 'read' : 'write', s.span, [{ ...s, offset, stride }]));
      return out;
    }
    if (s.k === 'loop' && s.cond && hasAccess(s.cond)) return this.loop(s, s.cond);
    // Everything else: the statement's own expressions (hoisting into `out`), then its bodies.
    const t = mapStmt(s, (e) => this.expr(e, out), (b) => this.stmts(b));
    out.push(t);
    return out;
  }

  /** A loop whose condition accesses an array: the condition moves into the body or the update. */
  private loop(s: Extract<Stmt, { k: 'loop' }>, cond: Expr): Stmt[] {
    const pre: Stmt[] = [];
    const c = this.expr(cond, pre);
    const body = this.stmts(s.body);
    const update = this.stmts(s.update);
    if (s.testFirst) {
      const exit: Stmt = { k: 'if', cond: not(c), then: [{ k: 'break', span: s.span }], else: [], span: s.span };
      return [{ ...s, cond: null, body: [...pre, exit, ...body], update }];
    }
    const flag = this.fresh('chk_c');
    return [
      declare(flag, 'bool', null, s.span),
      { ...s, cond: load(flag, 'bool', s.span), update: [...update, ...pre, assign(flag, c, s.span)] },
    ];
  }

  /** `e` without array accesses; the accesses it made go to `out`, in evaluation order. */
  private expr(e: Expr, out: Stmt[]): Expr {
    if (!hasAccess(e)) return e;
    switch (e.k) {
      case 'index': {
        const i = this.index(e.index, out);
        return this.hoisted(e.type, e.span, out, (v) => this.guard(e.array, i, 'read', e.span, [assign(v, { ...e, index: i }, e.span)]));
      }
      case 'atomic': {
        const i = this.index(e.index, out);
        const args = e.args.map((a) => this.operand(a, out));
        return this.hoisted(e.type, e.span, out, (v) =>
          this.guard(e.array, i, 'atomic', e.span, [assign(v, { ...e, index: i, args }, e.span)]),
        );
      }
      case 'binary':
        if ((e.op === '&&' || e.op === '||') && hasAccess(e.rhs)) {
          const t = this.fresh('chk_t');
          out.push(declare(t, 'bool', this.expr(e.lhs, out), e.span));
          const rhs: Stmt[] = [];
          rhs.push(assign(t, this.expr(e.rhs, rhs), e.span));
          const flag = load(t, 'bool', e.span);
          out.push({ k: 'if', cond: e.op === '&&' ? flag : not(flag), then: rhs, else: [], span: e.span });
          return flag;
        }
        break;
      case 'select':
        if (hasAccess(e.then) || hasAccess(e.else)) {
          const cond = this.expr(e.cond, out);
          const t = this.fresh('chk_t');
          out.push(declare(t, e.type, null, e.span));
          const arm = (x: Expr): Stmt[] => {
            const body: Stmt[] = [];
            body.push(assign(t, this.expr(x, body), x.span));
            return body;
          };
          out.push({ k: 'if', cond, then: arm(e.then), else: arm(e.else), span: e.span });
          return load(t, e.type, e.span);
        }
        break;
      default:
        break;
    }
    return mapExprChildren(e, (c) => this.expr(c, out));
  }

  /** An index, evaluated once: its accesses go to `out`, and a non-trivial value into a let. */
  /**
   * A value stored or used by an access: computed before the check when it holds a warp operation,
   * which every lane of the warp must reach (the check skips the lanes whose access faults).
   */
  private operand(e: Expr, out: Stmt[]): Expr {
    const v = this.expr(e, out);
    if (isLeaf(v) || !hasCollective(v)) return v;
    const name = this.fresh('chk_w');
    out.push(declare(name, v.type, v, v.span, false));
    return load(name, v.type, v.span);
  }

  private index(e: Expr, out: Stmt[]): Index {
    const i = this.expr(e, out) as Index;
    if (isLeaf(i)) return i;
    const name = this.fresh('chk_i');
    out.push(declare(name, i.type, i, i.span, false));
    return load(name, i.type, i.span) as Index;
  }

  /** A value computed by `fill(v)` into a fresh zeroed variable `v`. */
  private hoisted(type: ScalarType, span: Span, out: Stmt[], fill: (v: string) => Stmt): Expr {
    const v = this.fresh('chk_v');
    out.push(declare(v, type, null, span));
    out.push(fill(v));
    return load(v, type, span);
  }

  /**
   * `if (i in bounds) { then } else { fault }`. A vector access of width w > 1 at vector index i
   * is in bounds when all of elements [w*i, w*i + w) are, that is when i < floor(length / w); its
   * fault reports element w*i.
   */
  private guard(array: string, i: Index, access: DebugSite['access'], span: Span, then: Stmt[], w = 1): Stmt {
    const site = this.sites.length;
    this.sites.push({ array, access, indexType: i.type, file: span.file, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn });
    const fixed = this.fixed.get(array);
    // A block-sized shared array's length is its count, computed in the kernel from blockDim.
    const sized = this.sized.get(array);
    const length: Expr = fixed
      ? { k: 'const', type: 'i32', value: fixed.length, span }
      : sized ?? { k: 'length', array, type: 'i32', span };
    const lengthU32: Expr = length.k === 'const' ? { ...length, type: 'u32' } : toU32(length);
    const per = (n: Expr): Expr =>
      w === 1 ? n : n.k === 'const' ? { ...n, value: Math.floor(Number(n.value) / w) } : bin('/', n, { k: 'const', type: n.type, value: w, span }, n.type);
    const inBounds =
      i.type === 'u32'
        ? bin('<', i, per(lengthU32), 'bool')
        : bin('&&', bin('>=', i, { k: 'const', type: 'i32', value: 0, span }, 'bool'), bin('<', i, per(length), 'bool'), 'bool');
    const first = w === 1 ? toU32(i) : bin('*', toU32(i), { k: 'const', type: 'u32', value: w, span }, 'u32');
    const fault: Stmt = { k: 'fault', site, index: first, length: lengthU32, span };
    return { k: 'if', cond: inBounds, then, else: [fault], span };
  }
}

/** The kernel with every array access checked (helpers take no arrays, so only the body changes). */
export function checkBounds(ir: KernelIR): CheckedKernel {
  const c = new Checker(ir);
  const body = c.stmts(ir.body);
  return { ir: { ...ir, body, debug: true }, sites: c.sites };
}
