// The reference semantics of generated programs, written from docs/language.md and independent of
// the compiler: integers exact (wrapping, truncating division, shifts by the low 5 bits), f32 with
// an error bound (f32-bounds.ts), and values that undefined behaviour or a too-close decision
// affects marked unknown. A thread whose control flow depends on an unknown value is unknown whole.
import { compare, f32Binary, f32Compare, f32Math, f32ToInt, good, intToF32, bad as badVal, truthy, type Val } from './f32-bounds.js';
import { PRELUDE_VARS } from './generate.js';
import { IN_SLOTS, type Expr, type Helper, type Int, type Num, type Program, type Scalar, type Stmt } from './program.js';

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
}

/** What one output slot must hold: a value within `e`, its initial content, or anything. */
export type Expected = { k: 'value'; v: number; e: number } | { k: 'unwritten' } | { k: 'unknown'; why: string };

export interface Reference {
  OI: Expected[];
  OU: Expected[];
  OF: Expected[];
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
  readonly out: { OI: Expected[]; OU: Expected[]; OF: Expected[] };
  private steps = 0;
  /** The return type of the helper being run. */
  private retType: Scalar = 'i32';

  constructor(
    private readonly prog: Program,
    private readonly helpers: Map<string, Helper>,
    private readonly inp: Inputs,
    private readonly gi: number,
  ) {
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

  run(): void {
    try {
      this.block(this.prog.body);
    } catch (e) {
      if (!(e instanceof Unknown)) throw e;
      this.poisoned = e.message;
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
    }
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
        if (e.t === 'f32') return { v: -n(a), e: a.e, bad: null };
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
    }
  }
}

export function reference(prog: Program, inp: Inputs): Reference {
  const helpers = new Map(prog.helpers.map((h) => [h.name, h]));
  const ref: Reference = { OI: [], OU: [], OF: [] };
  for (let gi = 0; gi < inp.n; gi++) {
    const th = new Thread(prog, helpers, inp, gi);
    th.run();
    for (const arr of ['OI', 'OU', 'OF'] as const) {
      for (const x of th.out[arr]) ref[arr].push(th.poisoned ? { k: 'unknown', why: th.poisoned } : x);
    }
  }
  return ref;
}
