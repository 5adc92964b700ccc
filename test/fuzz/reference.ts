// The reference semantics of generated programs, written from docs/language.md and independent of
// the compiler: integers exact (wrapping, truncating division, shifts by the low 5 bits), f32 with
// an error bound (f32-bounds.ts), and values that undefined behaviour or a too-close decision
// affects marked unknown. A thread whose control flow depends on an unknown value is unknown whole.
// Threads run block by block, each up to the next barrier in turn (reference-memory.ts); atomics
// apply in that order, and a cell's final value counts only where every order gives it.
import { compare, f32Binary, f32Compare, f32Math, f32ToInt, good, intToF32, bad as badVal, truthy, type Val } from './f32-bounds.js';
import { PRELUDE_VARS } from './generate.js';
import { ATOMIC_CELLS, GLOBAL_ATOMIC, IN_SLOTS, SHARED_LEN, type Expr, type Helper, type Int, type Num, type Program, type Scalar, type Stmt } from './program.js';
import { AtomicCells, SharedArrays, type AtomicUpdate } from './reference-memory.js';

export interface Inputs {
  A: Int32Array;
  U: Uint32Array;
  F: Float32Array;
  n: number;
  p: number;
  q: number;
  r: number;
  flag: boolean;
  block: number;
  /** The global atomic arrays' initial contents. */
  GI: Int32Array;
  GU: Uint32Array;
}

/** What one output slot must hold: a value within `e`, its initial content, or anything. */
export type Expected = { k: 'value'; v: number; e: number } | { k: 'unwritten' } | { k: 'unknown'; why: string };

export interface Reference {
  OI: Expected[];
  OU: Expected[];
  OF: Expected[];
  GI: Expected[];
  GU: Expected[];
}

/** What threads of one launch share: the global atomic arrays, and their block's shared arrays. */
interface Memory {
  global: Record<keyof typeof GLOBAL_ATOMIC, AtomicCells>;
  shared: SharedArrays;
}

const I32_MIN = -(2 ** 31);
const wrapI = (x: number): number => x | 0;
const wrapU = (x: number): number => x >>> 0;
const wrap = (t: Int, x: number): number => (t === 'i32' ? wrapI(x) : wrapU(x));

class Unknown extends Error {}
type Flow = { k: 'normal' } | { k: 'break' } | { k: 'continue' } | { k: 'return'; value: Val | null };
const NORMAL: Flow = { k: 'normal' };

interface Slot {
  val: Val;
  t: Scalar;
}

class Env {
  readonly vars = new Map<string, Slot>();
  readonly arrays = new Map<string, { elem: Num; data: Val[] }>();
  constructor(readonly parent: Env | null) {}
  slot(name: string): Slot {
    const s = this.vars.get(name) ?? this.parent?.slot(name);
    if (!s) throw new Error(`reference: no variable ${name}`);
    return s;
  }
  array(name: string): { elem: Num; data: Val[] } {
    const a = this.arrays.get(name) ?? this.parent?.array(name);
    if (!a) throw new Error(`reference: no local array ${name}`);
    return a;
  }
}

const isBad = (v: Val): boolean => v.bad !== null;
const n = (v: Val): number => v.v as number;

function intBinary(op: string, t: Int, a: Val, b: Val, bt: Int): Val {
  const x = n(a), y = n(b);
  switch (op) {
    case '+':
      return good(wrap(t, x + y));
    case '-':
      return good(wrap(t, x - y));
    case '*':
      return good(wrap(t, Math.imul(x, y)));
    case '/':
    case '%':
      if (y === 0) return badVal('integer division by zero');
      if (t === 'i32' && x === I32_MIN && y === -1) return badVal('i32 overflow in division');
      return good(wrap(t, op === '/' ? Math.trunc(x / y) : x % y));
    case '&':
      return good(wrap(t, x & y));
    case '|':
      return good(wrap(t, x | y));
    case '^':
      return good(wrap(t, x ^ y));
  }
  const s = (bt === 'u32' ? y : y >>> 0) & 31;
  switch (op) {
    case '<<':
      return good(wrap(t, x << s));
    case '>>':
      return good(t === 'i32' ? x >> s : x >>> s);
    case '>>>':
      return good(wrap(t, x >>> s));
  }
  throw new Error(`intBinary: ${op}`);
}

class Thread {
  private env: Env;
  /** Set when control flow depended on an unknown value. */
  poisoned: string | null = null;
  /** Returned from the kernel. */
  done = false;
  readonly tid: number;
  readonly out: { OI: Expected[]; OU: Expected[]; OF: Expected[] };
  private steps = 0;
  /** The return type of the helper being run. */
  private retType: Scalar = 'i32';

  constructor(
    private readonly prog: Program,
    private readonly helpers: Map<string, Helper>,
    private readonly inp: Inputs,
    private readonly gi: number,
    private readonly mem: Memory,
  ) {
    this.tid = gi % inp.block;
    this.env = new Env(null);
    const base = gi * IN_SLOTS;
    const init: Record<string, number | boolean> = { gi, p: inp.p, q: inp.q, r: inp.r, flag: inp.flag };
    for (let i = 0; i < IN_SLOTS; i++) {
      init[`a${i}`] = inp.A[base + i] as number;
      init[`u${i}`] = inp.U[base + i] as number;
      init[`f${i}`] = inp.F[base + i] as number;
    }
    for (const [name, t] of PRELUDE_VARS) this.env.vars.set(name, { t, val: good(init[name] as number | boolean) });
    const fill = (k: number): Expected[] => Array.from({ length: k }, () => ({ k: 'unwritten' }) as Expected);
    this.out = { OI: fill(prog.slots.OI), OU: fill(prog.slots.OU), OF: fill(prog.slots.OF) };
  }

  get live(): boolean {
    return !this.poisoned && !this.done;
  }

  enter(): void {
    this.env = new Env(this.env);
  }

  leave(): void {
    this.env = this.env.parent ?? this.env;
  }

  setVar(name: string, v: number): void {
    this.env.vars.set(name, { t: 'i32', val: good(v) });
  }

  /** Runs statements (up to a barrier) in the current scope; false if the thread became unknown. */
  exec(ss: readonly Stmt[]): boolean {
    try {
      for (const s of ss) {
        const f = this.stmt(s);
        if (f.k === 'return') {
          this.done = true;
          break;
        }
        if (f.k !== 'normal') throw new Error(`reference: ${f.k} outside a loop (generator bug)`);
      }
      return true;
    } catch (e) {
      if (!(e instanceof Unknown)) throw e;
      this.poisoned = e.message;
      return false;
    }
  }

  /** A decision on an unknown value ends what can be said about this thread. */
  private decide(v: Val, t: Scalar): boolean {
    const b = truthy(v, t);
    if (isBad(v) || isBad(b)) throw new Unknown(`control flow on an unknown value (${v.bad ?? b.bad})`);
    return b.v as boolean;
  }

  private block(ss: readonly Stmt[]): Flow {
    const outer = this.env;
    this.env = new Env(outer);
    try {
      for (const s of ss) {
        const f = this.stmt(s);
        if (f.k !== 'normal') return f;
      }
      return NORMAL;
    } finally {
      this.env = outer;
    }
  }

  private tick(): void {
    if (++this.steps > 200_000) throw new Error('reference: runaway loop (generator bug)');
  }

  private convertTo(t: Scalar, v: Val, from: Scalar): Val {
    if (isBad(v)) return v;
    if (t === from) return v;
    if (t === 'bool') return truthy(v, from);
    if (from === 'bool') return good(v.v ? 1 : 0);
    if (t === 'f32') return intToF32(v);
    if (from === 'f32') return f32ToInt(v, t);
    return good(wrap(t, n(v)));
  }

  private stmt(s: Stmt): Flow {
    this.tick();
    switch (s.k) {
      case 'let': {
        const val = s.init ? this.convertTo(s.t, this.expr(s.init), s.init.t) : good(s.t === 'bool' ? false : 0);
        this.env.vars.set(s.name, { t: s.t, val });
        return NORMAL;
      }
      case 'assign': {
        const slot = this.env.slot(s.name);
        const value = this.expr(s.value);
        if (s.op === '=') slot.val = this.convertTo(slot.t, value, s.value.t);
        else slot.val = this.binary(s.op.slice(0, -1), slot.t, slot.val, slot.t, value, s.value.t);
        return NORMAL;
      }
      case 'incr': {
        const slot = this.env.slot(s.name);
        slot.val = isBad(slot.val) ? slot.val : good(wrap(slot.t as Int, n(slot.val) + (s.op === '++' ? 1 : -1)));
        return NORMAL;
      }
      case 'larr':
        this.env.arrays.set(s.name, { elem: s.elem, data: Array.from({ length: s.len }, () => good(0)) });
        return NORMAL;
      case 'store': {
        const arr = this.env.array(s.arr);
        const i = this.index(s.idx, s.len);
        const value = this.expr(s.value);
        const cur = arr.data[i] as Val;
        arr.data[i] = s.op === '=' ? this.convertTo(s.elem, value, s.value.t) : this.binary('+', s.elem, cur, s.elem, value, s.value.t);
        return NORMAL;
      }
      case 'out': {
        const t = s.arr === 'OI' ? 'i32' : s.arr === 'OU' ? 'u32' : 'f32';
        const v = this.convertTo(t, this.expr(s.value), s.value.t);
        this.out[s.arr][s.slot] = isBad(v) ? { k: 'unknown', why: v.bad as string } : { k: 'value', v: n(v), e: v.e };
        return NORMAL;
      }
      case 'if':
        if (this.decide(this.expr(s.c), s.c.t)) return this.block(s.then);
        return s.else ? this.block(s.else) : NORMAL;
      case 'for': {
        const outer = this.env;
        this.env = new Env(outer);
        try {
          this.env.vars.set(s.v, { t: s.t, val: good(s.from) });
          for (;;) {
            this.tick();
            const slot = this.env.slot(s.v);
            const cmp = this.binary('<', 'bool', slot.val, s.t, this.expr(s.to), s.to.t);
            if (!this.decide(cmp, 'bool')) break;
            const f = this.block(s.body);
            if (f.k === 'break') break;
            if (f.k === 'return') return f;
            slot.val = good(wrap(s.t, n(slot.val) + s.step));
          }
          return NORMAL;
        } finally {
          this.env = outer;
        }
      }
      case 'while': {
        this.env.vars.set(s.v, { t: 'i32', val: good(0) });
        const counter = this.env.slot(s.v);
        for (;;) {
          this.tick();
          if (!s.doWhile && !((counter.val.v as number) < s.trips)) break;
          counter.val = good((counter.val.v as number) + 1);
          const f = this.block(s.body);
          if (f.k === 'break') break;
          if (f.k === 'return') return f;
          if (s.doWhile) {
            if (!((counter.val.v as number) < s.trips)) break;
            if (s.c && !this.decide(this.expr(s.c), s.c.t)) break;
          }
        }
        return NORMAL;
      }
      case 'break':
        return { k: 'break' };
      case 'continue':
        return { k: 'continue' };
      case 'return':
        return { k: 'return', value: s.value ? this.convertTo(this.retType, this.expr(s.value), s.value.t) : null };
      case 'block':
        return this.block(s.body);
      case 'sarr':
        this.mem.shared.declare(s.name, s.elem);
        return NORMAL;
      case 'sstore': {
        const value = this.expr(s.value);
        const v = s.op === '=' ? this.convertTo(s.elem, value, s.value.t) : this.binary('+', s.elem, this.mem.shared.read(s.arr, this.tid, this.tid), s.elem, value, s.value.t);
        this.mem.shared.write(s.arr, this.tid, this.tid, v);
        return NORMAL;
      }
      case 'atomic':
        this.atomic(s);
        return NORMAL;
      case 'sync':
      case 'syncfor':
        throw new Error('reference: a barrier below the top level of a segment (generator bug)');
    }
  }

  private atomic(s: Extract<Stmt, { k: 'atomic' }>): void {
    const global = s.arr === 'GI' || s.arr === 'GU';
    const cells = global ? this.mem.global[s.arr as 'GI' | 'GU'] : this.mem.shared.cells(s.arr);
    let cell = s.group;
    if (s.idx) {
      const i = this.expr(s.idx);
      if (isBad(i)) {
        cells.spoil(s.group, `atomic at an unknown index (${i.bad})`);
        if (s.bind && !s.loop) this.env.vars.set(s.bind, { t: s.elem, val: badVal('atomic at an unknown index') });
        return;
      }
      cell = ((n(i) & 3) * 4 + s.group) % ATOMIC_CELLS;
    }
    const u = this.update(s);
    const old = global ? cells.update(cell, u, 0) : this.mem.shared.atomic(s.arr, cell, u);
    if (s.bind && !s.loop) this.env.vars.set(s.bind, { t: s.elem, val: old });
  }

  /** What an atomic does to its cell; null if its value is unknown. */
  private update(s: Extract<Stmt, { k: 'atomic' }>): AtomicUpdate | null {
    const t = s.elem;
    const x = this.prog.xchg[s.arr];
    if (s.op === 'atomicExch' || (s.op === 'atomicCAS' && !s.loop)) {
      if (!x) throw new Error(`reference: no exchange constants for ${s.arr}`);
      if ('exch' in x) return { kind: `exch ${x.exch}`, apply: () => wrap(t, x.exch) };
      const e = wrap(t, x.expected), v = wrap(t, x.value);
      return { kind: `cas ${e} ${v}`, apply: (c) => (c === e ? v : c) };
    }
    const value = this.convertTo(t, this.expr(s.value as Expr), (s.value as Expr).t);
    if (isBad(value)) return null;
    const v = n(value);
    if (s.loop === 'max' || s.op === 'atomicMax') return { kind: 'max', apply: (c) => Math.max(c, v) };
    if (s.op === 'atomicMin') return { kind: 'min', apply: (c) => Math.min(c, v) };
    return { kind: 'add', apply: (c) => wrap(t, s.op === 'atomicSub' ? c - v : c + v) };
  }

  /** A local array index: masked into bounds; an unknown index makes the thread unknown. */
  private index(e: Expr, len: number): number {
    const v = this.expr(e);
    if (isBad(v)) throw new Unknown(`local array index unknown (${v.bad})`);
    return (n(v) & (len - 1)) >>> 0;
  }

  /** `a op b` where a has type at and b type bt (an integer b next to an f32 a is promoted). */
  private binary(op: string, t: Scalar, a: Val, at: Scalar, b: Val, bt: Scalar): Val {
    if (isBad(a)) return a;
    if (isBad(b)) return b;
    if (t === 'f32' || (at === 'f32' && op !== '<<' && op !== '>>' && op !== '>>>')) {
      const x = this.convertTo('f32', a, at);
      const y = this.convertTo('f32', b, bt);
      if (op === '**') return f32Binary(op, x, y);
      return t === 'bool' ? f32Compare(op, x, y) : f32Binary(op, x, y);
    }
    if (t === 'bool') return good(compare(op, a.v, b.v));
    return intBinary(op, t as Int, a, b, bt as Int);
  }

  expr(e: Expr): Val {
    switch (e.k) {
      case 'lit':
        return good(e.v);
      case 'name':
        return this.env.slot(e.name).val;
      case 'builtin': {
        const { block } = this.inp;
        return good(e.name === 'threadIdx' ? this.gi % block : e.name === 'blockIdx' ? Math.floor(this.gi / block) : block);
      }
      case 'mathConst':
        return good(Math.fround(e.name === 'PI' ? Math.PI : Math.E));
      case 'input': {
        const arr = e.arr === 'A' ? this.inp.A : e.arr === 'U' ? this.inp.U : this.inp.F;
        return good(arr[this.gi * IN_SLOTS + e.slot] as number);
      }
      case 'bin': {
        if (e.op === '&&' || e.op === '||') {
          const a = truthy(this.expr(e.a), e.a.t);
          if (isBad(a)) return a;
          if (e.op === '&&' ? !a.v : a.v) return good(a.v);
          return truthy(this.expr(e.b), e.b.t);
        }
        // Comparisons take the operands' type; the rest produce e.t.
        const a = this.expr(e.a);
        const b = this.expr(e.b);
        if (e.t === 'bool') {
          const ot = e.a.t === 'f32' || e.b.t === 'f32' ? 'f32' : e.a.t;
          if (ot === 'f32') {
            if (isBad(a)) return a;
            if (isBad(b)) return b;
            return f32Compare(e.op, this.convertTo('f32', a, e.a.t), this.convertTo('f32', b, e.b.t));
          }
          return this.binary(e.op, 'bool', a, e.a.t, b, e.b.t);
        }
        return this.binary(e.op, e.t, a, e.a.t, b, e.b.t);
      }
      case 'un': {
        const a = this.expr(e.a);
        if (isBad(a)) return a;
        if (e.op === '!') {
          const b = truthy(a, e.a.t);
          return isBad(b) ? b : good(!b.v);
        }
        if (e.op === '+') return a;
        if (e.t === 'f32') return { ...a, v: -n(a) };
        return good(wrap(e.t as Int, e.op === '-' ? -n(a) : ~n(a)));
      }
      case 'conv':
        return this.convertTo(e.t, this.expr(e.a), e.a.t);
      case 'promote':
        return this.convertTo('f32', this.expr(e.a), e.a.t);
      case 'math': {
        const at = e.fn === 'abs' || e.fn === 'min' || e.fn === 'max' ? e.t : 'f32';
        const args = e.args.map((x) => this.convertTo(at, this.expr(x), x.t));
        const b = args.find(isBad);
        if (b) return b;
        if (e.t === 'f32') return f32Math(e.fn, args);
        const vs = args.map(n);
        if (e.fn === 'abs') return good(wrap(e.t as Int, Math.abs(vs[0] as number)));
        return good(e.fn === 'min' ? Math.min(...vs) : Math.max(...vs));
      }
      case 'cond': {
        const c = truthy(this.expr(e.c), e.c.t);
        if (isBad(c)) return c;
        return c.v ? this.expr(e.a) : this.expr(e.b);
      }
      case 'call': {
        const h = this.helpers.get(e.fn);
        if (!h) throw new Error(`reference: no helper ${e.fn}`);
        const args = e.args.map((x, i) => this.convertTo((h.params[i] as { t: Scalar }).t, this.expr(x), x.t));
        const outer = this.env;
        this.env = new Env(null);
        try {
          h.params.forEach((p, i) => this.env.vars.set(p.name, { t: p.t, val: args[i] as Val }));
          const outerRet = this.retType;
          this.retType = h.ret;
          const f = this.block(h.body);
          this.retType = outerRet;
          if (f.k !== 'return' || !f.value) throw new Error(`reference: helper ${h.name} ended without a value`);
          return f.value;
        } finally {
          this.env = outer;
        }
      }
      case 'load': {
        const arr = this.env.array(e.arr);
        return arr.data[this.index(e.idx, e.len)] as Val;
      }
      case 'sload': {
        if (!e.idx) return this.mem.shared.read(e.arr, this.tid, this.tid);
        const i = this.expr(e.idx);
        if (isBad(i)) return badVal(`shared index unknown (${i.bad})`);
        return this.mem.shared.read(e.arr, (n(i) & (e.mask === 'len' ? SHARED_LEN - 1 : this.inp.block - 1)) >>> 0, this.tid);
      }
    }
  }
}

/** The arrays of atomic statements in `ss`, nested ones included. */
function atomicArrays(ss: readonly Stmt[], into: Set<string>): Set<string> {
  for (const s of ss) {
    if (s.k === 'atomic') into.add(s.arr);
    else if (s.k === 'if') {
      atomicArrays(s.then, into);
      if (s.else) atomicArrays(s.else, into);
    } else if (s.k === 'for' || s.k === 'while' || s.k === 'block' || s.k === 'syncfor') atomicArrays(s.body, into);
  }
  return into;
}

/** Runs one block's threads through the body, barrier to barrier. */
class BlockRun {
  /** Per top-level statement: the arrays that atomics from it on may touch. */
  private readonly later: Set<string>[];

  constructor(
    private readonly body: readonly Stmt[],
    private readonly threads: readonly Thread[],
    private readonly mem: Memory,
  ) {
    this.later = body.map((_, i) => atomicArrays(body.slice(i), new Set()));
  }

  run(): void {
    for (const th of this.threads) th.enter();
    this.items(this.body, null);
  }

  /** `top`: the index in the body of the statement `items` belong to (null: items are the body). */
  private items(items: readonly Stmt[], top: number | null): void {
    let seg: Stmt[] = [];
    let start = 0;
    const flush = (): void => {
      for (const th of this.threads) if (th.live && !th.exec(seg)) this.poisoned(th, top ?? start);
      seg = [];
    };
    items.forEach((s, i) => {
      if (seg.length === 0) start = i;
      if (s.k === 'sync') {
        flush();
        this.mem.shared.barrier();
      } else if (s.k === 'syncfor') {
        flush();
        for (const th of this.threads) {
          th.enter();
          th.setVar(s.v, 0);
        }
        for (let trip = 0; trip < s.trips; trip++) {
          for (const th of this.threads) {
            th.setVar(s.v, trip);
            th.enter();
          }
          this.items(s.body, top ?? i);
          for (const th of this.threads) th.leave();
        }
        for (const th of this.threads) th.leave();
      } else {
        seg.push(s);
        // Statement by statement at the top level (any order of threads is exact between barriers),
        // so that a thread going unknown spoils only the atomics after it.
        if (top === null) flush();
      }
    });
    flush();
  }

  /** A thread that went unknown: what it may still write is unknown too. */
  private poisoned(th: Thread, top: number): void {
    const why = `a thread with unknown control flow may write here (${th.poisoned})`;
    this.mem.shared.spoilOwn(th.tid, why);
    for (const arr of this.later[top] ?? []) {
      if (arr === 'GI' || arr === 'GU') this.mem.global[arr].spoil(null, why);
      else this.mem.shared.cells(arr).spoil(null, why);
    }
  }
}

export function reference(prog: Program, inp: Inputs): Reference {
  const helpers = new Map(prog.helpers.map((h) => [h.name, h]));
  const ref: Reference = { OI: [], OU: [], OF: [], GI: [], GU: [] };
  const global = { GI: new AtomicCells(inp.GI, 'i32'), GU: new AtomicCells(inp.GU, 'u32') };
  for (let b0 = 0; b0 < inp.n; b0 += inp.block) {
    const mem: Memory = { global, shared: new SharedArrays() };
    const threads: Thread[] = [];
    for (let gi = b0; gi < Math.min(inp.n, b0 + inp.block); gi++) threads.push(new Thread(prog, helpers, inp, gi, mem));
    new BlockRun(prog.body, threads, mem).run();
    for (const th of threads) {
      for (const arr of ['OI', 'OU', 'OF'] as const) {
        for (const x of th.out[arr]) ref[arr].push(th.poisoned ? { k: 'unknown', why: th.poisoned } : x);
      }
    }
  }
  for (const arr of ['GI', 'GU'] as const) {
    ref[arr] = global[arr].cells.map((c): Expected => (c.val.bad ? { k: 'unknown', why: c.val.bad } : { k: 'value', v: c.val.v as number, e: 0 }));
  }
  return ref;
}
