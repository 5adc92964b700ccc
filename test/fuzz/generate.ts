// Random valid kernels for the differential fuzzer: expressions over i32/u32/f32/bool with every
// operator, Math function and conversion, conditionals, loops with break/continue, early returns,
// local arrays, helpers and shadowing; shared arrays with barriers in uniform control flow (each
// thread writes only its own slot between barriers, reads any slot only where no one writes), and
// atomics on global and shared integer arrays grouped so that each cell's final value does not
// depend on the threads' order. Every program is valid KernelScript by construction:
// operand types match, literals only sit where their type is decided (or are written as typed
// conversions), local array indices are masked into bounds, and loops have bounded trip counts.
// Undefined behaviour (division by zero, out-of-range conversions) may occur at run time: the
// reference marks the values it affects as unknown rather than the generator avoiding it.
import {
  ARITH, BITWISE, COMPARE, F32_FNS, GLOBAL_ATOMIC, IN_SLOTS, SHIFT, fix, fixed, pureConst,
  type AssignOp, type BinOp, type Expr, type Helper, type Int, type MathFn, type Num, type Program, type Scalar, type Stmt,
} from './program.js';
import { chance, pick, weighted, type Rng } from './random.js';

interface Var {
  name: string;
  t: Scalar;
  mutable: boolean;
  /** Unannotated loop counters are typed by their uses: keep them out of f32 contexts. */
  intOnly: boolean;
  /** An atomic's old value, which the reference cannot know: kept out of control flow. */
  opaque?: boolean;
}

/** What threads may do with a shared array between two barriers (so that no two threads race). */
type SharedMode = 'write' | 'read' | 'atomic';

interface SharedArr {
  name: string;
  elem: Num;
  /** Used with atomics (integer arrays only). */
  atomic: boolean;
}

interface LocalArr {
  name: string;
  elem: Num;
  len: number;
}

class Scope {
  readonly vars = new Map<string, Var>();
  readonly arrays: LocalArr[] = [];
  constructor(readonly parent: Scope | null) {}
  /** Innermost declaration of each name. */
  visible(): Var[] {
    const outer = (this.parent?.visible() ?? []).filter((v) => !this.vars.has(v.name));
    return [...outer, ...this.vars.values()];
  }
  allArrays(): LocalArr[] {
    return [...(this.parent?.allArrays() ?? []), ...this.arrays];
  }
}

const INTS: readonly Int[] = ['i32', 'u32'];
const NUMS: readonly Num[] = ['i32', 'u32', 'f32'];
const isInt = (t: Scalar): t is Int => t === 'i32' || t === 'u32';

const I32_EDGES = [0, 1, -1, 2, 3, 7, 31, 32, 33, 255, 256, -256, 65536, 2147483647, -2147483648, -2147483647, 1000000];
const U32_EDGES = [0, 1, 2, 3, 7, 31, 32, 255, 65535, 65536, 2147483647, 2147483648, 3000000000, 4294967295];
const F32_EDGES = [0, 1, -1, 0.5, -0.5, 2, 0.25, 1.5, 3, 10, 0.1, 1e-3, 1e6, -1e6, 16777216, 3.14159];

class Gen {
  private n = 0;
  private scope: Scope;
  private helpers: Helper[] = [];
  /** Inside a helper: no builtins, inputs or local arrays. */
  private inHelper = false;
  private loops = 0;
  private readonly loopVars: string[] = [];
  /** The program has barriers (and so no per-thread return). */
  private sync = false;
  private readonly shared: SharedArr[] = [];
  /** Each shared array's mode in the current segment (between two barriers). */
  private modes = new Map<string, SharedMode>();
  private readonly xchg: Program['xchg'] = {};

  constructor(private readonly rng: Rng) {
    this.scope = new Scope(null);
  }

  fresh(prefix: string): string {
    return `${prefix}${this.n++}`;
  }

  // ---- literals and leaves ----

  lit(t: Scalar): Expr {
    const r = this.rng;
    if (t === 'bool') return { k: 'lit', t, v: chance(r, 0.5), typed: false };
    let v: number;
    if (t === 'i32') v = chance(r, 0.7) ? r.int(-9, 10) : pick(r, I32_EDGES);
    else if (t === 'u32') v = chance(r, 0.7) ? r.int(0, 10) : pick(r, U32_EDGES);
    else v = Math.fround(chance(r, 0.4) ? r.int(-8, 9) / 4 : chance(r, 0.6) ? r.f32(-10, 10) : pick(r, F32_EDGES));
    if (Object.is(v, -0)) v = 0;
    return { k: 'lit', t, v, typed: chance(r, 0.15) };
  }

  private vars(t: Scalar): Var[] {
    return this.scope.visible().filter((v) => v.t === t && !(v.intOnly && this.promoting > 0) && !(v.opaque && this.deciding > 0));
  }

  /** Inside a condition or an index: what decides control flow or a location. */
  private deciding = 0;

  private decidingExpr<T>(f: () => T): T {
    this.deciding++;
    try {
      return f();
    } finally {
      this.deciding--;
    }
  }

  /** Inside an integer operand that an f32 context promotes. */
  private promoting = 0;

  private promote(depth: number): Expr {
    this.promoting++;
    try {
      return { k: 'promote', t: 'f32', a: this.free(pick(this.rng, INTS), depth) };
    } finally {
      this.promoting--;
    }
  }

  leaf(t: Scalar): Expr {
    const r = this.rng;
    const opts: (readonly [number, () => Expr])[] = [[2, () => this.lit(t)]];
    const vs = this.vars(t);
    if (vs.length > 0) opts.push([6, () => ({ k: 'name', t, name: pick(r, vs).name })]);
    if (!this.inHelper) {
      if (t === 'i32') opts.push([1, () => ({ k: 'builtin', t: 'i32', name: pick(r, ['threadIdx', 'blockIdx', 'blockDim'] as const) })]);
      if (t !== 'bool') opts.push([1, () => ({ k: 'input', t, arr: t === 'i32' ? 'A' : t === 'u32' ? 'U' : 'F', slot: r.int(0, IN_SLOTS) })]);
      const arrs = this.scope.allArrays().filter((a) => a.elem === t);
      if (arrs.length > 0 && t !== 'bool') opts.push([2, () => this.load(pick(r, arrs))]);
      const shared = this.sharedIn(['read', 'write']).filter((a) => a.elem === t);
      if (shared.length > 0 && t !== 'bool') opts.push([6, () => this.sload(pick(r, shared))]);
    }
    if (t === 'f32') opts.push([0.3, () => ({ k: 'mathConst', t: 'f32', name: pick(r, ['PI', 'E'] as const) })]);
    return weighted(r, opts)();
  }

  private sload(a: SharedArr): Expr {
    const t = a.elem;
    if (this.modes.get(a.name) === 'write') return { k: 'sload', t, arr: a.name, idx: null, mask: 'len' };
    const r = this.rng;
    const tid: Expr = { k: 'builtin', t: 'i32', name: 'threadIdx' };
    // Mostly a neighbour: threadIdx.x + k or threadIdx.x ^ k, within the block or the array.
    const idx = this.decidingExpr((): Expr => chance(r, 0.6)
      ? { k: 'bin', t: 'i32', op: pick(r, ['+', '^', '-'] as const), a: tid, b: { k: 'lit', t: 'i32', v: r.int(1, 9), typed: false } }
      : fix(this.expr(pick(r, INTS), 1)));
    return { k: 'sload', t, arr: a.name, idx, mask: chance(r, 0.6) ? 'block' : 'len' };
  }

  /** The shared arrays the current segment allows in one of these modes. */
  private sharedIn(modes: readonly SharedMode[]): SharedArr[] {
    if (this.inHelper) return [];
    return this.shared.filter((a) => modes.includes(this.modes.get(a.name) ?? 'read') && this.modes.has(a.name));
  }

  private load(a: LocalArr): Expr {
    return { k: 'load', t: a.elem, arr: a.name, len: a.len, idx: this.index() };
  }

  /** An index expression: the current loop counter most of the time, so that unrollable loops appear. */
  private index(): Expr {
    const lv = this.loopVars.length > 0 ? this.scope.visible().find((v) => v.name === this.loopVars[this.loopVars.length - 1]) : undefined;
    if (lv && chance(this.rng, 0.6)) return { k: 'name', t: lv.t, name: lv.name };
    return this.decidingExpr(() => fix(this.expr(pick(this.rng, INTS), 1)));
  }

  // ---- expressions: `expr(t, d)` is an expression of type t for a context that decides t ----

  expr(t: Scalar, depth: number): Expr {
    if (depth <= 0 || chance(this.rng, 0.25)) return this.leaf(t);
    if (t === 'bool') return this.boolExpr(depth);
    return this.numExpr(t, depth);
  }

  /** A value in a context that does not decide its type (an argument of f32(), a condition…). */
  free(t: Scalar, depth: number): Expr {
    return fix(this.expr(t, depth));
  }

  /** An f32 operand: an f32 expression or an integer one the compiler promotes. */
  private f32Operand(depth: number): Expr {
    if (chance(this.rng, 0.2)) return this.promote(depth);
    return this.expr('f32', depth);
  }

  private operand(t: Num, depth: number): Expr {
    return t === 'f32' ? this.f32Operand(depth) : this.expr(t, depth);
  }

  /**
   * Two operands of one type: never two constants (the compiler would fold them as JavaScript
   * does). An integer operand is only promoted next to a typed f32 one, which is what makes the
   * operator an f32 one.
   */
  private pair(t: Num, depth: number): [Expr, Expr] {
    let a = this.operand(t, depth - 1);
    let b = this.operand(t, depth - 1);
    if (a.k === 'promote' && b.k === 'promote') b = this.expr('f32', depth - 1);
    if (a.k === 'promote') b = fix(b);
    if (b.k === 'promote') a = fix(a);
    if ((pureConst(a) && pureConst(b)) || (t === 'f32' && !fixed(a) && !fixed(b))) a = fix(a);
    return [a, b];
  }

  numExpr(t: Num, depth: number): Expr {
    const r = this.rng;
    const kinds: (readonly [number, () => Expr])[] = [
      [8, () => {
        const [a, b] = this.pair(t, depth);
        return { k: 'bin', t, op: pick(r, ARITH), a, b };
      }],
      [2, () => {
        // Not a promoted integer: -(i) would negate in the integer type, before the promotion.
        let a = this.expr(t, depth - 1);
        if (pureConst(a)) a = fix(a);
        return { k: 'un', t, op: t === 'f32' || chance(r, 0.6) ? pick(r, ['-', '+'] as const) : '~', a };
      }],
      [3, () => this.conv(t, depth)],
      [3, () => ({ k: 'cond', t, c: this.cond(depth - 1), a: this.expr(t, depth - 1), b: this.expr(t, depth - 1) })],
      [2, () => this.minMaxAbs(t, depth)],
    ];
    if (isInt(t)) {
      kinds.push([5, () => {
        const [a, b] = this.pair(t, depth);
        return { k: 'bin', t, op: pick(r, BITWISE), a, b };
      }]);
      kinds.push([4, () => {
        // The amount is typed, so a literal left side (`1 << s`) takes the context's type.
        return { k: 'bin', t, op: pick(r, SHIFT), a: this.expr(t, depth - 1), b: this.free(pick(r, INTS), depth - 1) };
      }]);
    } else {
      kinds.push([5, () => this.f32Math(depth)]);
      kinds.push([1, () => {
        const [a, b] = this.pair('f32', depth);
        return { k: 'bin', t: 'f32', op: '**', a, b };
      }]);
    }
    const callable = this.helpers.filter((h) => h.ret === t);
    if (callable.length > 0) kinds.push([2, () => this.call(pick(r, callable), depth)]);
    return weighted(r, kinds)();
  }

  private conv(t: Num, depth: number): Expr {
    const from = pick(this.rng, (['i32', 'u32', 'f32', 'bool'] as const).filter((s) => s !== t));
    return { k: 'conv', t, a: this.free(from, depth - 1) };
  }

  private minMaxAbs(t: Num, depth: number): Expr {
    const fn = pick(this.rng, ['abs', 'min', 'max'] as const);
    const n = fn === 'abs' ? 1 : chance(this.rng, 0.8) ? 2 : 3;
    const args = Array.from({ length: n }, () => this.expr(t, depth - 1));
    if (n > 1 && args.every(pureConst)) args[0] = fix(args[0] as Expr);
    if (n === 1 && pureConst(args[0] as Expr)) args[0] = fix(args[0] as Expr);
    return { k: 'math', t, fn, args };
  }

  private f32Math(depth: number): Expr {
    const r = this.rng;
    const arg = (): Expr => (chance(r, 0.15) ? this.promote(depth - 1) : this.free('f32', depth - 1));
    if (chance(r, 0.2)) {
      const fn: MathFn = pick(r, ['pow', 'atan2'] as const);
      return { k: 'math', t: 'f32', fn, args: [arg(), arg()] };
    }
    return { k: 'math', t: 'f32', fn: pick(r, F32_FNS), args: [arg()] };
  }

  private call(h: Helper, depth: number): Expr {
    const args = h.params.map((p) => (p.t === 'f32' && chance(this.rng, 0.2) ? this.promote(depth - 1) : this.expr(p.t, depth - 1)));
    return { k: 'call', t: h.ret, fn: h.name, args };
  }

  /**
   * A comparison of two leaves, `a < b`: two of them side by side (`c ? a < b : a > b`, `h(a < b,
   * a > b)`) are what a C-like printer can turn into a WGSL template list.
   */
  private compareLeaves(ops: readonly BinOp[] = COMPARE): Expr {
    const r = this.rng;
    const t = pick(r, NUMS);
    let a = this.leaf(t);
    const b = this.leaf(t);
    if (!fixed(a) && !fixed(b)) a = fix(a);
    return { k: 'bin', t: 'bool', op: pick(r, ops), a, b };
  }

  boolExpr(depth: number): Expr {
    const r = this.rng;
    return weighted<() => Expr>(r, [
      [6, () => {
        const t = pick(r, NUMS);
        let [a, b] = this.pair(t, depth);
        if (!fixed(a) && !fixed(b)) a = fix(a);
        if (t === 'f32' && a.k !== 'promote' && chance(r, 0.2)) {
          a = fix(a);
          b = this.promote(depth - 1);
        }
        return { k: 'bin', t: 'bool', op: pick(r, COMPARE), a, b };
      }],
      [1, () => ({ k: 'bin', t: 'bool', op: pick(r, ['==', '!='] as const), a: this.expr('bool', depth - 1), b: this.expr('bool', depth - 1) })],
      [3, () => ({ k: 'bin', t: 'bool', op: pick(r, ['&&', '||'] as const), a: this.cond(depth - 1), b: this.cond(depth - 1) })],
      [2, () => ({ k: 'un', t: 'bool', op: '!', a: this.cond(depth - 1) })],
      [1, () => ({ k: 'conv', t: 'bool', a: this.free(pick(r, NUMS), depth - 1) })],
      [3, () => this.compareLeaves()],
      [2, () => {
        // Half the time `c ? x > y : x < y`, the order in which WGSL's select(f, t, c) puts `<` first.
        if (chance(r, 0.5)) return { k: 'cond', t: 'bool', c: this.cond(depth - 1), a: this.compareLeaves(['>', '>=']), b: this.compareLeaves(['<', '<=']) };
        const arm = (): Expr => (chance(r, 0.6) ? this.compareLeaves() : this.expr('bool', depth - 1));
        return { k: 'cond', t: 'bool', c: this.cond(depth - 1), a: arm(), b: arm() };
      }],
      ...this.helpers.filter((h) => h.ret === 'bool').map((h) => [1, () => this.call(h, depth)] as const),
    ])();
  }

  /** A condition: a bool, or a number compared with zero by the language. */
  cond(depth: number): Expr {
    return this.decidingExpr(() => (chance(this.rng, 0.75) ? this.expr('bool', depth) : this.free(pick(this.rng, NUMS), depth)));
  }

  /** A value for a place of type t (variable, element, parameter): integers go into f32 places too. */
  valueFor(t: Scalar, depth: number): Expr {
    if (t === 'f32' && chance(this.rng, 0.15)) return this.promote(depth);
    return this.expr(t, depth);
  }

  // ---- statements ----

  private declare(v: Var): void {
    this.scope.vars.set(v.name, v);
  }

  private withScope<T>(f: () => T): T {
    const outer = this.scope;
    this.scope = new Scope(outer);
    try {
      return f();
    } finally {
      this.scope = outer;
    }
  }

  /** No statement of the current block yet: a shadowing declaration cannot follow a use of the outer name. */
  private atBlockStart = false;

  private name(init: Expr | null): string {
    // Now and then an inner block starts by reusing a visible name (one its initializer does not read): shadowing.
    if (!this.atBlockStart) return this.fresh('v');
    const used = JSON.stringify(init);
    const visible = this.scope
      .visible()
      .filter((v) => !this.scope.vars.has(v.name) && !this.loopVars.includes(v.name) && /^v\d/.test(v.name) && !used.includes(`"${v.name}"`));
    if (this.scope.parent && visible.length > 0 && chance(this.rng, 0.1)) return pick(this.rng, visible).name;
    return this.fresh('v');
  }

  letStmt(depth: number): Stmt {
    const r = this.rng;
    const t = pick(r, ['i32', 'u32', 'f32', 'f32', 'bool'] as const);
    const mutable = chance(r, 0.7);
    let annotate = chance(r, 0.5);
    let init: Expr | null = mutable && chance(r, 0.08) ? null : this.valueFor(t, depth);
    const name = this.name(init);
    if (init === null) annotate = true;
    else if (!annotate) {
      // Without an annotation the initializer gives the type: it must have one of its own.
      if (init.k === 'promote') annotate = true;
      else init = fix(init);
    }
    const s: Stmt = { k: 'let', name, t, init, mutable, annotate };
    this.declare({ name, t, mutable, intOnly: false });
    return s;
  }

  assignStmt(depth: number): Stmt | null {
    const r = this.rng;
    const vs = this.scope.visible().filter((v) => v.mutable);
    if (vs.length === 0) return null;
    const v = pick(r, vs);
    if (isInt(v.t) && chance(r, 0.15)) return { k: 'incr', name: v.name, op: pick(r, ['++', '--'] as const), prefix: chance(r, 0.5) };
    if (v.t === 'bool' || chance(r, 0.4)) return { k: 'assign', name: v.name, t: v.t, op: '=', value: this.valueFor(v.t, depth) };
    const ops: AssignOp[] = v.t === 'f32' ? ['+=', '-=', '*=', '/=', '%='] : ['+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=', '>>>='];
    const op = pick(r, ops);
    const shift = op === '<<=' || op === '>>=' || op === '>>>=';
    const value = shift ? this.free(pick(r, INTS), depth) : this.valueFor(v.t, depth);
    return { k: 'assign', name: v.name, t: v.t, op, value };
  }

  localArrayStmt(): Stmt {
    const r = this.rng;
    const a: LocalArr = { name: this.fresh('L'), elem: pick(r, NUMS), len: pick(r, [1, 2, 4, 8, 16]) };
    this.scope.arrays.push(a);
    return { k: 'larr', name: a.name, elem: a.elem, len: a.len };
  }

  storeStmt(depth: number): Stmt | null {
    const arrs = this.scope.allArrays();
    if (arrs.length === 0) return null;
    const a = pick(this.rng, arrs);
    return { k: 'store', arr: a.name, elem: a.elem, len: a.len, idx: this.index(), op: chance(this.rng, 0.3) ? '+=' : '=', value: this.valueFor(a.elem, depth) };
  }

  block(n: number, depth: number, nest: number): Stmt[] {
    return this.withScope(() => {
      const out: Stmt[] = [];
      for (let i = 0; i < n; i++) {
        this.atBlockStart = out.length === 0;
        const s = this.stmt(depth, nest);
        this.atBlockStart = false;
        if (s) out.push(s);
      }
      return out;
    });
  }

  ifStmt(depth: number, nest: number): Stmt {
    const c = this.cond(depth);
    const then = this.block(this.rng.int(1, 4), depth, nest - 1);
    const els = chance(this.rng, 0.5) ? this.block(this.rng.int(1, 3), depth, nest - 1) : null;
    return { k: 'if', c, then, else: els };
  }

  forStmt(depth: number, nest: number): Stmt {
    const r = this.rng;
    const t = pick(r, INTS);
    const v = this.fresh('k'); // not 'i': i32 would be a counter's name
    const annotate = chance(r, 0.5);
    let to: Expr = chance(r, 0.6) ? { k: 'lit', t, v: r.int(1, 9), typed: false } : { k: 'bin', t, op: '&', a: this.decidingExpr(() => this.free(t, 1)), b: { k: 'lit', t, v: 7, typed: false } };
    // An unannotated counter is typed by what it is compared with: a u32 bound must be typed itself.
    if (!annotate && t === 'u32') to = fix(to);
    const from = r.int(0, 3);
    const step = chance(r, 0.8) ? 1 : 2;
    const body = this.withScope(() => {
      this.declare({ name: v, t, mutable: false, intOnly: !annotate });
      this.loopVars.push(v);
      this.loops++;
      try {
        return this.block(r.int(1, 4), depth, nest - 1);
      } finally {
        this.loops--;
        this.loopVars.pop();
      }
    });
    return { k: 'for', v, t, annotate, from, to, step, body };
  }

  whileStmt(depth: number, nest: number): Stmt {
    const r = this.rng;
    const v = this.fresh('w');
    const doWhile = chance(r, 0.4);
    const c = doWhile && chance(r, 0.5) ? this.cond(depth - 1) : null;
    const trips = r.int(1, 7);
    this.declare({ name: v, t: 'i32', mutable: false, intOnly: false });
    this.loops++;
    try {
      return { k: 'while', v, trips, doWhile, c, body: this.block(r.int(1, 4), depth, nest - 1) };
    } finally {
      this.loops--;
    }
  }

  stmt(depth: number, nest: number): Stmt | null {
    const r = this.rng;
    const opts: (readonly [number, () => Stmt | null])[] = [
      [6, () => this.letStmt(depth)],
      [5, () => this.assignStmt(depth)],
    ];
    if (!this.inHelper) {
      opts.push([2, () => this.outStmt(depth)], [2, () => this.storeStmt(depth)], [1, () => this.localArrayStmt()]);
      const own = this.sharedIn(['write']);
      if (own.length > 0) opts.push([6, () => this.sstore(pick(r, own), depth)]);
      opts.push([this.sharedIn(['atomic']).length > 0 ? 3 : 0.7, () => this.atomicStmt(depth)]);
    }
    if (nest > 0) {
      opts.push([3, () => this.ifStmt(depth, nest)]);
      opts.push([2, () => this.forStmt(depth, nest)]);
      opts.push([1, () => this.whileStmt(depth, nest)]);
      opts.push([0.5, () => ({ k: 'block', body: this.block(r.int(1, 3), depth, nest - 1) })]);
    }
    if (this.loops > 0) opts.push([1, () => ({ k: 'if', c: this.cond(depth - 1), then: [{ k: pick(r, ['break', 'continue'] as const) }], else: null })]);
    // A per-thread return would leave the later barriers to only some threads.
    if (!this.inHelper && !this.sync) opts.push([0.3, () => ({ k: 'if', c: this.cond(depth - 1), then: [{ k: 'return', value: null }], else: null })]);
    else if (this.inHelper) opts.push([0.5, () => ({ k: 'if', c: this.cond(depth - 1), then: [{ k: 'return', value: this.valueFor(this.helperRet, depth) }], else: null })]);
    return weighted(r, opts)();
  }

  private sstore(a: SharedArr, depth: number): Stmt {
    return { k: 'sstore', arr: a.name, elem: a.elem, op: chance(this.rng, 0.3) ? '+=' : '=', value: this.valueFor(a.elem, depth) };
  }

  /** An atomic on a global array or a shared one in atomic mode; see ATOMIC_CELLS for the grouping. */
  atomicStmt(depth: number): Stmt {
    const r = this.rng;
    const arrays: { name: string; elem: Int }[] = [
      ...Object.entries(GLOBAL_ATOMIC).map(([name, elem]) => ({ name, elem })),
      ...this.sharedIn(['atomic']).map((a) => ({ name: a.name, elem: a.elem as Int })),
    ];
    const a = pick(r, arrays);
    const group = r.int(0, 4);
    const idx = chance(r, 0.3) ? null : this.decidingExpr(() => this.free(pick(r, INTS), 1));
    const value = (): Expr => this.expr(a.elem, depth);
    const bind = (): string | null => (chance(r, 0.3) ? this.fresh('o') : null);
    const base = { k: 'atomic', arr: a.name, elem: a.elem, group, idx, loop: null } as const;
    let s: Stmt;
    if (group === 0 || group === 2) {
      if (chance(r, 0.2)) return { ...base, op: 'atomicCAS', value: value(), bind: this.fresh('c'), loop: group === 0 ? 'add' : 'max' };
      const op = group === 0 ? pick(r, ['atomicAdd', 'atomicSub'] as const) : 'atomicMax';
      s = { ...base, op, value: value(), bind: bind() };
    } else if (group === 1) s = { ...base, op: 'atomicMin', value: value(), bind: bind() };
    else {
      const x = this.xchgOf(a.name, a.elem);
      s = { ...base, op: 'exch' in x ? 'atomicExch' : 'atomicCAS', value: null, bind: bind() };
    }
    if (s.k === 'atomic' && s.bind) this.declare({ name: s.bind, t: a.elem, mutable: false, intOnly: false, opaque: true });
    return s;
  }

  /** One exchange (or compare-and-swap) per array: a constant value, so that the final value is order-free. */
  private xchgOf(arr: string, elem: Int): Program['xchg'][string] {
    const r = this.rng;
    const v = (): number => (elem === 'i32' ? r.int(-50, 50) : r.int(0, 100));
    return (this.xchg[arr] ??= chance(r, 0.5) ? { exch: v() } : { expected: v(), value: v() });
  }

  /** Statements between two barriers, each shared array in a mode that rules out races. */
  private segment(n: number, depth: number, nest: number): Stmt[] {
    const r = this.rng;
    this.modes = new Map(this.shared.map((a) => [a.name, weighted<SharedMode>(r, a.atomic ? [[3, 'write'], [3, 'read'], [4, 'atomic']] : [[1, 'write'], [1, 'read']])]));
    const out: Stmt[] = [];
    for (let i = 0; i < n; i++) {
      const s = this.stmt(depth, nest);
      if (s) out.push(s);
    }
    out.push({ k: 'sync' });
    return out;
  }

  /** A fixed-count loop around segments: every thread runs every barrier the same number of times. */
  private syncFor(): Stmt {
    const r = this.rng;
    const v = this.fresh('s');
    const trips = r.int(1, 5);
    const body = this.withScope(() => {
      this.declare({ name: v, t: 'i32', mutable: false, intOnly: false });
      this.loopVars.push(v);
      try {
        return Array.from({ length: r.int(1, 4) }, () => this.segment(r.int(1, 4), 2, 1)).flat();
      } finally {
        this.loopVars.pop();
      }
    });
    return { k: 'syncfor', v, trips, body };
  }

  private slots = { OI: 0, OU: 0, OF: 0 };
  private helperRet: Scalar = 'i32';

  outStmt(depth: number): Stmt {
    const arr = pick(this.rng, ['OI', 'OU', 'OF'] as const);
    const t = arr === 'OI' ? 'i32' : arr === 'OU' ? 'u32' : 'f32';
    return { k: 'out', arr, slot: this.rng.int(0, this.slots[arr]), value: this.valueFor(t, depth) };
  }

  helper(): Helper {
    const r = this.rng;
    const name = this.fresh('h');
    const params = Array.from({ length: r.int(1, 4) }, () => ({ name: this.fresh('x'), t: pick(r, ['i32', 'u32', 'f32', 'f32', 'bool'] as const) }));
    const ret = pick(r, ['i32', 'u32', 'f32', 'f32', 'bool'] as const);
    const outer = this.scope;
    this.scope = new Scope(null);
    this.inHelper = true;
    this.helperRet = ret;
    try {
      for (const p of params) this.declare({ name: p.name, t: p.t, mutable: false, intOnly: false });
      const body = this.block(r.int(0, 4), 3, 1);
      body.push({ k: 'return', value: this.valueFor(ret, 3) });
      return { name, params, ret, body };
    } finally {
      this.scope = outer;
      this.inHelper = false;
    }
  }

  program(): Program {
    const r = this.rng;
    for (let i = r.int(0, 4); i > 0; i--) this.helpers.push(this.helper());
    this.slots = { OI: r.int(2, 7), OU: r.int(2, 7), OF: r.int(2, 7) };
    this.sync = chance(r, 0.4);
    for (const [name, t] of PRELUDE_VARS) this.declare({ name, t, mutable: false, intOnly: false });
    const body = this.withScope(() => {
      const out: Stmt[] = [];
      if (this.sync) {
        for (let i = r.int(1, 4); i > 0; i--) {
          const elem = pick(r, NUMS);
          const a: SharedArr = { name: this.fresh('S'), elem, atomic: elem !== 'f32' && chance(r, 0.6) };
          this.shared.push(a);
          out.push({ k: 'sarr', name: a.name, elem });
        }
        for (let i = r.int(2, 6); i > 0; i--) out.push(...(chance(r, 0.3) ? [this.syncFor()] : this.segment(r.int(2, 7), 3, 2)));
        // The outputs are written where every shared array may be read anywhere.
        this.modes = new Map(this.shared.map((a) => [a.name, 'read']));
      } else {
        for (let i = r.int(6, 16); i > 0; i--) {
          const s = this.stmt(3, 2);
          if (s) out.push(s);
        }
      }
      // Every slot gets a final value, from the whole scope.
      for (const arr of ['OI', 'OU', 'OF'] as const) {
        const t = arr === 'OI' ? 'i32' : arr === 'OU' ? 'u32' : 'f32';
        for (let slot = 0; slot < this.slots[arr]; slot++) out.push({ k: 'out', arr, slot, value: this.valueFor(t, 3) });
      }
      return out;
    });
    return { helpers: this.helpers, body, slots: this.slots, sync: this.sync, xchg: this.xchg };
  }
}

/** The locals the kernel's prelude declares, with their types. */
export const PRELUDE_VARS: readonly (readonly [string, Scalar])[] = [
  ['gi', 'i32'], ['p', 'i32'], ['q', 'u32'], ['r', 'f32'], ['flag', 'bool'],
  ...Array.from({ length: IN_SLOTS }, (_, i) => [`a${i}`, 'i32'] as const),
  ...Array.from({ length: IN_SLOTS }, (_, i) => [`u${i}`, 'u32'] as const),
  ...Array.from({ length: IN_SLOTS }, (_, i) => [`f${i}`, 'f32'] as const),
];

export function generateProgram(rng: Rng): Program {
  return new Gen(rng).program();
}
