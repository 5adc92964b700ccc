// The barrier rule: syncthreads() must be reached by all threads of a block. This follows the
// WGSL uniformity analysis (which Tint enforces), conservatively, so that a kernel that passes
// here never meets a Tint uniformity error, and the user gets the error at the TS source instead.
//   Non-uniform values: threadIdx; reads of arrays the kernel writes (read_write storage), of
//   shared and of local arrays; atomic results; locals assigned a non-uniform value or assigned
//   under non-uniform control flow (flow-insensitive, to a fixpoint). Uniform: blockIdx, blockDim,
//   gridDim, scalar parameters, read-only arrays.
//   Control flow: inside an if/loop with a non-uniform condition; after an if whose branches may
//   return/break/continue under a non-uniform condition (for the rest of the loop body or
//   function); a loop whose body ends non-uniformly is non-uniform on every iteration; after a
//   loop, control flow is uniform again unless the loop can return.
// Cost: linear per round. Under non-uniform control flow everything is non-uniform, so such code
// is walked once, plainly; a loop entered uniformly is analysed once to find how its iterations
// end, and only walked again (plainly) when they end non-uniformly. Marking a local marks at once
// the locals its value flows into and those assigned under conditions that read it, so rounds are
// few; another round runs while one adds anything.
import type { DiagnosticBag } from '../../core/diagnostics/diagnostic.js';
import type { Expr, KernelIR, Span, Stmt } from '../../core/ir/types.js';
import { printExpr } from '../../core/ir/print.js';
import { exprChildren, stmtChildren, stmtExprs } from '../../core/ir/walk.js';
import { WarpLevel } from './warp-uniformity.js';

/** Why control flow is non-uniform here; null when uniform. */
type CF = null | { code: 'KS5001'; cond: Expr; line: number } | { code: 'KS5004'; what: string; line: number };

/**
 * A barrier (or, at warp level, a warp operation: `op` names it) under non-uniform control flow; or
 * (`operand`) an operand of a warp-level matrix operation that can differ between lanes (KS2079).
 */
export type Finding = { span: Span; cf: NonNullable<CF>; op?: string } | { span: Span; operand: string; op: string };

export type SourceText = (span: Span) => string | null;

/**
 * What "uniform" means: across the block (barriers), or across each warp (warp operations,
 * warp-uniformity.ts: the finer rules live there).
 */
export interface Level {
  /** Whether `e` can differ between the threads concerned; undefined: decide from its children. */
  leaf(e: Expr): boolean | undefined;
  /** The synchronising operations in `s` itself (not in nested statements): a span and a name each. */
  syncs(s: Stmt): { span: Span; op?: string }[];
  /** Operands of `s` that must be uniform at this level, each with its name and its operation's. */
  operands?(s: Stmt): { e: Expr; what: string; op: string }[];
}

const BLOCK: Level = {
  leaf: (e) => {
    if (e.k === 'builtin') return e.name === 'threadIdx';
    if (e.k === 'atomic') return true;
    // Every warp operation but warpSize can differ between the warps of a block.
    if (e.k === 'warp') return e.op !== 'size';
    return undefined;
  },
  syncs: (s) => (s.k === 'barrier' ? [{ span: s.span }] : []),
};

export function checkUniformity(k: KernelIR, diags: DiagnosticBag, textOf: SourceText = () => null): KernelIR {
  const warp = new WarpLevel(k);
  if (warp.used) {
    // First without the rules that hold for warps of at most 32 lanes; only where needed with them.
    const findings = analyse(k, warp);
    if (findings.length > 0) {
      warp.upTo32 = true;
      const again = analyse(k, warp);
      report(again, diags, textOf, true);
      if (again.length === 0) k = { ...k, warpAtMost32: true };
    }
    warp.checkOperands(diags);
  }
  if (k.usesBarrier) report(analyse(k, BLOCK), diags, textOf, false);
  return k;
}

function analyse(k: KernelIR, level: Level): Finding[] {
  const nuArrays = new Set<string>(k.shared.map((s) => s.name));
  for (const p of k.params) if (p.kind === 'array' && p.access !== 'read') nuArrays.add(p.name);
  const a = new Analysis(nuArrays, dependents(k.body, level), level);
  // Each round can only add non-uniform locals, so this terminates.
  do {
    a.changed = false;
    a.flow(k.body, null, null);
  } while (a.changed);
  const found: Finding[] = [];
  a.flow(k.body, null, found);
  return found;
}

function report(found: readonly Finding[], diags: DiagnosticBag, textOf: SourceText, warp: boolean): void {
  for (const f of found) {
    if ('operand' in f) {
      diags.report(f.span, 'KS2079', f.operand, f.op);
      continue;
    }
    const { span, cf, op } = f;
    if (cf.code === 'KS5001') {
      const text = `the condition \`${textOf(cf.cond.span) ?? printExpr(cf.cond)}\``;
      if (warp) diags.report(span, 'KS5010', op ?? '', text, cf.line);
      else diags.report(span, 'KS5001', text, cf.line);
    } else if (warp) {
      diags.report(span, 'KS5011', op ?? '', cf.what, cf.line);
    } else {
      diags.report(span, 'KS5004', cf.what, cf.line);
    }
  }
}

/**
 * For each local, the locals that become non-uniform when it does: those assigned a value that
 * reads it, and those assigned inside an if or loop whose condition reads it.
 */
function dependents(body: readonly Stmt[], level: Level): Map<string, Set<string>> {
  const deps = new Map<string, Set<string>>();
  // What the level calls uniform whatever it reads (`tid < 64` per warp) makes nothing depend on it.
  const reads = (e: Expr, into: string[]): void => {
    if (level.leaf(e) === false) return;
    if (e.k === 'load') into.push(e.name);
    for (const c of exprChildren(e)) reads(c, into);
  };
  const walk = (stmts: readonly Stmt[], conds: readonly string[]): void => {
    for (const s of stmts) {
      if (s.k === 'let' || s.k === 'assign' || s.k === 'vload') {
        const from = [...conds];
        const value = s.k === 'let' ? s.init : s.k === 'assign' ? s.value : s.index;
        if (value) reads(value, from);
        for (const y of from) {
          let set = deps.get(y);
          if (!set) deps.set(y, (set = new Set()));
          for (const n of s.k === 'vload' ? s.names : [s.name]) set.add(n);
        }
      } else {
        // The expressions of a statement with nested lists (if/loop conditions) control them.
        const nested = stmtChildren(s);
        if (nested.length === 0) continue;
        const inner = [...conds];
        for (const e of stmtExprs(s)) reads(e, inner);
        for (const c of nested) walk(c, inner);
      }
    }
  };
  walk(body, []);
  return deps;
}

class Analysis {
  readonly nuLocals = new Set<string>();
  changed = false;
  private readonly x = new Exits();

  constructor(
    private readonly nuArrays: Set<string>,
    private readonly deps: Map<string, Set<string>>,
    private readonly level: Level,
  ) {}

  nonUniform(e: Expr): boolean {
    const leaf = this.level.leaf(e);
    if (leaf !== undefined) return leaf;
    switch (e.k) {
      case 'load':
        return this.nuLocals.has(e.name);
      case 'index':
        if (this.nuArrays.has(e.array)) return true;
        break;
      default:
        break;
    }
    return exprChildren(e).some((c) => this.nonUniform(c));
  }

  /** Marks a local non-uniform, and everything that depends on it. */
  private add(name: string): void {
    if (this.nuLocals.has(name)) return;
    const work = [name];
    this.nuLocals.add(name);
    this.changed = true;
    for (let n = work.pop(); n !== undefined; n = work.pop()) {
      for (const d of this.deps.get(n) ?? []) {
        if (this.nuLocals.has(d)) continue;
        this.nuLocals.add(d);
        work.push(d);
      }
    }
  }

  private mark(name: string, value: Expr | null): void {
    if (!this.nuLocals.has(name) && value && this.nonUniform(value)) this.add(name);
  }

  private cond(e: Expr): CF {
    return this.nonUniform(e) ? { code: 'KS5001', cond: e, line: e.span.line } : null;
  }

  /**
   * Analyses a statement list entered with control flow `cf`; returns the flow at its end.
   * Barriers under non-uniform control flow go to `found` (null: not collected).
   */
  flow(body: readonly Stmt[], cf: CF, found: Finding[] | null): CF {
    if (cf) {
      // Everything here runs under `cf`, and so does everything after it: one plain walk.
      for (const s of body) this.under(s, cf, found);
      return cf;
    }
    let at: CF = null;
    for (const s of body) {
      if (at) this.under(s, at, found);
      else at = this.stmt(s, found);
    }
    return at;
  }

  /** A statement under non-uniform control flow: its locals are all non-uniform, its barriers all wrong. */
  private under(s: Stmt, cf: NonNullable<CF>, found: Finding[] | null): void {
    if (found) for (const x of this.level.syncs(s)) found.push({ ...x, cf });
    switch (s.k) {
      case 'let':
      case 'assign':
        this.add(s.name);
        return;
      case 'vload':
        for (const n of s.names) this.add(n);
        return;
      case 'localArray':
        this.nuArrays.add(s.name);
        return;
      case 'barrier':
        return;
      default:
        for (const c of stmtChildren(s)) for (const t of c) this.under(t, cf, found);
        return;
    }
  }

  /** A statement entered with uniform control flow; returns the flow after it. */
  private stmt(s: Stmt, found: Finding[] | null): CF {
    switch (s.k) {
      case 'let':
        this.mark(s.name, s.init);
        return null;
      case 'assign':
        this.mark(s.name, s.value);
        return null;
      case 'vload': {
        // Its components are what reading the array at that index gives.
        const read: Expr = { k: 'index', array: s.array, index: s.index, type: 'i32', span: s.span };
        for (const n of s.names) this.mark(n, read);
        return null;
      }
      case 'localArray':
        // Per-thread arrays are always treated as non-uniform (their reads, that is).
        this.nuArrays.add(s.name);
        return null;
      case 'if': {
        const inner = this.cond(s.cond);
        const c1 = this.flow(s.then, inner, found);
        const c2 = this.flow(s.else, inner, found);
        if (!this.x.exits(s.then) && !this.x.exits(s.else)) return null;
        const ended = c1 ?? c2 ?? inner;
        if (!ended) return null;
        return { code: 'KS5004', what: this.x.returns(s.then) || this.x.returns(s.else) ? 'the kernel' : 'the loop iteration', line: s.span.line };
      }
      case 'loop': {
        // An iteration that ends non-uniformly (a divergent continue/break/return) makes every
        // later iteration non-uniform; that reason is named before a loop-carried condition.
        const condCF = s.cond ? this.cond(s.cond) : null;
        // First, how an iteration entered uniformly ends; its findings stand only if it is so entered.
        const local: Finding[] | null = found ? [] : null;
        const end = this.flow(s.body, null, local);
        const upd = this.flow(s.update, end, local);
        const head = end ?? upd ?? condCF;
        if (!head) {
          if (found && local) found.push(...local);
        } else {
          // Later tests of the condition run under how iterations end.
          if (found) for (const x of this.level.syncs({ ...s, body: [], update: [] })) found.push({ ...x, cf: head });
          this.flow(s.body, head, found);
          this.flow(s.update, head, found);
        }
        return this.x.returns(s.body) ? head : null;
      }
      case 'block':
        return this.flow(s.body, null, found);
      default:
        // Operands all threads must agree on (under uniform control flow; elsewhere the operation itself is wrong).
        if (found && this.level.operands) {
          for (const o of this.level.operands(s)) if (this.nonUniform(o.e)) found.push({ span: o.e.span, operand: o.what, op: o.op });
        }
        return null;
    }
  }
}

/** Whether statement lists can leave their construct early, memoised per analysis (each list is walked once). */
class Exits {
  private readonly exitsMemo = new WeakMap<readonly Stmt[], boolean>();
  private readonly returnsMemo = new WeakMap<readonly Stmt[], boolean>();

  /** Whether statements can leave their enclosing construct early (return, or break/continue of an outer loop). */
  exits(body: readonly Stmt[]): boolean {
    let r = this.exitsMemo.get(body);
    if (r === undefined) {
      r = body.some((s) => {
        if (s.k === 'return' || s.k === 'break' || s.k === 'continue') return true;
        // A loop's own break/continue stay inside it.
        return stmtChildren(s).some((c) => (s.k === 'loop' ? this.returns(c) : this.exits(c)));
      });
      this.exitsMemo.set(body, r);
    }
    return r;
  }

  returns(body: readonly Stmt[]): boolean {
    let r = this.returnsMemo.get(body);
    if (r === undefined) {
      r = body.some((s) => s.k === 'return' || stmtChildren(s).some((c) => this.returns(c)));
      this.returnsMemo.set(body, r);
    }
    return r;
  }
}
