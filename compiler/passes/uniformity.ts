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
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { Expr, KernelIR, Span, Stmt } from '../ir/types.js';
import { printExpr } from '../ir/print.js';
import { exprChildren } from '../ir/walk.js';

/** Why control flow is non-uniform here; null when uniform. */
type CF = null | { code: 'KS5001' | 'KS5004'; what: string; line: number };

export type SourceText = (span: Span) => string | null;

export function checkUniformity(k: KernelIR, diags: DiagnosticBag, textOf: SourceText = () => null): void {
  if (!k.usesBarrier) return;
  const nuArrays = new Set<string>(k.shared.map((s) => s.name));
  for (const p of k.params) if (p.kind === 'array' && p.access !== 'read') nuArrays.add(p.name);
  const a = new Analysis(nuArrays, textOf);
  // Each round can only add non-uniform locals, so this terminates.
  for (let i = 0; i < 64; i++) {
    a.changed = false;
    a.block(k.body, null);
    if (!a.changed) break;
  }
  a.report = diags;
  a.block(k.body, null);
}

class Analysis {
  readonly nuLocals = new Set<string>();
  changed = false;
  report: DiagnosticBag | null = null;

  constructor(
    private readonly nuArrays: Set<string>,
    private readonly textOf: SourceText,
  ) {}

  nonUniform(e: Expr): boolean {
    switch (e.k) {
      case 'builtin':
        return e.name === 'threadIdx';
      case 'load':
        return this.nuLocals.has(e.name);
      case 'atomic':
        return true;
      case 'index':
        if (this.nuArrays.has(e.array)) return true;
        break;
      default:
        break;
    }
    return exprChildren(e).some((c) => this.nonUniform(c));
  }

  private mark(name: string, value: Expr | null, cf: CF): void {
    if (this.nuLocals.has(name)) return;
    if (cf || (value && this.nonUniform(value))) {
      this.nuLocals.add(name);
      this.changed = true;
    }
  }

  private cond(e: Expr): CF {
    if (!this.nonUniform(e)) return null;
    const text = this.textOf(e.span) ?? printExpr(e);
    return { code: 'KS5001', what: `the condition \`${text}\``, line: e.span.line };
  }

  /** Analyses a statement list entered with control flow `cf`; returns the flow at its end. */
  block(body: readonly Stmt[], cf: CF): CF {
    for (const s of body) cf = this.stmt(s, cf);
    return cf;
  }

  private stmt(s: Stmt, cf: CF): CF {
    switch (s.k) {
      case 'let':
        this.mark(s.name, s.init, cf);
        return cf;
      case 'assign':
        this.mark(s.name, s.value, cf);
        return cf;
      case 'localArray':
        // Per-thread arrays are always treated as non-uniform (their reads, that is).
        this.nuArrays.add(s.name);
        return cf;
      case 'barrier':
        if (cf && this.report) {
          if (cf.code === 'KS5001') this.report.report(s.span, 'KS5001', cf.what, cf.line);
          else this.report.report(s.span, 'KS5004', cf.what, cf.line);
        }
        return cf;
      case 'if': {
        const inner = cf ?? this.cond(s.cond);
        const c1 = this.block(s.then, inner);
        const c2 = this.block(s.else, inner);
        if (!exits(s.then) && !exits(s.else)) return cf;
        if (cf) return cf;
        const ended = c1 ?? c2 ?? inner;
        if (!ended) return null;
        return { code: 'KS5004', what: returns([s]) ? 'the kernel' : 'the loop iteration', line: s.span.line };
      }
      case 'loop': {
        // An iteration that ends non-uniformly (a divergent continue/break/return) makes every
        // later iteration non-uniform; that reason is named before a loop-carried condition.
        const condCF = s.cond ? this.cond(s.cond) : null;
        let head = cf;
        if (!head) {
          const report = this.report;
          this.report = null;
          const end = this.block(s.body, null);
          const upd = this.block(s.update, end);
          this.report = report;
          head = end ?? upd;
        }
        head ??= condCF;
        const end = this.block(s.body, head);
        this.block(s.update, end ?? head);
        return returns(s.body) ? (cf ?? head) : cf;
      }
      case 'block':
        return this.block(s.body, cf);
      default:
        return cf;
    }
  }
}

/** Whether statements can leave their enclosing construct early (return, or break/continue of an outer loop). */
function exits(body: readonly Stmt[]): boolean {
  return body.some((s) => {
    switch (s.k) {
      case 'return':
      case 'break':
      case 'continue':
        return true;
      case 'if':
        return exits(s.then) || exits(s.else);
      case 'block':
        return exits(s.body);
      case 'loop':
        return returns(s.body);
      default:
        return false;
    }
  });
}

function returns(body: readonly Stmt[]): boolean {
  return body.some((s) => {
    if (s.k === 'return') return true;
    if (s.k === 'if') return returns(s.then) || returns(s.else);
    if (s.k === 'block' || s.k === 'loop') return returns(s.body);
    return false;
  });
}
