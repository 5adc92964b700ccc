// The reference's memory shared between threads: atomic cells (global ones for the whole launch,
// shared ones per block) and shared arrays with a race check. Threads of a block run one after
// another between barriers, which is exact when no two of them race; the generator promises that,
// and `SharedArrays` checks it (a race is a generator bug, not an unknown value).
import { bad, type Val } from './f32-bounds.js';
import { ATOMIC_CELLS, SHARED_LEN, type Int } from './program.js';

const ORDER = 'atomic old value depends on the threads\' order';

/** The one kind of operation a cell saw since `since` (its final value is order-free only then). */
interface Cell {
  val: Val;
  kind: string | null;
  /** The phase `kind` belongs to. */
  phase: number;
}

/** One atomic operation: what it does to a cell, and the kind it has for the order check. */
export interface AtomicUpdate {
  kind: string;
  apply(cur: number): number;
}

/** Cells updated by atomics; `phase` is the barrier count (shared) or 0 (global: one launch). */
export class AtomicCells {
  readonly cells: Cell[];
  constructor(init: ArrayLike<number> | null, readonly t: Int) {
    this.cells = Array.from({ length: init ? init.length : SHARED_LEN }, (_, i) => ({ val: init ? { v: init[i] as number, e: 0, bad: null } : bad('shared memory read before written'), kind: null, phase: -1 }));
  }

  /** Applies `u` to cell i; returns the old value, which is never order-free. */
  update(i: number, u: AtomicUpdate | null, phase: number): Val {
    const c = this.cells[i] as Cell;
    if (c.phase !== phase) {
      c.phase = phase;
      c.kind = null;
    }
    if (u === null) c.val = bad('atomic with an unknown value');
    else if (c.kind !== null && c.kind !== u.kind) c.val = bad('atomics of different kinds on one cell');
    else if (c.val.bad === null) c.val = { v: u.apply(c.val.v as number), e: 0, bad: null };
    if (u) c.kind = u.kind;
    return bad(ORDER);
  }

  /** Cells `group`, `group + 4`, … (an atomic whose index is unknown); all of them for `null`. */
  spoil(group: number | null, why: string): void {
    this.cells.forEach((c, i) => {
      if (group === null || (i < ATOMIC_CELLS && (i & 3) === group)) c.val = bad(why);
    });
  }
}

/** Race bookkeeping of one shared element: who wrote and who read it in which phase. */
interface Access {
  wPhase: number;
  writer: number;
  rPhase: number;
  /** The reader, or -2 for several. */
  reader: number;
}

const ATOMIC_WRITER = -3;

/** A block's shared arrays: plain elements, atomic cells, and the accesses of the current phase. */
export class SharedArrays {
  phase = 0;
  private readonly arrays = new Map<string, { cells: AtomicCells; acc: Access[] }>();

  declare(name: string, t: Int | 'f32'): void {
    if (this.arrays.has(name)) return;
    const cells = new AtomicCells(null, t === 'f32' ? 'i32' : t);
    this.arrays.set(name, { cells, acc: cells.cells.map(() => ({ wPhase: -1, writer: -1, rPhase: -1, reader: -1 })) });
  }

  private get(name: string): { cells: AtomicCells; acc: Access[] } {
    const a = this.arrays.get(name);
    if (!a) throw new Error(`reference: no shared array ${name}`);
    return a;
  }

  private race(name: string, i: number, what: string): never {
    throw new Error(`reference: ${what} of ${name}[${i}] races with another thread (generator bug)`);
  }

  read(name: string, i: number, thread: number): Val {
    const a = this.get(name);
    const x = a.acc[i] as Access;
    if (x.wPhase === this.phase && x.writer !== thread) this.race(name, i, 'a read');
    if (x.rPhase !== this.phase) {
      x.rPhase = this.phase;
      x.reader = thread;
    } else if (x.reader !== thread) x.reader = -2;
    return (a.cells.cells[i] as Cell).val;
  }

  write(name: string, i: number, thread: number, v: Val): void {
    const a = this.get(name);
    const x = a.acc[i] as Access;
    if (x.wPhase === this.phase && x.writer !== thread) this.race(name, i, 'a write');
    if (x.rPhase === this.phase && x.reader !== thread) this.race(name, i, 'a write');
    x.wPhase = this.phase;
    x.writer = thread;
    (a.cells.cells[i] as Cell).val = v;
  }

  atomic(name: string, i: number, u: AtomicUpdate | null): Val {
    const a = this.get(name);
    const x = a.acc[i] as Access;
    if ((x.wPhase === this.phase && x.writer !== ATOMIC_WRITER) || x.rPhase === this.phase) this.race(name, i, 'an atomic');
    x.wPhase = this.phase;
    x.writer = ATOMIC_WRITER;
    return a.cells.update(i, u, this.phase);
  }

  cells(name: string): AtomicCells {
    return this.get(name).cells;
  }

  /** A thread whose control flow is unknown: its own elements of every array are unknown from now on. */
  spoilOwn(thread: number, why: string): void {
    for (const a of this.arrays.values()) {
      const c = a.cells.cells[thread];
      if (c) c.val = bad(why);
    }
  }

  barrier(): void {
    this.phase++;
  }
}
