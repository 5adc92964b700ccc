// The cpu backend's fast lowering of barriers ("work-item loops"): the kernel body is split at
// barriers into barrier-free regions, and each region runs as one plain loop over the threads of a
// block. Statements that contain barriers (if/loop/block) are emitted once per block; their
// conditions are uniform (the front end guarantees it), so thread 0's values decide for everyone.
// Locals that live across regions become per-thread typed arrays (of their own type, so integers
// stay integers for the JIT); block-uniform locals (uniform.ts) stay plain variables whose
// definitions run once per block. Threads run in the same order as the generator path (x
// fastest), except in read-only loops that jam.ts interleaves, where order cannot show, so results
// are identical. Kernels this cannot express (a `return` before a barrier, a `break`/`continue`
// out of a barrier-containing loop, an atomic in a uniform condition) return null from planRegions
// and keep the generator path.
import { InternalCompilerError } from '../../core/diagnostics/diagnostic.js';
import type { ElemType, Expr, KernelIR, ScalarType, Stmt } from '../../core/ir/types.js';
import { hasAtomic, someStmt, stmtExprs, visitExpr, visitStmts } from '../../core/ir/walk.js';
import { readsIncoming } from './exposed.js';
import { guardRange, type GuardRange } from './narrow.js';
import { JAM, jamPlan, type JamPlan } from './jam.js';
import { rematLocals } from './remat.js';
import { uniformLocals } from './uniform.js';
import { ELEMENTS } from '../../core/elements.js';
import { CELL_INDEX } from './wasm-loop.js';
import { guardedUnits, teamHeaders, TEAM_X, TEAM_ZY, zyHeaders, type Header } from './team.js';

/** Locals that live across regions, each stored per thread. */
export interface RegionPlan {
  scalars: Map<string, ScalarType>;
  arrays: Map<string, { elem: ElemType; length: number }>;
  /** Block-uniform locals: one plain variable per block, defined outside the thread loops. */
  uniform: Set<string>;
  /** Locals recomputed in each region that uses them (remat.ts), in declaration order. */
  remat: Map<string, Extract<Stmt, { k: 'let' }>>;
  /** Locals of several regions that none reads before writing (exposed.ts): a plain local in each. */
  fresh: Map<string, ScalarType>;
  /** Whether guarded regions loop over their guard's threads only (narrow.ts); not in debug builds. */
  narrow: boolean;
  /** Whether thread loops take turns by unit with the other members of a team (team.ts). */
  team: boolean;
}

/** What the emitter needs from the JS printer. */
export interface RegionHost {
  line(text: string): void;
  indented(f: () => void): void;
  /** Prints statements for the current thread (inside a thread loop). */
  stmts(body: readonly Stmt[]): void;
  /** Prints a uniform expression as evaluated by thread 0, outside any thread loop. */
  uniform(e: Expr): string;
  name(n: string): string;
  /** What a barrier between regions prints (debug builds advance their race-check epoch). */
  barrier(): string;
  /** Prints a per-thread expression. */
  expr(e: Expr): string;
  /** Runs `f` printing for thread x + index of a jammed group (jam.ts), `renamed` locals its own. */
  lane(index: number, renamed: ReadonlySet<string>, f: () => void): void;
  /**
   * Prints a region's thread loop as a WebAssembly call (wasm-loop.ts) where `threads`, the
   * statements each thread runs (reading and writing its cells through CELL_INDEX), qualify, with
   * `js` printing the JS thread loop for where the call declines; otherwise prints `js` alone.
   */
  threads(threads: Stmt[], range: { lo: string; hi: string } | null, js: () => void): void;
}

/** A promoted scalar's cell as an array of the region's WebAssembly statements (emit.ts names it). */
export const CELL_ARRAY = '#cell:';

type Item = { region: Stmt[] } | { sync: Stmt };

const hasBarrier = (s: Stmt): boolean => someStmt([s], (x) => x.k === 'barrier');

/** Consecutive barrier-free statements grouped into regions, around the barrier-containing ones. */
function split(list: readonly Stmt[]): Item[] {
  const items: Item[] = [];
  let region: Stmt[] = [];
  for (const s of list) {
    if (!hasBarrier(s)) {
      region.push(s);
      continue;
    }
    if (region.length > 0) items.push({ region });
    region = [];
    items.push({ sync: s });
  }
  if (region.length > 0) items.push({ region });
  return items;
}

/** A break/continue in `list` that leaves it (is not inside a loop within it). */
function escapes(list: readonly Stmt[]): boolean {
  return someStmt(list, (s) => s.k === 'break' || s.k === 'continue', (s) => s.k !== 'loop');
}

const contains = (list: readonly Stmt[], k: Stmt['k']): boolean => someStmt(list, (s) => s.k === k);

/** Every name (local, array) that `list` reads, writes or declares. */
function namesIn(list: readonly Stmt[], out: Set<string>): Set<string> {
  visitStmts(list, (s) => {
    if (s.k === 'let' || s.k === 'localArray' || s.k === 'assign') out.add(s.name);
    if (s.k === 'store') out.add(s.array);
    for (const e of stmtExprs(s)) exprNames(e, out);
  });
  return out;
}

function exprNames(e: Expr, out: Set<string>): void {
  visitExpr(e, (x) => {
    if (x.k === 'load') out.add(x.name);
    if (x.k === 'index' || x.k === 'atomic') out.add(x.array);
  });
}

/** The region plan, or null where the kernel needs the generator path. */
export function planRegions(ir: KernelIR): RegionPlan | null {
  const UNIFORM = -1;
  const refs = new Map<string, Set<number>>();
  const declared = new Map<string, Stmt>();
  let regions = 0;
  const lists: (readonly Stmt[])[] = [];
  let ok = true;
  const note = (names: Set<string>, id: number): void => {
    for (const n of names) {
      const set = refs.get(n) ?? new Set<number>();
      set.add(id);
      refs.set(n, set);
    }
  };
  const region = (list: readonly Stmt[], returnAllowed: boolean): void => {
    for (const s of list) if (s.k === 'let' || s.k === 'localArray') declared.set(s.name, s);
    note(namesIn(list, new Set()), regions++);
    lists.push(list);
    if ((!returnAllowed && contains(list, 'return')) || escapes(list)) ok = false;
  };
  const uniform = (e: Expr | null): void => {
    if (!e) return;
    if (hasAtomic(e)) ok = false;
    const names = new Set<string>();
    exprNames(e, names);
    note(names, UNIFORM);
  };
  const walk = (list: readonly Stmt[], top: boolean): void => {
    const items = split(list);
    items.forEach((it, i) => {
      if ('region' in it) return region(it.region, top && i === items.length - 1);
      const s = it.sync;
      if (s.k === 'block') walk(s.body, false);
      else if (s.k === 'if') {
        uniform(s.cond);
        walk(s.then, false);
        walk(s.else, false);
      } else if (s.k === 'loop') {
        uniform(s.cond);
        walk(s.body, false);
        if (s.update.some(hasBarrier)) ok = false;
        else region(s.update, false);
      }
    });
  };
  walk(ir.body, true);
  if (!ok) return null;
  const uniformSet = uniformLocals(ir.body, lists);
  const inConditions = new Set([...refs].filter(([, ids]) => ids.has(UNIFORM)).map(([n]) => n));
  const remat = rematLocals(ir.body, uniformSet, inConditions);
  const plan: RegionPlan = { scalars: new Map(), arrays: new Map(), uniform: uniformSet, remat, fresh: new Map(), narrow: !ir.debug, team: false };
  for (const [name, s] of declared) {
    const set = refs.get(name);
    if (!set || (set.size < 2 && !set.has(UNIFORM)) || plan.uniform.has(name) || plan.remat.has(name)) continue;
    const carried = set.has(UNIFORM) || [...set].some((id) => readsIncoming(lists[id] ?? [], name));
    if (s.k === 'let') (carried ? plan.scalars : plan.fresh).set(name, s.type);
    else if (s.k === 'localArray') plan.arrays.set(name, { elem: s.elem, length: s.length });
  }
  return plan;
}

/**
 * Per-launch storage of the promoted locals, as [name, allocation] with `make(ctor, length)`
 * allocating a scalar's typed array (`ks_n` is the number of threads in a block). Typed arrays only, so a
 * team's members can share them: every f32/i32/u32 value is exact in its own type, a bool is 0 or 1.
 */
export function regionStorage(plan: RegionPlan, name: (n: string) => string, arrayType: Record<ElemType, string>, make: (ctor: string, length: string) => string): [string, string][] {
  const out: [string, string][] = [];
  for (const [n, type] of plan.scalars) out.push([scalarCell(name(n)), make(type === 'bool' ? 'Uint8Array' : ELEMENTS[type].host.name, 'ks_n')]);
  for (const [n, a] of plan.arrays) out.push([arrayCell(name(n)), `Array.from({ length: ks_n }, () => new ${arrayType[a.elem]}(${a.length}))`]);
  return out;
}

/** A promoted scalar's value in its cell (bools are stored as 0 or 1). */
export const cellRead = (cell: string, type: ScalarType | undefined): string => (type === 'bool' ? `(${cell} === 1)` : cell);

export const scalarCell = (jsName: string): string => `ks_v_${jsName}`;
export const arrayCell = (jsName: string): string => `ks_la_${jsName}`;

/** Emits the per-block body of a kernel planned by planRegions. */
export function emitRegions(body: readonly Stmt[], plan: RegionPlan, host: RegionHost): void {
  // Nothing runs after the kernel body's final region, so it stores no per-thread values back.
  const list = (stmts: readonly Stmt[], top = false): void => {
    const items = split(stmts);
    items.forEach((it, i) => {
      if ('region' in it) threadLoop(it.region, plan, host, top && i === items.length - 1);
      else sync(it.sync);
    });
  };
  const sync = (s: Stmt): void => {
    if (s.k === 'barrier') return host.line(host.barrier());
    if (s.k === 'block') {
      host.line('{');
      host.indented(() => list(s.body));
      return host.line('}');
    }
    if (s.k === 'if') {
      host.line(`if (${host.uniform(s.cond)}) {`);
      host.indented(() => list(s.then));
      if (s.else.length > 0) {
        host.line('} else {');
        host.indented(() => list(s.else));
      }
      return host.line('}');
    }
    if (s.k !== 'loop') throw new InternalCompilerError(`unexpected barrier-containing ${s.k}`);
    const cond = s.cond ? host.uniform(s.cond) : 'true';
    host.line(s.testFirst ? `while (${cond}) {` : 'do {');
    host.indented(() => {
      list(s.body);
      if (s.update.length > 0) threadLoop(s.update, plan, host, false);
    });
    host.line(s.testFirst ? '}' : `} while (${cond});`);
  };
  list(body, true);
}

/** One barrier-free region, run by every thread of the block in turn (uniform definitions first, once). */
function threadLoop(all: readonly Stmt[], plan: RegionPlan, host: RegionHost, last: boolean): void {
  const once = (s: Stmt): boolean => (s.k === 'let' || s.k === 'assign') && plan.uniform.has(s.name);
  host.stmts(all.filter(once));
  const region = all.filter((s) => !once(s));
  if (region.length === 0) return;
  const used = namesIn(region, new Set());
  const here = new Set(region.filter((s) => s.k === 'let' || s.k === 'localArray').map((s) => s.name));
  const inner = declaredIn(region);
  const assigned = new Set<string>();
  visitStmts(region, (s) => {
    if (s.k === 'assign') assigned.add(s.name);
  });
  const scalars = [...plan.scalars.keys()].filter((n) => used.has(n));
  const arrays = [...plan.arrays.keys()].filter((n) => used.has(n) && !here.has(n));
  const loads = scalars.filter((n) => !here.has(n));
  const stores = last ? [] : scalars.filter((n) => here.has(n) || assigned.has(n));
  const indexed = loads.length > 0 || stores.length > 0 || arrays.length > 0 || [...plan.arrays.keys()].some((n) => here.has(n));
  const guard = plan.narrow ? guardRange(region, plan.remat, plan.uniform) : null;
  const remat = rematNeeded(used, inner, plan);
  // Storage is named before any jammed thread (jam.ts) respells its locals.
  const cells = new Map<string, string>([...scalars.map((n) => [n, scalarCell(host.name(n))] as const), ...arrays.map((n) => [n, arrayCell(host.name(n))] as const)]);
  // Fresh locals this region uses but does not declare (exposed.ts).
  const fresh = [...plan.fresh].filter(([n]) => used.has(n) && !inner.has(n));
  const open = (cell: string): void => {
    for (const s of remat) host.stmts([s]);
    // Promoted locals are read into plain locals for the region and written back at its end.
    for (const n of loads) host.line(`${assigned.has(n) ? 'let' : 'const'} ${host.name(n)} = ${cellRead(`${cells.get(n)}[${cell}]`, plan.scalars.get(n))};`);
    for (const n of arrays) host.line(`const ${host.name(n)} = ${cells.get(n)}[${cell}];`);
    // Written before it is read here: the value it is declared with is never seen.
    for (const [n, type] of fresh) host.line(`let ${host.name(n)} = ${type === 'bool' ? 'false' : '0'};`);
  };
  const close = (cell: string): void => {
    for (const n of stores) host.line(`${cells.get(n)}[${cell}] = ${host.name(n)};`);
  };
  const body = (): void => {
    open('ks_i');
    host.stmts(region);
    close('ks_i');
  };
  const parts: ThreadParts = { guard, indexed, scalars, arrays, inner, open, close, body };
  // Per-thread arrays across barriers stay JS (they are arrays of arrays).
  if (arrays.length > 0) return jsThreads(region, plan, host, parts);
  // The same statements for one WebAssembly call over every thread: cells read into locals, the
  // region, cells written back (CELL_INDEX is the thread's cell).
  const span = (region[0] as Stmt).span;
  const cellAt = (n: string, type: ScalarType): Expr => ({ k: 'index', array: CELL_ARRAY + n, index: { k: 'load', name: CELL_INDEX, type: 'i32', span }, type, span });
  const typeOf = (n: string): ScalarType => plan.scalars.get(n) as ScalarType;
  const threads: Stmt[] = [
    ...remat,
    ...loads.map((n): Stmt => ({ k: 'let', name: n, type: typeOf(n), init: cellAt(n, typeOf(n)), mutable: true, span })),
    ...fresh.map(([n, type]): Stmt => ({ k: 'let', name: n, type, init: null, mutable: true, span })),
    ...region,
    ...stores.map((n): Stmt => ({ k: 'store', array: CELL_ARRAY + n, index: { k: 'load', name: CELL_INDEX, type: 'i32', span }, value: { k: 'load', name: n, type: typeOf(n), span }, span })),
  ];
  host.threads(threads, guard && guard.period === null ? guardBounds(guard, host) : null, () => jsThreads(region, plan, host, parts));
}

interface ThreadParts {
  guard: GuardRange | null;
  indexed: boolean;
  scalars: string[];
  arrays: string[];
  inner: Set<string>;
  open(cell: string): void;
  close(cell: string): void;
  body(): void;
}

/** The region's JS thread loop: over the guard's threads, jammed, or plain. */
function jsThreads(region: readonly Stmt[], plan: RegionPlan, host: RegionHost, parts: ThreadParts): void {
  const { guard, indexed, scalars, arrays, inner, open, close, body } = parts;
  if (guard) return guardedLoop(guard, indexed, plan.team, body, host);
  const jam = plan.narrow && arrays.length === 0 ? jamPlan(region, plan.uniform, new Set(plan.arrays.keys())) : null;
  if (jam && !plan.scalars.has(jam.counter.name) && !plan.fresh.has(jam.counter.name)) {
    // Every thread local but the shared counter; uniform locals, parameters and arrays are common.
    const own = new Set([...inner, ...plan.remat.keys(), ...scalars, ...plan.fresh.keys()]);
    own.delete(jam.counter.name);
    return jammedLoop(jam, own, plan.team, { open, close, body }, host);
  }
  const headers = plan.team
    ? teamHeaders(indexed)
    : [...zyHeaders(indexed ? ', ks_i = 0' : ''), `ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++${indexed ? ', ks_i++' : ''}) {`];
  nest(host, headers, body);
}

/** A region run JAM threads at a time (jam.ts), the rest one by one. */
function jammedLoop(
  jam: JamPlan,
  own: ReadonlySet<string>,
  team: boolean,
  parts: { open(cell: string): void; close(cell: string): void; body(): void },
  host: RegionHost,
): void {
  const lanes = Array.from({ length: JAM }, (_, i) => i);
  const each = (f: (cell: string) => void): void => {
    for (const i of lanes) host.lane(i, own, () => f(i === 0 ? 'ks_i' : `ks_i + ${i}`));
  };
  // A team member jams within each unit it takes (team.ts); otherwise along the whole row.
  const end = team ? 'ks_xe' : 'ks_bdx';
  const rows: Header[] = team ? [...TEAM_ZY, TEAM_X] : zyHeaders(', ks_i = 0');
  nest(host, rows, () => {
    host.line(team ? 'let ks_tx = ks_xs, ks_i = (ks_tz * ks_bdy + ks_ty) * ks_bdx + ks_xs;' : 'let ks_tx = 0;');
    nest(host, [`for (; ks_tx + ${JAM - 1} < ${end}; ks_tx += ${JAM}, ks_i += ${JAM}) {`], () => {
      each((cell) => {
        parts.open(cell);
        host.stmts(jam.pre);
      });
      nest(host, ['{'], () => {
        host.stmts([jam.counter]);
        nest(host, [`for (; ${host.expr(jam.cond)}; ) {`], () => {
          each(() => host.stmts(jam.loop.body));
          host.stmts(jam.loop.update);
        });
      });
      each((cell) => parts.close(cell));
    });
    nest(host, [`ks_thread: for (; ks_tx < ${end}; ks_tx++, ks_i++) {`], parts.body);
  });
}

/** Opens each header one level deeper (its own statements first), prints the body innermost, and closes them all. */
function nest(host: RegionHost, headers: readonly Header[], body: () => void): void {
  const [head, ...rest] = headers;
  if (head === undefined) return body();
  const [open, ...first] = typeof head === 'string' ? [head] : head;
  host.line(open);
  host.indented(() => {
    for (const l of first) host.line(l);
    nest(host, rest, body);
  });
  host.line('}');
}

/** A guarded region's loop: x runs over [lo, hi) of each period only (narrow.ts). */
function guardedLoop(g: GuardRange, indexed: boolean, team: boolean, body: () => void, host: RegionHost): void {
  const { lo, hi } = guardBounds(g, host);
  const periods = `for (let ks_s = 0; ks_s < ks_bdx; ks_s += ${g.period}) {`;
  const x: Header[] = team
    ? g.period === null
      ? guardedUnits('ks_lo', 'ks_hi')
      : [periods, ...guardedUnits('ks_s + ks_lo', 'Math.min(ks_bdx, ks_s + ks_hi)')]
    : g.period === null
      ? ['ks_thread: for (let ks_tx = ks_lo; ks_tx < ks_hi; ks_tx++) {']
      : [periods, 'ks_thread: for (let ks_tx = ks_s + ks_lo, ks_e = Math.min(ks_bdx, ks_s + ks_hi); ks_tx < ks_e; ks_tx++) {'];
  const zy: readonly Header[] = team ? TEAM_ZY : zyHeaders();
  nest(host, ['{'], () => {
    // Clamped to [0, period] in doubles first, so `U + 1` cannot wrap.
    host.line(`const ks_lo = ${lo}, ks_hi = ${hi};`);
    nest(host, [...zy, ...x], () => {
      if (indexed) host.line('const ks_i = (ks_tz * ks_bdy + ks_ty) * ks_bdx + ks_tx;');
      body();
    });
  });
}

/** A guarded region's x range in each period, as JS (narrow.ts). */
function guardBounds(g: GuardRange, host: RegionHost): { lo: string; hi: string } {
  const period = g.period === null ? 'ks_bdx' : String(g.period);
  const bound = (e: Exclude<GuardRange['lo'], 'zero'>, plusOne: boolean): string => {
    const v = e.k === 'const' && typeof e.value === 'number' ? g.scale * (e.value + (plusOne ? 1 : 0)) : null;
    if (v !== null && g.period !== null) return String(Math.min(Math.max(v, 0), g.period));
    if (v !== null) return v <= 0 ? '0' : `Math.min(${v}, ks_bdx)`;
    const u = `${host.uniform(e)}${plusOne ? ' + 1' : ''}`;
    return `Math.min(Math.max(${g.scale === 1 ? u : `${g.scale} * (${u})`}, 0), ${period}) | 0`;
  };
  const lo = g.lo === 'zero' ? '0' : bound(g.lo, g.loPlusOne);
  const hi = g.hi === 'none' ? period : bound(g.hi, g.hiPlusOne);
  return { lo, hi };
}

/** Every local a region declares, nested blocks included (names are unique per function). */
function declaredIn(region: readonly Stmt[]): Set<string> {
  const out = new Set<string>();
  visitStmts(region, (s) => {
    if (s.k === 'let' || s.k === 'localArray') out.add(s.name);
  });
  return out;
}

/** The recomputed locals a region reads but does not declare, with their inputs, in declaration order. */
function rematNeeded(used: Set<string>, here: Set<string>, plan: RegionPlan): Stmt[] {
  const need = new Set([...used].filter((n) => plan.remat.has(n) && !here.has(n)));
  for (let grew = true; grew; ) {
    grew = false;
    for (const n of [...need]) {
      const init = plan.remat.get(n)?.init;
      if (!init) continue;
      visitExpr(init, (x) => {
        if (x.k === 'load' && plan.remat.has(x.name) && !need.has(x.name) && !here.has(x.name)) {
          need.add(x.name);
          grew = true;
        }
      });
    }
  }
  return [...plan.remat].filter(([n]) => need.has(n)).map(([, s]) => s);
}
