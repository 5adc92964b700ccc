// The cpu debug build's race and divergence checks (docs/debugging.md): what the JS printer
// (emit.ts) adds, as one-line hooks, to a debug build of a kernel with shared arrays or barriers.
// Every shared access goes through ks_race_read/write/atomic with its bounds-check site (so the
// report can quote it), barriers advance the epoch, generator threads yield their barrier's sync
// index and return their exit's, and region conditions are checked per thread. The emitted
// functions are in race-helpers.ts; the record's layout in core/race.ts. Warp operations, once
// the language has them, join the barriers here: a sync kind and an arrival check per pass.
import { InternalCompilerError } from '../../core/diagnostics/diagnostic.js';
import type { Expr, KernelIR, Span, Stmt } from '../../core/ir/types.js';
import { visitStmts } from '../../core/ir/walk.js';
import type { DebugSync } from '../../core/race.js';
import { RACE_RUN_BLOCK, raceHelpers } from './race-helpers.js';

type Access = 'read' | 'write' | 'atomic';

export class RaceHooks {
  /** The places divergence reports name, in the order the printer met them. */
  readonly syncs: DebugSync[] = [];
  /** Shared access node (store statement, index or atomic expression) → its bounds-check site. */
  private readonly sites = new Map<Stmt | Expr, number>();
  private readonly shared: Map<string, number>;
  /** A barrier-holding if/loop's condition → its first barrier. */
  private readonly guarded = new Map<Expr, Span>();

  /** Hooks for a debug build that has something to check, else null. */
  static of(ir: KernelIR, barrier: boolean): RaceHooks | null {
    return ir.debug && (barrier || ir.shared.length > 0) ? new RaceHooks(ir) : null;
  }

  private constructor(private readonly ir: KernelIR) {
    this.shared = new Map(ir.shared.map((s, i) => [s.name, i]));
    // targets/debug.ts wraps each access as `if (in bounds) { access } else { fault #site }`; a
    // vector access, split into its element accesses (vectors.ts), has them all under one guard.
    visitStmts(ir.body, (s) => {
      if (s.k === 'if' && s.else.length === 1 && s.else[0]?.k === 'fault') {
        for (const t of s.then) {
          const access = accessOf(t);
          if (access) this.sites.set(access, s.else[0].site);
        }
      }
      if ((s.k === 'if' || s.k === 'loop') && s.cond) {
        let first: Span | null = null;
        visitStmts([s], (b) => {
          if (b.k === 'barrier') first ??= b.span;
        });
        if (first) this.guarded.set(s.cond, first);
      }
    });
  }

  /** Module-level lines: the state, the checks and (generator path) the checking scheduler. */
  helpers(): string[] {
    return raceHelpers(this.ir.shared.map((s) => (s.size ? null : s.length)));
  }

  /** The scheduler the generator path uses instead of the plain one. */
  get runBlock(): string[] {
    return RACE_RUN_BLOCK;
  }

  /** At the start of run(): the record (after the fault record) and the block shape. */
  launch(print: (e: Expr) => string): string {
    // Block-sized shared arrays' shadows fit this launch's lengths (`print` spells the count).
    const fit = this.ir.shared.flatMap((s, k) => (s.size ? [` ks_race_s${k} = ks_race_fit(ks_race_s${k}, ${print(s.size)});`] : []));
    return `ks_race_launch(ks_args[${this.ir.params.length + 1}], ks_bdx, ks_bdy, ks_bdz);${fit.join('')}`;
  }

  /** At the start of each block. */
  block(): string {
    return 'ks_race_block(ks_bx, ks_by, ks_bz);';
  }

  /** The index text of an access, checked when it is a shared array's; `node` as printed. */
  index(node: Stmt | Expr, array: string, access: Access, index: string): string {
    const a = this.shared.get(array);
    if (a === undefined) return index;
    const site = this.sites.get(node);
    if (site === undefined) throw new InternalCompilerError(`debug build of '${this.ir.name}': a shared access to '${array}' has no checked site`);
    return `ks_race_${access}(ks_race_s${a}, ${site}, ${index}, ks_tx, ks_ty, ks_tz)`;
  }

  /** Generator path: a barrier yields its sync index. */
  barrier(s: Stmt): string {
    return `yield ${this.sync('barrier', s.span)};`;
  }

  /** Generator path: a thread's exit returns its sync index. */
  exit(s: Stmt): string {
    return `return ${this.sync('return', s.span)};`;
  }

  /** Generator path: the end of the kernel body. */
  end(): string {
    const { file, endLine } = this.ir.span;
    return `return ${this.sync('end', { file, line: endLine, column: 1, endLine, endColumn: 1 })};`;
  }

  /** Regions: a barrier. */
  epoch(): string {
    return 'ks_race_epoch();';
  }

  /** Regions: thread 0's value of a barrier-guarding condition, checked against every thread's. */
  agree(cond: Expr, perThread: string): string {
    const barrier = this.guarded.get(cond);
    const b = barrier ? this.sync('barrier', barrier) : undefined;
    const c = this.sync('condition', cond.span, b);
    return `ks_race_agree(${c}, (ks_i, ks_tx, ks_ty, ks_tz) => ${perThread})`;
  }

  private sync(kind: DebugSync['kind'], span: Span, barrier?: number): number {
    const { file, line, column, endLine, endColumn } = span;
    this.syncs.push({ kind, file, line, column, endLine, endColumn, ...(barrier === undefined ? {} : { barrier }) });
    return this.syncs.length - 1;
  }
}

/** An access a bounds guard protects: a store, an atomic statement, or a read or atomic into a local. */
function accessOf(s: Stmt): Stmt | Expr | null {
  if (s.k === 'store') return s;
  if (s.k === 'expr' && s.expr.k === 'atomic') return s.expr;
  if (s.k === 'assign' && (s.value.k === 'index' || s.value.k === 'atomic')) return s.value;
  // An element of a vector load (vectors.ts).
  if (s.k === 'let' && s.init?.k === 'index') return s.init;
  return null;
}
