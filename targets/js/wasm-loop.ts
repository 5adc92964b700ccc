// Loops and whole thread loops of the cpu backend's code as WebAssembly functions. JS does f32
// arithmetic in double and rounds each result with Math.fround; V8 keeps that, about three times
// slower than f32 instructions. The functions compute exactly what the JS does: f32
// add/sub/mul/div round as fround of the double result does, i32 ops wrap as `| 0` and Math.imul
// do (integer division is spelled out: JS gives 0 where b is 0, WebAssembly would trap), threads
// and statements run in the same order. Operations whose JS meaning WebAssembly spells differently
// (float-to-int casts, most math, f16 and 16-bit arrays) keep the code JS. Two forms (the contract
// with the runtime: core/wasm-link.ts):
// - a loop (compileLoop) that reads global or shared f32/i32/u32 arrays and writes only locals:
//   where JS would read out of bounds it returns 1 before anything is written, and the printer's
//   JS loop runs instead, keeping JS's semantics;
// - a region's thread loop (compileRegion): every thread of the block runs the region's statements,
//   stores included. It cannot hand over midway, so it reads f32 arrays only (besides the per-thread
//   cells), where JS's out-of-bounds `undefined` acts as NaN in arithmetic, ordering and stores
//   (an `==` of two values that may both be `undefined` keeps the region JS), and it skips an
//   out-of-bounds store as a typed array does.
// Values from outside (locals) may be `undefined` in JS too; the printer calls only where none is.
import type { ElemType, Expr, ScalarType, Stmt } from '../../core/ir/types.js';
import { WASM_OUT_SLOTS } from '../../core/wasm-link.js';
import { visitStmts } from '../../core/ir/walk.js';
import { F32, I32, OP, VOID, f32Bytes, sleb, uleb, type ValType, type WasmFunction } from './wasm-encode.js';

type Loop = Extract<Stmt, { k: 'loop' }>;

export interface WasmLoop {
  fn: WasmFunction;
  /** The arrays read, in parameter order (address, then element count, each). */
  arrays: string[];
  /** Values from outside the loop (locals, scalar parameters, builtins), in parameter order. */
  inputs: Expr[];
  /** Locals declared outside and assigned inside: their values in the out area, in order. */
  outputs: { name: string; type: ScalarType }[];
  /**
   * A counted loop (`v < bound` or `<=`, v += step): where fewer iterations are left than pay for
   * the call, the JS loop runs (`bound − v` below `span`); null: the body alone pays for it.
   */
  count: { v: string; bound: Expr; span: number } | null;
}

/**
 * A region's thread loop: its arrays and inputs as a loop's (no outputs, no count); `range`: x runs
 * over [lo, hi) only, two more arguments before the out area (a guarded region, narrow.ts).
 */
export type WasmRegion = Pick<WasmLoop, 'fn' | 'arrays' | 'inputs'> & { range: boolean };

/**
 * Operations (an index read counts two) a call must cover to pay for itself: a call with its
 * arguments and results costs about what JS spends on that many; measured on the MNIST step's and a
 * matmul's loops (wasm pays from there) and a reduction over four partial rows (it did not).
 */
export const CALL_WORK = 64;

/** What the compiler knows of an array: its element type; `cell`: a region's per-thread storage, indexed in bounds by construction. */
export interface ArrayInfo {
  elem: ElemType;
  cell: boolean;
}

class Ineligible extends Error {}

function no(): never {
  throw new Ineligible();
}

const valType = (t: ScalarType): ValType => (t === 'f32' ? F32 : t === 'i32' || t === 'u32' || t === 'bool' ? I32 : no());

/** Loads and stores of an element type: f32, 32-bit integers, and bytes (bool cells). */
const LOAD: Partial<Record<ElemType, number>> = { f32: OP.f32_load, i32: OP.i32_load, u32: OP.i32_load, u8: OP.i32_load8_u };
const STORE: Partial<Record<ElemType, number>> = { f32: OP.f32_store, i32: OP.i32_store, u32: OP.i32_store, u8: OP.i32_store8 };
const SHIFT: Partial<Record<ElemType, number>> = { f32: 2, i32: 2, u32: 2, u8: 0 };
const NAN = [0x00, 0x00, 0xc0, 0x7f];

const F32_BIN: Partial<Record<string, number>> = {
  '+': OP.f32_add, '-': OP.f32_sub, '*': OP.f32_mul, '/': OP.f32_div,
  '<': OP.f32_lt, '<=': OP.f32_le, '>': OP.f32_gt, '>=': OP.f32_ge, '==': OP.f32_eq, '!=': OP.f32_ne,
};
const INT_BIN: Partial<Record<string, number>> = {
  '+': OP.i32_add, '-': OP.i32_sub, '*': OP.i32_mul, '&': OP.i32_and, '|': OP.i32_or, '^': OP.i32_xor,
  '<<': OP.i32_shl, '>>>': OP.i32_shr_u, '==': OP.i32_eq, '!=': OP.i32_ne,
};
const I32_BIN: Partial<Record<string, number>> = {
  ...INT_BIN, '>>': OP.i32_shr_s, '<': OP.i32_lt_s, '<=': OP.i32_le_s, '>': OP.i32_gt_s, '>=': OP.i32_ge_s,
};
const U32_BIN: Partial<Record<string, number>> = {
  ...INT_BIN, '>>': OP.i32_shr_u, '<': OP.i32_lt_u, '<=': OP.i32_le_u, '>': OP.i32_gt_u, '>=': OP.i32_ge_u,
};

/** The thread loop's own locals in a region: the index of the thread's cells, and threadIdx. */
export const CELL_INDEX = '#i';
const THREAD = { x: '#tx', y: '#ty', z: '#tz' } as const;

/** Key of an input value: one parameter per distinct local, scalar parameter or builtin. */
function inputKey(e: Expr, region: boolean): string | null {
  if (e.k === 'load') return `load:${e.name}`;
  if (e.k === 'param') return `param:${e.name}`;
  if (e.k === 'builtin' && !(region && e.name === 'threadIdx')) return `builtin:${e.name}.${e.axis}`;
  return null;
}

/**
 * Whether JS may hold `undefined` here: an element read out of bounds, an atomic, a helper's or
 * warp operation's result, or a local that took one (`maybe`); arithmetic and conversions that
 * coerce never do.
 */
function mayBeUndefined(e: Expr, maybe: ReadonlySet<string>): boolean {
  switch (e.k) {
    case 'index':
    case 'atomic':
    case 'call':
    case 'warp':
      return true;
    case 'load':
      return maybe.has(e.name);
    case 'select':
      return mayBeUndefined(e.then, maybe) || mayBeUndefined(e.else, maybe);
    case 'cast':
      return mayBeUndefined(e.arg, maybe);
    default:
      return false;
  }
}

/** The locals of `body` that may hold `undefined` in JS (mayBeUndefined), to a fixed point. */
export function undefinedLocals(body: readonly Stmt[]): Set<string> {
  const maybe = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    visitStmts(body, (s) => {
      const names = s.k === 'vload' ? s.names : (s.k === 'let' && s.init && mayBeUndefined(s.init, maybe)) || (s.k === 'assign' && mayBeUndefined(s.value, maybe)) ? [s.name] : [];
      for (const n of names) {
        if (!maybe.has(n)) {
          maybe.add(n);
          grew = true;
        }
      }
    });
  }
  return maybe;
}

const builtin = (name: 'blockDim', axis: 'x' | 'y' | 'z', span: Stmt['span']): Expr => ({ k: 'builtin', name, axis, type: 'i32', span });

class Compiler {
  private readonly code: number[] = [];
  private readonly arrays: string[] = [];
  private readonly inputs = new Map<string, { index: number; expr: Expr }>();
  private readonly inner = new Map<string, number>();
  private readonly outputs = new Map<string, ScalarType>();
  private readonly locals: ValType[] = [];
  private readonly labels: string[] = [];
  /** Enclosing loops' labels: where `break` and `continue` go. */
  private readonly loops: { brk: string; cont: string }[] = [];
  private labelCount = 0;
  private reads = 0;
  /** Operations per iteration (CALL_WORK). */
  private work = 0;
  private paramCount = 0;
  private tmp = -1;
  private storeTmp = -1;
  /** A region whose x loop takes its range as arguments. */
  private ranged = false;

  constructor(
    private readonly info: (array: string) => ArrayInfo | null,
    private readonly region: boolean,
    /** The kernel's locals that may hold `undefined` (undefinedLocals). */
    private readonly maybe: ReadonlySet<string>,
  ) {}

  loop(s: Loop, name: string): WasmLoop {
    if (s.cond === null) no();
    this.scan([s], new Set());
    const out = this.begin();
    const c = this.code;
    this.open('bail', OP.block);
    this.checkArrays();
    this.loopCode(s);
    const outputs = [...this.outputs].map(([n, type]) => ({ name: n, type }));
    if (outputs.length > WASM_OUT_SLOTS || this.reads === 0) no();
    const count = this.counted(s);
    if (count === null && this.work < CALL_WORK) no();
    outputs.forEach((o, i) => {
      c.push(OP.local_get, ...uleb(out), OP.local_get, ...uleb(this.slot(o.name)));
      c.push(o.type === 'f32' ? OP.f32_store : OP.i32_store, 2, ...uleb(4 * i));
    });
    c.push(OP.i32_const, 0, OP.return);
    this.close();
    c.push(OP.i32_const, 1);
    return { ...this.result(name), outputs, count };
  }

  /** Every thread of the block (z, y, x, x fastest) runs `body`; a `return` ends its thread. */
  threads(body: readonly Stmt[], name: string, range: boolean): WasmRegion {
    const span = (body[0] as Stmt).span;
    const dims = { x: builtin('blockDim', 'x', span), y: builtin('blockDim', 'y', span), z: builtin('blockDim', 'z', span) };
    const declared = new Set<string>([CELL_INDEX, ...Object.values(THREAD)]);
    this.scan(body, declared);
    for (const d of Object.values(dims)) this.scanExpr(d, declared);
    // A region that touches no array has nothing a call would save (and nothing whose address says it is linked).
    if (this.outputs.size > 0 || this.arrays.length === 0) no();
    this.ranged = range;
    const out = this.begin();
    const c = this.code;
    const [i, tx, ty, tz] = [CELL_INDEX, THREAD.x, THREAD.y, THREAD.z].map((n) => {
      const slot = this.local(I32);
      this.inner.set(n, slot);
      return slot;
    }) as [number, number, number, number];
    this.open('bail', OP.block);
    this.checkArrays();
    const axis = (v: number, dim: Expr, inside: () => void, from: number | null = null, to: number | null = null): void => {
      if (from === null) c.push(OP.i32_const, 0);
      else c.push(OP.local_get, ...uleb(from));
      c.push(OP.local_set, ...uleb(v));
      this.open('end', OP.block);
      this.open('top', OP.loop);
      c.push(OP.local_get, ...uleb(v));
      if (to === null) this.expr(dim);
      else c.push(OP.local_get, ...uleb(to));
      c.push(OP.i32_lt_s, OP.i32_eqz, OP.br_if, ...this.to('end'));
      inside();
      c.push(OP.local_get, ...uleb(v), OP.i32_const, 1, OP.i32_add, OP.local_set, ...uleb(v));
      c.push(OP.br, ...this.to('top'));
      this.close();
      this.close();
    };
    axis(tz, dims.z, () => axis(ty, dims.y, () => axis(tx, dims.x, () => {
      // i = (z · bdy + y) · bdx + x: the thread's cells.
      c.push(OP.local_get, ...uleb(tz));
      this.expr(dims.y);
      c.push(OP.i32_mul, OP.local_get, ...uleb(ty), OP.i32_add);
      this.expr(dims.x);
      c.push(OP.i32_mul, OP.local_get, ...uleb(tx), OP.i32_add, OP.local_set, ...uleb(i));
      this.open('thread', OP.block);
      this.stmts(body);
      this.close();
    }, range ? out - 2 : null, range ? out - 1 : null)));
    c.push(OP.i32_const, 0, OP.return);
    this.close();
    c.push(OP.i32_const, 1);
    return { ...this.result(name), range };
  }

  /** Numbers the parameters (arrays, inputs, a region's x range, the out area); returns the out area's. */
  private begin(): number {
    const arrays = this.arrays.length;
    const inputs = [...this.inputs.values()];
    inputs.forEach((v, i) => (v.index = 2 * arrays + i));
    const out = 2 * arrays + inputs.length + (this.ranged ? 2 : 0);
    this.paramCount = out + 1;
    this.tmp = this.local(I32);
    this.storeTmp = this.local(I32);
    return out;
  }

  /** An array outside the memory (address −1) declines the call before anything runs. */
  private checkArrays(): void {
    // Addresses are unsigned (up to 4 GiB); −1 is the one that says "not in the memory".
    for (let i = 0; i < this.arrays.length; i++) this.code.push(OP.local_get, ...uleb(2 * i), OP.i32_const, 0x7f, OP.i32_eq, OP.br_if, ...this.to('bail'));
  }

  private result(name: string): Pick<WasmLoop, 'fn' | 'arrays' | 'inputs'> {
    const inputs = [...this.inputs.values()];
    const range: ValType[] = this.ranged ? [I32, I32] : [];
    const params: ValType[] = [...this.arrays.flatMap((): ValType[] => [I32, I32]), ...inputs.map((v) => valType(v.expr.type)), ...range, I32];
    return { fn: { name, params, locals: this.locals, code: this.code }, arrays: this.arrays, inputs: inputs.map((v) => v.expr) };
  }

  /** The loop's count check (WasmLoop.count), where its condition and update are a counter's. */
  private counted(s: Loop): WasmLoop['count'] {
    const cond = s.cond as Expr;
    const [u] = s.update;
    if (!s.testFirst || cond.k !== 'binary' || (cond.op !== '<' && cond.op !== '<=') || cond.lhs.k !== 'load' || cond.lhs.type === 'bool') return null;
    const v = cond.lhs.name;
    if (s.update.length !== 1 || u?.k !== 'assign' || u.name !== v) return null;
    const add = u.value;
    if (add.k !== 'binary' || add.op !== '+' || add.lhs.k !== 'load' || add.lhs.name !== v || add.rhs.k !== 'const') return null;
    const step = add.rhs.value as number;
    // The bound must not change in the loop: a constant, a parameter or builtin, or a local it does not assign.
    const bound = cond.rhs;
    const fixed = bound.k === 'const' || bound.k === 'param' || bound.k === 'builtin' || (bound.k === 'load' && !this.outputs.has(bound.name));
    if (!fixed || step <= 0 || step > 1 << 20) return null;
    let assigned = false;
    visitStmts(s.body, (t) => {
      if (t.k === 'assign' && t.name === v) assigned = true;
    });
    if (assigned) return null;
    const trips = Math.max(1, Math.ceil(CALL_WORK / Math.max(1, this.work)));
    // bound − v ≥ span leaves at least `trips` iterations (one more with <=).
    return { v, bound, span: (trips - 1) * step + (cond.op === '<' ? 1 : 0) };
  }

  /** Records arrays, inputs and outputs; rejects what the function cannot compute. */
  private scan(list: readonly Stmt[], declared: Set<string>): void {
    const stmt = (t: Stmt): void => {
      switch (t.k) {
        case 'let':
          valType(t.type);
          if (t.init) this.scanExpr(t.init, declared);
          declared.add(t.name);
          return;
        case 'assign':
          this.scanExpr(t.value, declared);
          if (!declared.has(t.name)) {
            this.outputs.set(t.name, valType(t.value.type) === F32 ? 'f32' : t.value.type);
            const key = `load:${t.name}`;
            if (!this.inputs.has(key)) this.inputs.set(key, { index: -1, expr: { k: 'load', name: t.name, type: t.value.type, span: t.span } });
          }
          return;
        case 'store': {
          const a = this.info(t.array);
          if (!this.region || a === null || STORE[a.elem] === undefined) no();
          this.array(t.array);
          this.work += 2;
          this.scanExpr(t.index, declared);
          return this.scanExpr(t.value, declared);
        }
        case 'if':
          this.scanExpr(t.cond, declared);
          t.then.forEach(stmt);
          return t.else.forEach(stmt);
        case 'block':
          return t.body.forEach(stmt);
        case 'loop':
          if (t.cond) this.scanExpr(t.cond, declared);
          t.body.forEach(stmt);
          return t.update.forEach(stmt);
        case 'break':
        case 'continue':
          return;
        case 'return':
          if (!this.region || t.value !== null) no();
          return;
        default:
          return no();
      }
    };
    list.forEach(stmt);
  }

  private scanExpr(e: Expr, declared: ReadonlySet<string>): void {
    const key = inputKey(e, this.region);
    if (key === null && e.k !== 'const') this.work += e.k === 'index' ? 2 : 1;
    if (key !== null) {
      valType(e.type);
      if (!(e.k === 'load' && declared.has(e.name)) && !this.inputs.has(key)) this.inputs.set(key, { index: -1, expr: e });
      return;
    }
    const sub = (x: Expr): void => this.scanExpr(x, declared);
    switch (e.k) {
      case 'const':
        return void valType(e.type);
      case 'builtin':
        return; // threadIdx in a region: the thread loop's own
      case 'index': {
        const a = this.info(e.array);
        if (a === null || LOAD[a.elem] === undefined) no();
        // A region cannot decline midway: integer reads (whose out-of-bounds JS value has no counterpart) only from cells.
        if (this.region && a.elem !== 'f32' && !a.cell) no();
        this.array(e.array);
        this.reads++;
        return sub(e.index);
      }
      case 'unary':
      case 'cast':
        valType(e.type);
        return sub(e.arg);
      case 'binary':
        valType(e.type);
        valType(e.lhs.type);
        // In a region an out-of-bounds f32 read is NaN, but JS's `undefined === undefined` is true.
        if (this.region && e.lhs.type === 'f32' && (e.op === '==' || e.op === '!=') && mayBeUndefined(e.lhs, this.maybe) && mayBeUndefined(e.rhs, this.maybe)) no();
        sub(e.lhs);
        return sub(e.rhs);
      case 'select':
        valType(e.type);
        sub(e.cond);
        sub(e.then);
        return sub(e.else);
      case 'math':
        if (e.fn !== 'abs' || e.type !== 'f32') no();
        return e.args.forEach(sub);
      default:
        return no();
    }
  }

  private array(name: string): void {
    if (!this.arrays.includes(name)) this.arrays.push(name);
  }

  private local(t: ValType): number {
    this.locals.push(t);
    return this.paramCount + this.locals.length - 1;
  }

  /** The wasm local of a kernel local: its own local once declared, else its input parameter. */
  private slot(name: string): number {
    const own = this.inner.get(name);
    if (own !== undefined) return own;
    const input = this.inputs.get(`load:${name}`);
    if (input === undefined) throw new Error(`wasm loop: local '${name}' read before it is declared`);
    return input.index;
  }

  private open(label: string, op: number, type: number = VOID): void {
    this.code.push(op, type);
    this.labels.push(label);
  }

  private close(): void {
    this.code.push(OP.end);
    this.labels.pop();
  }

  /** The branch depth of the innermost enclosing label. */
  private to(label: string): number[] {
    const at = this.labels.lastIndexOf(label);
    if (at < 0) throw new Error(`wasm loop: no label '${label}'`);
    return uleb(this.labels.length - 1 - at);
  }

  private loopCode(s: Loop): void {
    const c = this.code;
    const n = this.labelCount++;
    const [brk, top, cont] = [`brk${n}`, `top${n}`, `cont${n}`];
    this.open(brk, OP.block);
    this.open(top, OP.loop);
    if (s.testFirst && s.cond) {
      this.expr(s.cond);
      c.push(OP.i32_eqz, OP.br_if, ...this.to(brk));
    }
    this.loops.push({ brk, cont });
    this.open(cont, OP.block);
    this.stmts(s.body);
    this.close();
    this.loops.pop();
    this.stmts(s.update);
    if (!s.testFirst && s.cond) {
      this.expr(s.cond);
      c.push(OP.i32_eqz, OP.br_if, ...this.to(brk));
    }
    c.push(OP.br, ...this.to(top));
    this.close();
    this.close();
  }

  private stmts(list: readonly Stmt[]): void {
    for (const s of list) this.stmt(s);
  }

  private stmt(s: Stmt): void {
    const c = this.code;
    switch (s.k) {
      case 'let': {
        const slot = this.local(valType(s.type));
        if (s.init) this.expr(s.init);
        else if (s.type === 'f32') c.push(OP.f32_const, 0, 0, 0, 0);
        else c.push(OP.i32_const, 0);
        this.inner.set(s.name, slot);
        c.push(OP.local_set, ...uleb(slot));
        return;
      }
      case 'assign':
        this.expr(s.value);
        c.push(OP.local_set, ...uleb(this.slot(s.name)));
        return;
      case 'store': {
        // As a typed array does: an index out of bounds stores nothing (the value is still evaluated, as JS does).
        const i = this.arrays.indexOf(s.array);
        const elem = (this.info(s.array) as ArrayInfo).elem;
        this.expr(s.index);
        c.push(OP.local_set, ...uleb(this.storeTmp));
        this.expr(s.value);
        const value = this.local(elem === 'f32' ? F32 : I32);
        c.push(OP.local_set, ...uleb(value));
        c.push(OP.local_get, ...uleb(this.storeTmp), OP.local_get, ...uleb(2 * i + 1), OP.i32_lt_u);
        this.open('store', OP.if);
        c.push(OP.local_get, ...uleb(2 * i), OP.local_get, ...uleb(this.storeTmp), OP.i32_const, SHIFT[elem] as number, OP.i32_shl, OP.i32_add);
        c.push(OP.local_get, ...uleb(value), STORE[elem] as number, SHIFT[elem] as number, 0);
        this.close();
        return;
      }
      case 'if':
        this.expr(s.cond);
        this.open('if', OP.if);
        this.stmts(s.then);
        if (s.else.length > 0) {
          c.push(OP.else);
          this.stmts(s.else);
        }
        this.close();
        return;
      case 'block':
        this.stmts(s.body);
        return;
      case 'loop':
        this.loopCode(s);
        return;
      case 'break':
      case 'continue': {
        const l = this.loops[this.loops.length - 1] ?? no();
        c.push(OP.br, ...this.to(s.k === 'break' ? l.brk : l.cont));
        return;
      }
      case 'return':
        c.push(OP.br, ...this.to('thread'));
        return;
      default:
        no();
    }
  }

  private expr(e: Expr): void {
    const c = this.code;
    if (e.k === 'builtin' && this.region && e.name === 'threadIdx') {
      c.push(OP.local_get, ...uleb(this.slot(THREAD[e.axis])));
      return;
    }
    const key = inputKey(e, this.region);
    if (key !== null) {
      const slot = e.k === 'load' ? this.slot(e.name) : (this.inputs.get(key)?.index ?? no());
      c.push(OP.local_get, ...uleb(slot));
      return;
    }
    switch (e.k) {
      case 'const':
        if (e.type === 'f32') c.push(OP.f32_const, ...f32Bytes(e.value as number));
        else c.push(OP.i32_const, ...sleb(typeof e.value === 'boolean' ? (e.value ? 1 : 0) : (e.value as number) | 0));
        return;
      case 'index':
        return this.read(e);
      case 'unary':
        if (e.op === 'neg' && e.type !== 'f32') c.push(OP.i32_const, 0);
        this.expr(e.arg);
        if (e.op === 'neg') c.push(e.type === 'f32' ? OP.f32_neg : OP.i32_sub);
        else if (e.op === 'not') c.push(OP.i32_eqz);
        else c.push(OP.i32_const, 0x7f, OP.i32_xor);
        return;
      case 'binary':
        return this.binary(e);
      case 'select': {
        this.expr(e.cond);
        this.open('select', OP.if, valType(e.type));
        this.expr(e.then);
        c.push(OP.else);
        this.expr(e.else);
        this.close();
        return;
      }
      case 'cast':
        return this.cast(e.arg, e.type);
      case 'math':
        this.expr(e.args[0] as Expr);
        c.push(OP.f32_abs);
        return;
      default:
        no();
    }
  }

  /** An element read: in bounds (unsigned, so negative indices fail too), or the loop declines; a region's f32 read gives NaN. */
  private read(e: Extract<Expr, { k: 'index' }>): void {
    const c = this.code;
    const i = this.arrays.indexOf(e.array);
    const elem = (this.info(e.array) as ArrayInfo).elem;
    const load = (): void => {
      c.push(OP.local_get, ...uleb(2 * i), OP.local_get, ...uleb(this.tmp), OP.i32_const, SHIFT[elem] as number, OP.i32_shl, OP.i32_add);
      c.push(LOAD[elem] as number, SHIFT[elem] as number, 0);
    };
    this.expr(e.index);
    c.push(OP.local_tee, ...uleb(this.tmp), OP.local_get, ...uleb(2 * i + 1), OP.i32_ge_u);
    if (!this.region) {
      c.push(OP.br_if, ...this.to('bail'));
      return load();
    }
    this.open('read', OP.if, elem === 'f32' ? F32 : I32);
    if (elem === 'f32') c.push(OP.f32_const, ...NAN);
    else c.push(OP.i32_const, 0); // cells: never out of bounds
    c.push(OP.else);
    load();
    this.close();
  }

  private binary(e: Extract<Expr, { k: 'binary' }>): void {
    const c = this.code;
    const { op, lhs, rhs } = e;
    if (op === '&&' || op === '||') {
      // Short-circuit, as JS evaluates it: the right operand may index out of bounds.
      this.expr(lhs);
      this.open('logic', OP.if, I32);
      if (op === '&&') this.expr(rhs);
      else c.push(OP.i32_const, 1);
      c.push(OP.else);
      if (op === '&&') c.push(OP.i32_const, 0);
      else this.expr(rhs);
      this.close();
      return;
    }
    if ((op === '/' || op === '%') && (lhs.type === 'i32' || lhs.type === 'u32')) return this.divide(op, lhs, rhs);
    const table = lhs.type === 'f32' ? F32_BIN : lhs.type === 'i32' ? I32_BIN : lhs.type === 'u32' ? U32_BIN : lhs.type === 'bool' && (op === '==' || op === '!=') ? INT_BIN : {};
    const code = table[op] ?? no();
    this.expr(lhs);
    this.expr(rhs);
    c.push(code);
  }

  /**
   * Integer `/` and `%` as JS computes them (`(a / b) | 0`, `>>> 0` for u32): 0 where b is 0, and
   * i32 a / −1 wraps (−2^31 / −1 is −2^31); WebAssembly would trap on both.
   */
  private divide(op: '/' | '%', lhs: Expr, rhs: Expr): void {
    const c = this.code;
    const signed = lhs.type === 'i32';
    const code = op === '/' ? (signed ? OP.i32_div_s : OP.i32_div_u) : signed ? OP.i32_rem_s : OP.i32_rem_u;
    if (rhs.k === 'const' && rhs.value !== 0 && (!signed || rhs.value !== -1)) {
      this.expr(lhs);
      this.expr(rhs);
      c.push(code);
      return;
    }
    const [a, b] = [this.local(I32), this.local(I32)];
    this.expr(lhs);
    c.push(OP.local_set, ...uleb(a));
    this.expr(rhs);
    c.push(OP.local_tee, ...uleb(b), OP.i32_eqz);
    this.open('div', OP.if, I32);
    c.push(OP.i32_const, 0, OP.else);
    if (signed && op === '/') {
      c.push(OP.local_get, ...uleb(b), OP.i32_const, 0x7f, OP.i32_eq);
      this.open('neg', OP.if, I32);
      c.push(OP.i32_const, 0, OP.local_get, ...uleb(a), OP.i32_sub, OP.else);
    }
    c.push(OP.local_get, ...uleb(a), OP.local_get, ...uleb(b), code);
    if (signed && op === '/') this.close();
    this.close();
  }

  private cast(arg: Expr, to: ScalarType): void {
    const c = this.code;
    const from = arg.type;
    this.expr(arg);
    if (to === 'bool') {
      if (from === 'f32') c.push(OP.f32_const, 0, 0, 0, 0, OP.f32_ne);
      else if (from !== 'bool') c.push(OP.i32_const, 0, OP.i32_ne);
      return;
    }
    if (to === 'f32') {
      if (from === 'i32') c.push(OP.f32_convert_i32_s);
      else if (from === 'u32' || from === 'bool') c.push(OP.f32_convert_i32_u);
      return;
    }
    // To i32 or u32: the same bits from either, 0 or 1 from a bool; JS's float-to-int has no counterpart.
    if (from === 'f32') no();
  }
}

function attempt<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof Ineligible) return null;
    throw e;
  }
}

/** The loop as a WebAssembly function named `name`, or null when it does not qualify. */
export function compileLoop(s: Loop, name: string, info: (array: string) => ArrayInfo | null, maybe: ReadonlySet<string>): WasmLoop | null {
  return attempt(() => new Compiler(info, false, maybe).loop(s, name));
}

/** A region's statements, run by every thread of the block, as one function; null when they do not qualify. */
export function compileRegion(body: readonly Stmt[], name: string, info: (array: string) => ArrayInfo | null, maybe: ReadonlySet<string>, range: boolean): WasmRegion | null {
  if (body.length === 0) return null;
  return attempt(() => new Compiler(info, true, maybe).threads(body, name, range));
}
