// Leaf loops of the cpu backend's code as WebAssembly functions. JS does f32 arithmetic in double
// and rounds each result with Math.fround; V8 keeps that, about three times slower than f32
// instructions. A loop qualifies when it reads global or shared f32/i32/u32 arrays and has no
// effect but on locals: no stores, calls, atomics, inner loops, breaks, or operations whose JS
// meaning WebAssembly spells differently (integer division, float-to-int casts, most math). Then
// the function computes exactly what the JS loop does (f32 add/sub/mul/div round as fround of
// the double result does; i32 ops wrap as `| 0` and Math.imul do), and where JS would see an index
// out of bounds it returns 1 before touching anything, so the printer's JS loop runs instead and
// keeps its semantics. The contract with the runtime: core/wasm-link.ts.
import type { ElemType, Expr, ScalarType, Stmt } from '../../core/ir/types.js';
import { WASM_OUT_SLOTS } from '../../core/wasm-link.js';
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
 * Operations (an index read counts two) a call must cover to pay for itself: a call with its
 * arguments and results costs about what JS spends on that many; measured on the MNIST step's and a
 * matmul's loops (wasm pays from there) and a reduction over four partial rows (it did not).
 */
export const CALL_WORK = 64;

class Ineligible extends Error {}

const no = (): never => {
  throw new Ineligible();
};

const valType = (t: ScalarType): ValType => (t === 'f32' ? F32 : t === 'i32' || t === 'u32' || t === 'bool' ? I32 : no());

/** Loads of an element type: f32 and 32-bit integers only. */
const LOAD: Partial<Record<ElemType, number>> = { f32: OP.f32_load, i32: OP.i32_load, u32: OP.i32_load };

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

/** Key of an input value: one parameter per distinct local, scalar parameter or builtin. */
function inputKey(e: Expr): string | null {
  if (e.k === 'load') return `load:${e.name}`;
  if (e.k === 'param') return `param:${e.name}`;
  if (e.k === 'builtin') return `builtin:${e.name}.${e.axis}`;
  return null;
}

class Compiler {
  private readonly code: number[] = [];
  private readonly arrays: string[] = [];
  private readonly inputs = new Map<string, { index: number; expr: Expr }>();
  private readonly inner = new Map<string, number>();
  private readonly outputs = new Map<string, ScalarType>();
  private readonly locals: ValType[] = [];
  private readonly labels: string[] = [];
  private reads = 0;
  /** Operations per iteration (CALL_WORK). */
  private work = 0;
  private paramCount = 0;
  private tmp = -1;

  constructor(private readonly elem: (array: string) => ElemType | null) {}

  compile(s: Loop, name: string): WasmLoop {
    if (!s.testFirst || s.cond === null) no();
    // Pass 1 finds the inputs and arrays (their parameter slots come first), pass 2 emits.
    this.scan(s);
    const arrays = this.arrays.length;
    const inputs = [...this.inputs.values()];
    inputs.forEach((v, i) => (v.index = 2 * arrays + i));
    const out = 2 * arrays + inputs.length;
    this.paramCount = out + 1;
    this.tmp = this.local(I32);
    const c = this.code;
    this.open('bail', OP.block);
    for (let i = 0; i < arrays; i++) c.push(OP.local_get, ...uleb(2 * i), OP.i32_const, 0, OP.i32_lt_s, OP.br_if, ...this.to('bail'));
    this.open('exit', OP.block);
    this.open('top', OP.loop);
    this.expr(s.cond as Expr);
    c.push(OP.i32_eqz, OP.br_if, ...this.to('exit'));
    this.stmts(s.body);
    this.stmts(s.update);
    c.push(OP.br, ...this.to('top'));
    this.close();
    this.close();
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
    const params: ValType[] = [...this.arrays.flatMap((): ValType[] => [I32, I32]), ...inputs.map((v) => valType(v.expr.type)), I32];
    return { fn: { name, params, locals: this.locals, code: c }, arrays: this.arrays, inputs: inputs.map((v) => v.expr), outputs, count };
  }

  /** The loop's count check (WasmLoop.count), where its condition and update are a counter's. */
  private counted(s: Loop): WasmLoop['count'] {
    const cond = s.cond as Expr;
    const [u] = s.update;
    if (cond.k !== 'binary' || (cond.op !== '<' && cond.op !== '<=') || cond.lhs.k !== 'load' || cond.lhs.type === 'bool') return null;
    const v = cond.lhs.name;
    if (s.update.length !== 1 || u?.k !== 'assign' || u.name !== v) return null;
    const add = u.value;
    if (add.k !== 'binary' || add.op !== '+' || add.lhs.k !== 'load' || add.lhs.name !== v || add.rhs.k !== 'const') return null;
    const step = add.rhs.value as number;
    // The bound must not change in the loop: a constant, a parameter or builtin, or a local it does not assign.
    const bound = cond.rhs;
    const fixed = bound.k === 'const' || bound.k === 'param' || bound.k === 'builtin' || (bound.k === 'load' && !this.outputs.has(bound.name));
    if (!fixed || step <= 0 || step > 1 << 20) return null;
    let assigned = 0;
    const walk = (list: readonly Stmt[]): void => list.forEach((t) => {
      if (t.k === 'assign' && t.name === v) assigned++;
      if (t.k === 'if') { walk(t.then); walk(t.else); }
      if (t.k === 'block') walk(t.body);
    });
    walk(s.body);
    if (assigned > 0) return null;
    const trips = Math.max(1, Math.ceil(CALL_WORK / Math.max(1, this.work)));
    // bound − v ≥ span leaves at least `trips` iterations (one more with <=).
    return { v, bound, span: (trips - 1) * step + (cond.op === '<' ? 1 : 0) };
  }

  /** Records arrays, inputs and outputs; rejects what the function cannot compute. */
  private scan(s: Loop): void {
    const declared = new Set<string>();
    const expr = (e: Expr): void => {
      const key = inputKey(e);
      if (key === null && e.k !== 'const') this.work += e.k === 'index' ? 2 : 1;
      if (key !== null) {
        valType(e.type);
        if (!(e.k === 'load' && declared.has(e.name)) && !this.inputs.has(key)) this.inputs.set(key, { index: -1, expr: e });
        return;
      }
      switch (e.k) {
        case 'const':
          return void valType(e.type);
        case 'index': {
          const elem = this.elem(e.array);
          if (elem === null || LOAD[elem] === undefined) no();
          if (!this.arrays.includes(e.array)) this.arrays.push(e.array);
          this.reads++;
          return expr(e.index);
        }
        case 'unary':
        case 'cast':
          valType(e.type);
          return expr(e.arg);
        case 'binary':
          valType(e.type);
          valType(e.lhs.type);
          expr(e.lhs);
          return expr(e.rhs);
        case 'select':
          valType(e.type);
          expr(e.cond);
          expr(e.then);
          return expr(e.else);
        case 'math':
          if (e.fn !== 'abs' || e.type !== 'f32') no();
          return e.args.forEach(expr);
        default:
          return no();
      }
    };
    const stmt = (t: Stmt): void => {
      switch (t.k) {
        case 'let':
          valType(t.type);
          if (t.init) expr(t.init);
          declared.add(t.name);
          return;
        case 'assign':
          expr(t.value);
          if (!declared.has(t.name)) {
            this.outputs.set(t.name, valType(t.value.type) === F32 ? 'f32' : t.value.type);
            const key = `load:${t.name}`;
            if (!this.inputs.has(key)) this.inputs.set(key, { index: -1, expr: { k: 'load', name: t.name, type: t.value.type, span: t.span } });
          }
          return;
        case 'if':
          expr(t.cond);
          t.then.forEach(stmt);
          return t.else.forEach(stmt);
        case 'block':
          return t.body.forEach(stmt);
        default:
          return no();
      }
    };
    expr(s.cond as Expr);
    s.body.forEach(stmt);
    s.update.forEach(stmt);
  }

  private local(t: ValType): number {
    this.locals.push(t);
    return this.paramCount + this.locals.length - 1;
  }

  /** The wasm local of a kernel local: its input parameter, or its own local once declared. */
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

  /** The branch depth of an enclosing label. */
  private to(label: string): number[] {
    return uleb(this.labels.length - 1 - this.labels.lastIndexOf(label));
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
      default:
        no();
    }
  }

  private expr(e: Expr): void {
    const c = this.code;
    const key = inputKey(e);
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
      case 'index': {
        // In bounds (unsigned, so negative indices fail too), or the JS loop runs instead.
        const i = this.arrays.indexOf(e.array);
        this.expr(e.index);
        c.push(OP.local_tee, ...uleb(this.tmp), OP.local_get, ...uleb(2 * i + 1), OP.i32_ge_u, OP.br_if, ...this.to('bail'));
        c.push(OP.local_get, ...uleb(2 * i), OP.local_get, ...uleb(this.tmp), OP.i32_const, 2, OP.i32_shl, OP.i32_add);
        c.push(LOAD[this.elem(e.array) as ElemType] as number, 2, 0);
        return;
      }
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
    const table = lhs.type === 'f32' ? F32_BIN : lhs.type === 'i32' ? I32_BIN : lhs.type === 'u32' ? U32_BIN : lhs.type === 'bool' && (op === '==' || op === '!=') ? INT_BIN : {};
    const code = table[op] ?? no();
    this.expr(lhs);
    this.expr(rhs);
    c.push(code);
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

/** The loop as a WebAssembly function named `name`, or null when it does not qualify. */
export function compileLoop(s: Loop, name: string, elem: (array: string) => ElemType | null): WasmLoop | null {
  try {
    return new Compiler(elem).compile(s, name);
  } catch (e) {
    if (e instanceof Ineligible) return null;
    throw e;
  }
}
