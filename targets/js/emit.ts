// JS: the cpu backend's code and the reference semantics of the IR. `new Function(code)()` returns
// run(args, grid, block, first?, end?), which executes blocks [first, end) of the grid (linear
// block index, x fastest; the whole grid by default) synchronously: the cpu device splits a
// grid's blocks over worker threads this way, and a block never spans two calls. f32 arithmetic is rounded
// with Math.fround, i32 wraps with `| 0` / Math.imul, u32 with `>>> 0`. Kernels without barriers
// run every thread as a plain loop iteration. Kernels with barriers are split at the barriers into
// regions, each a plain loop over the block's threads (regions.ts); the few that cannot be split
// run each thread of a block as a generator that yields at every barrier, all threads round-robin.
// Kernels with collective warp operations always run as generators that also yield at each warp
// operation, under the warp scheduler of warp.ts (32 lanes in lockstep).
import type { ElemType, Expr, FragRole, KernelIR, ScalarType, Stmt } from '../../core/ir/types.js';
import type { KernelMeta } from '../../core/output.js';
import type { DebugSync } from '../../core/race.js';
import { visitStmts } from '../../core/ir/walk.js';
import { analyze, atomicParams, dynamicSharedMeta, sharedBytes, warpMeta } from '../analysis.js';
import { CLikePrinter, P, prim, type Printed } from '../c-like.js';
import { shortestF32 } from '../float.js';
import { arrayCell, cellRead, CELL_ARRAY, emitRegions, planRegions, regionStorage, scalarCell, type RegionPlan } from './regions.js';
import { TEAM_HELPERS, teamSafe, UNIT_LENGTH } from './team.js';
import { makeNameMap, type NameMap } from '../names.js';
import { JS_NAMES } from './keywords.js';
import { JS_ATOMICS, JS_MATH } from './ops.js';
import { mathHelpers, mathSpelling, spellMath } from '../spelling.js';
import { ATOMIC_OPS, MATH, MATH_FNS, isFloat, mathArgType, type BuiltinName } from '../../core/ir/ops.js';
import { ELEMENTS, ELEM_TYPES } from '../../core/elements.js';
import { InternalCompilerError } from '../../core/diagnostics/diagnostic.js';
import { RaceHooks } from './race.js';
import { SCRATCH_HELPERS, Scratch } from './scratch.js';
import { WARP_JS } from './warp.js';
import { JS_WARP } from './ops.js';
import { warpOperandType } from '../warp.js';
import { isCollective } from '../../core/ir/ops.js';
import { someExprIn, someStmt } from '../../core/ir/walk.js';
import { MATRIX, MEMORY_FN } from '../../core/matrix.js';
import { fragAlloc, isRow, LANE, matrixHelpers, matrixSync } from './matrix.js';
import { storeConversions } from './scalarize.js';
import { F16_BITS, F16_JS, F16_ROUND, F16_VALUES, F16_VIEW } from './floats.js';
import { usesScalarType } from '../f16.js';
import { LOG_HELPERS, logRecord, logWords } from './print.js';
import { compileLoop, compileRegion, undefinedLocals, type ArrayInfo, type WasmLoop } from './wasm-loop.js';
import { wasmModule, type WasmFunction } from './wasm-encode.js';

// f16 arrays are their bits (floats.ts).
const ARRAY = Object.fromEntries(ELEM_TYPES.map((t) => [t, t === 'f16' ? 'Uint16Array' : ELEMENTS[t].host.name])) as Record<ElemType, string>;
const ZERO: Record<ScalarType, string> = { f32: '0', f16: '0', f64: '0', i32: '0', u32: '0', bool: 'false' };
const BUILTIN: Record<BuiltinName, string> = { threadIdx: 't', blockIdx: 'b', blockDim: 'bd', gridDim: 'gd' };
const ARG: Record<ScalarType, (a: string) => string> = {
  f32: (a) => `Math.fround(${a})`,
  f16: (a) => `${F16_ROUND}(${a})`,
  f64: (a) => `+${a}`,
  i32: (a) => `${a} | 0`,
  u32: (a) => `${a} >>> 0`,
  bool: (a) => `Boolean(${a})`,
};

const RUN_BLOCK = [
  '// Runs the threads of one block round-robin: each pass takes every live thread to its next barrier.',
  'function ks_runBlock(threads) {',
  '  let live = threads.length;',
  '  while (live > 0) {',
  '    live = 0;',
  '    for (let i = 0; i < threads.length; i++) {',
  '      const t = threads[i];',
  '      if (t === null) continue;',
  '      if (t.next().done) threads[i] = null;',
  '      else live++;',
  '    }',
  '  }',
  '}',
];

/**
 * Debug builds: the first out-of-bounds access fills the fault record (core/output.ts), later ones
 * leave it; Atomics.exchange keeps that true where blocks run on several threads.
 */
const FAULT_HELPER = [
  'function ks_fault(rec, site, index, length, tx, ty, tz, bx, by, bz) {',
  '  if (Atomics.exchange(rec, 0, 1) !== 0) return;',
  '  rec[1] = site; rec[2] = index; rec[3] = length;',
  '  rec[4] = tx; rec[5] = ty; rec[6] = tz; rec[7] = bx; rec[8] = by; rec[9] = bz;',
  '}',
];

/**
 * An f32 constant as the double that equals the f32 value exactly, because JS computes with the
 * literal as a double: the short spelling of f32(0.1) is `0.1`, a different number, and
 * `x <= 0.1` or `x + 0.1` would then differ from the f32 targets. The short spelling is kept where
 * it is already exact (`0.5`, `1.0`); otherwise String(Math.fround(v)), which reads back exactly.
 */
function f32Text(value: number): string {
  const f = Math.fround(value);
  if (!Number.isFinite(f)) return String(f);
  const short = shortestF32(f);
  return Number(short) === f ? short : String(f);
}

/** `Math.fround(x)` → `x` when the fround encloses the whole text; anything else unchanged. */
export function unwrapFround(text: string): string {
  const head = 'Math.fround(';
  if (!text.startsWith(head) || !text.endsWith(')')) return text;
  let depth = 1;
  for (let i = head.length; i < text.length - 1; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return text;
  }
  return text.slice(head.length, -1);
}

const wrap = (text: string, type: ScalarType): Printed =>
  type === 'i32' ? { text: `${text} | 0`, prec: P.bitor } : type === 'u32' ? { text: `${text} >>> 0`, prec: P.shift } : prim(text);

class JsPrinter extends CLikePrinter {
  private inHelper = false;
  private readonly generator: boolean;
  /** Whether the kernel has collective warp operations (run by ks_runWarps, warp.ts). */
  private readonly warps: boolean;
  /** Set when a barrier kernel runs as regions of plain thread loops rather than generators. */
  private readonly regions: RegionPlan | null;
  /** Printing a uniform condition outside the thread loops: thread 0's values stand for all. */
  private thread0 = false;
  /** The thread whose cells thread0 printing reads: debug builds' agreement check prints `ks_i`. */
  private cell = '0';
  /** Debug builds' race and divergence checks (race.ts); null otherwise. */
  private readonly race: RaceHooks | null;
  /**
   * Lines before the block loop: shared arrays, promoted locals' storage, the barrier-free path's
   * local arrays (zeroed where declared), each kept between calls where small (scratch.ts).
   */
  private readonly hoisted: string[] = [];
  /** Allocation sites of the arrays kept between calls (scratch.ts). */
  private readonly scratch = new Scratch();

  /** Element type of every array the kernel names (parameters, shared and local arrays). */
  private readonly elems = new Map<string, ElemType>();
  /** The role of every matrix fragment the kernel declares. */
  private readonly fragRoles = new Map<string, FragRole>();
  /** Temporaries the printer names itself (matrix operands), counted per kernel. */
  private temps = 0;
  /** Loops compiled to WebAssembly (wasm-loop.ts), by their statement; null where one does not qualify. */
  private readonly wasmLoops = new Map<Stmt, WasmLoop | null>();
  /** The module's functions: those loops and regions' thread loops, in order. */
  private readonly wasmFns: WasmFunction[] = [];
  /** Arrays whose memory addresses the entry looks up (for the WebAssembly loops). */
  private readonly wasmArrays = new Set<string>();
  /** Whether this build may use WebAssembly loops (not in debug, race-checked or printing builds). */
  private readonly wasm: boolean;
  /** Locals that may hold `undefined` in JS: checked before they go into a WebAssembly call. */
  private readonly maybeUndefined: Set<string>;

  constructor(
    ir: KernelIR,
    names: NameMap,
    opts: JsOptions,
    private readonly lane: Lane,
  ) {
    super(ir, names);
    for (const p of ir.params) if (p.kind === 'array') this.elems.set(p.name, p.elem);
    for (const a of ir.shared) this.elems.set(a.name, a.elem);
    visitStmts(ir.body, (s) => {
      if (s.k === 'localArray') this.elems.set(s.name, s.elem);
      if (s.k === 'matrix' && s.op === 'frag') this.fragRoles.set(s.name, s.frag.role);
    });
    let barrier = ir.usesBarrier;
    visitStmts(ir.body, (s) => {
      if (s.k === 'barrier') barrier = true;
    });
    // Collective warp operations pause each thread where its warp meets (warp.ts): generators.
    // Matrix loads and stores are such meeting points too (matrix.ts).
    this.warps = someExprIn(ir.body, (e) => e.k === 'warp' && isCollective(e.op)) || someStmt(ir.body, (s) => s.k === 'matrix');
    this.regions = barrier && !this.warps && !opts.generators ? planRegions(ir) : null;
    this.generator = (barrier && !this.regions) || this.warps;
    // The race checker's scheduler knows no warps: warp kernels run unchecked (docs/language.md).
    this.race = this.warps ? null : RaceHooks.of(ir, barrier);
    // Printing and debug builds run on the calling thread only (runtime/cpu/index.ts).
    if (this.regions) this.regions.team = !this.race && !ir.debug && !ir.prints && teamSafe(ir, this.regions.uniform, this.regions.arrays.size);
    this.wasm = opts.wasm !== false && !this.race && !ir.debug && !ir.prints && !this.generator;
    this.maybeUndefined = this.wasm ? undefinedLocals(ir.body) : new Set();
  }

  override print(e: Expr): Printed {
    if (e.k === 'cast' && storeConversions.has(e)) return this.cast(e.arg, e.type);
    if (this.thread0 && this.regions) {
      if (e.k === 'load' && this.regions.scalars.has(e.name)) return prim(cellRead(`${scalarCell(this.name(e.name))}[${this.cell}]`, this.regions.scalars.get(e.name)));
      if (e.k === 'index' && this.regions.arrays.has(e.array)) {
        return this.f16Read(e.array, `${arrayCell(this.name(e.array))}[${this.cell}][${this.expr(e.index)}]`);
      }
    }
    return super.print(e);
  }

  protected typeName(t: ScalarType): string {
    return t;
  }

  /** An element read: an f16 array holds bits, read as their value. */
  private f16Read(array: string, text: string): Printed {
    return this.elems.get(array) === 'f16' ? prim(`${F16_VALUES}[${text}]`) : prim(text);
  }

  protected literal(type: ScalarType, value: number | boolean): Printed {
    if (typeof value === 'boolean') return prim(String(value));
    // f16 and f64 constants are doubles already, and String() reads back exactly.
    const text = type === 'f32' ? f32Text(value) : type === 'f16' || type === 'f64' ? (Object.is(value, -0) ? '-0' : String(value)) : String(type === 'u32' ? value >>> 0 : value | 0);
    return { text, prec: text.startsWith('-') ? P.unary : P.primary };
  }

  protected builtin(name: BuiltinName, axis: string): Printed {
    if (this.thread0 && name === 'threadIdx' && this.cell === '0') return prim('0');
    if (this.lane.index > 0 && name === 'threadIdx' && axis === 'x') return prim(`(ks_tx + ${this.lane.index})`);
    return prim(`ks_${BUILTIN[name]}${axis}`);
  }

  protected cast(arg: Expr, to: ScalarType): Printed {
    if (to === 'bool') return this.infix('!==', arg, prim('0'), P.eq);
    if (arg.type === 'bool') return prim(`(${this.operand(arg, P.select, 'l')} ? 1 : 0)`);
    // f16 values are exact doubles, and f32 ones too: only narrowing rounds (f16 from f32 only, targets/f16.ts).
    if (to === 'f16') return prim(`${F16_ROUND}(${this.expr(arg)})`);
    if (to === 'f64' || (to === 'f32' && arg.type === 'f16')) return this.print(arg);
    if (to === 'f32') return prim(`Math.fround(${this.expr(arg)})`);
    return to === 'i32' ? this.infix('|', arg, prim('0')) : this.infix('>>>', arg, prim('0'));
  }

  protected override unary(e: Extract<Expr, { k: 'unary' }>): Printed {
    const base = super.unary(e);
    if (e.op === 'not' || isFloat(e.type) || (e.op === 'bitnot' && e.type === 'i32')) return base;
    return wrap(`(${base.text})`, e.type);
  }

  protected override binary(e: Extract<Expr, { k: 'binary' }>): Printed {
    const { op, lhs, rhs, type } = e;
    if (lhs.type === 'f16') throw new InternalCompilerError(`f16 '${op}' reached the JS printer: the f16 rule (targets/f16.ts) did not run`);
    if (op === '==' || op === '!=') return this.infix(op === '==' ? '===' : '!==', lhs, rhs, P.eq);
    if (op === '&&' || op === '||' || type === 'bool') return this.infix(op, lhs, rhs);
    if (type === 'f64') return this.infix(op, lhs, rhs);
    if (type === 'f32') {
      if (op === '%') return this.infix('%', lhs, rhs);
      return prim(`Math.fround(${this.infix(op, lhs, rhs).text})`);
    }
    if (op === '*') return wrap(`Math.imul(${this.expr(lhs)}, ${this.expr(rhs)})`, type === 'u32' ? 'u32' : 'bool');
    if (type === 'i32') {
      if (op === '&' || op === '|' || op === '^' || op === '<<' || op === '>>') return this.infix(op, lhs, rhs);
      return wrap(`(${this.infix(op, lhs, rhs).text})`, 'i32');
    }
    if (op === '>>' || op === '>>>') return this.infix('>>>', lhs, rhs);
    return wrap(`(${this.infix(op, lhs, rhs).text})`, 'u32');
  }

  protected math(e: Extract<Expr, { k: 'math' }>): Printed {
    if (e.type === 'bool') throw new InternalCompilerError(`math ${e.fn} on bool`);
    const p = spellMath(mathSpelling(JS_MATH, e.fn, mathArgType(e)), () => e.args.map((a) => this.print(a)), mathArgType(e), () => this.args(e.args));
    // The registry says which f32 results JS computes in double and must round.
    return e.type === 'f32' && MATH[e.fn].rounding === 'f32' ? prim(`Math.fround(${p.text})`) : p;
  }

  protected globalLength(array: string): Printed {
    return prim(`${this.name(array)}.length`);
  }

  protected fault(s: Extract<Stmt, { k: 'fault' }>): void {
    const where = 'ks_tx, ks_ty, ks_tz, ks_bx, ks_by, ks_bz';
    this.line(`ks_fault(ks_fault_rec, ${s.site}, ${this.expr(s.index)}, ${this.expr(s.length)}, ${where});`);
  }

  protected logLine(s: Extract<Stmt, { k: 'print' }>): void {
    for (const l of logRecord(s.site, s.args.flatMap((a) => logWords(this.expr(a), a.type)))) this.line(l);
  }

  protected warp(e: Extract<Expr, { k: 'warp' }>): Printed {
    return prim(JS_WARP[e.op](e.args.map((a) => this.expr(a)), warpOperandType(e)).text);
  }

  protected atomic(e: Extract<Expr, { k: 'atomic' }>): Printed {
    const index = this.race?.index(e, e.array, 'atomic', this.expr(e.index)) ?? this.expr(e.index);
    return prim(`ks_atomic_${e.op}(${this.name(e.array)}, ${index}, ${this.args(e.args)})`);
  }

  protected override indexRead(e: Extract<Expr, { k: 'index' }>): Printed {
    const index = this.race?.index(e, e.array, 'read', this.expr(e.index)) ?? this.expr(e.index);
    return this.f16Read(e.array, `${this.name(e.array)}[${index}]`);
  }

  /** Debug builds print every store through store(), where shared ones are checked. */
  protected override plainStore(): boolean {
    return !this.race;
  }

  protected declare(s: Extract<Stmt, { k: 'let' }>): void {
    const init = s.init ? this.expr(s.init) : ZERO[s.type];
    this.line(`${s.mutable ? 'let' : 'const'} ${this.name(s.name)} = ${init};`);
  }

  /**
   * A Float32Array store rounds to f32 exactly as Math.fround does, so the printer's final fround
   * of an f32 value is dropped there (and only there: in an expression it is observable).
   */
  protected override store(s: Extract<Stmt, { k: 'store' }>): void {
    let value = this.expr(s.value);
    if (this.elems.get(s.array) === 'f32') value = unwrapFround(value);
    if (this.elems.get(s.array) === 'f16') value = `${F16_BITS}(${value})`;
    const index = this.race?.index(s, s.array, 'write', this.expr(s.index)) ?? this.expr(s.index);
    this.line(`${this.name(s.array)}[${index}] = ${value};`);
  }

  protected localArray(s: Extract<Stmt, { k: 'localArray' }>): void {
    const alloc = `new ${ARRAY[s.elem]}(${s.length})`;
    if (this.regions?.arrays.has(s.name)) {
      this.line(`const ${this.name(s.name)} = ${arrayCell(this.name(s.name))}[ks_i];`);
      return this.line(`${this.name(s.name)}.fill(0);`);
    }
    if (this.generator) return this.line(`const ${this.name(s.name)} = ${alloc};`);
    this.hoisted.push(this.scratch.keep(this.name(s.name), String(s.length), alloc));
    this.line(`${this.name(s.name)}.fill(0);`);
  }

  protected vload(): void {
    throw new InternalCompilerError('vector loads reach the JS printer (targets/js/vectors.ts splits them)');
  }

  /** A name of the printer's own ('ks_' names never clash with the kernel's, targets/names.ts). */
  private fresh(base: string): string {
    return `${base}${++this.temps}`;
  }

  /** Matrix statements, emulated per lane (matrix.ts). */
  protected override matrix(s: Extract<Stmt, { k: 'matrix' }>): void {
    switch (s.op) {
      case 'frag':
        return this.line(`const ${this.name(s.name)} = ${fragAlloc};`);
      case 'fill':
        return this.line(`${this.name(s.name)}.fill(${this.expr(s.value)});`);
      case 'mma':
        return this.line(`ks_mma(${[s.name, s.a, s.b, s.c].map((n) => this.name(n)).join(', ')});`);
      case 'load':
      case 'store': {
        const elem = this.elems.get(s.array) === 'f16' ? 'f16' : 'f32';
        const fn = s.op === 'store' ? MATRIX.store.surface : MEMORY_FN[this.fragRoles.get(s.name) ?? 'acc'];
        const off = this.fresh('ks_moff');
        const st = this.fresh('ks_mst');
        const arr = this.name(s.array);
        this.line(matrixSync(s.op));
        this.line(`const ${off} = ${this.expr(s.offset)}, ${st} = ${this.expr(s.stride)};`);
        this.line(`ks_mcheck_${elem}(${JSON.stringify(fn)}, ${JSON.stringify(s.array)}, ${arr}, ${off}, ${st});`);
        if (s.op === 'load') return this.line(`ks_mload(${this.name(s.name)}, ${arr}, ${off}, ${st}, ${isRow(s.layout)}, ${elem === 'f16'});`);
        return this.line(`ks_mstore(${arr}, ${off}, ${st}, ${isRow(s.layout)}, ${this.name(s.src)}, ${LANE});`);
      }
    }
  }

  protected vstore(): void {
    throw new InternalCompilerError('vector stores reach the JS printer (targets/js/vectors.ts splits them)');
  }

  protected barrier(s: Extract<Stmt, { k: 'barrier' }>): string {
    return this.race?.barrier(s) ?? 'yield;';
  }

  /**
   * threadfence() needs nothing: a block's threads run in program order on one worker, and a write
   * is published to other workers' blocks through an atomic (JS Atomics are sequentially consistent,
   * so a plain write before one happens before the reads after another that sees it).
   */
  protected fence(): void {
    /* nothing to print */
  }

  protected override kernelReturn(s: Extract<Stmt, { k: 'return' }>): string {
    if (this.race && this.generator && !this.inHelper) return this.race.exit(s);
    return this.inHelper || this.generator ? 'return;' : 'continue ks_thread;';
  }

  protected continueTo(label: string): string {
    return `break ${label};`;
  }

  /**
   * A leaf loop that qualifies (wasm-loop.ts) calls its WebAssembly function where every array it
   * reads is in the linked memory, and runs as JS where not or where the function declines.
   */
  protected override loop(s: Extract<Stmt, { k: 'loop' }>): void {
    const w = this.wasmLoop(s);
    if (w === null) return super.loop(s);
    const ready = [
      ...this.wasmReady(w),
      ...(w.count ? [`${this.expr(w.count.bound)} - ${this.name(w.count.v)} >= ${w.count.span}`] : []),
      `${this.wasmCall(w)} === 0`,
    ].join(' && ');
    this.line(`if (${ready}) {`);
    this.indented(() => w.outputs.forEach((o, i) => this.line(`${this.name(o.name)} = ${OUT_READ[o.type](i)};`)));
    this.line('} else {');
    this.indented(() => super.loop(s));
    this.line('}');
  }

  /** What the WebAssembly compiler may read and write: global and shared arrays, and region cells. */
  private readonly arrayInfo = (a: string): ArrayInfo | null => {
    if (a.startsWith(CELL_ARRAY)) {
      const type = this.regions?.scalars.get(a.slice(CELL_ARRAY.length));
      return type === undefined || type === 'f16' || type === 'f64' ? null : { elem: type === 'bool' ? 'u8' : type, cell: true };
    }
    const e = this.elems.get(a);
    const local = !this.ir.params.some((p) => p.name === a) && !this.ir.shared.some((p) => p.name === a);
    return e === undefined || local ? null : { elem: e, cell: false };
  };

  /** An array's JS name (a cell's storage for a region cell). */
  private arrayName(a: string): string {
    return a.startsWith(CELL_ARRAY) ? scalarCell(this.name(a.slice(CELL_ARRAY.length))) : this.name(a);
  }

  /** The call of a compiled loop or thread loop, its arrays' addresses looked up once per call of the entry. */
  private wasmCall(w: Pick<WasmLoop, 'fn' | 'arrays' | 'inputs'>, extra: string[] = []): string {
    const args = [...w.arrays.flatMap((a) => [`ks_a_${this.arrayName(a)}`, `${this.arrayName(a)}.length`]), ...w.inputs.map((e) => this.expr(e)), ...extra, 'ks_out'];
    return `ks_W.${w.fn.name}(${args.join(', ')})`;
  }

  /**
   * The conditions before a call: every array in the linked memory, and no local input holding
   * `undefined` (a JS read out of bounds leaves one; WebAssembly would see 0 or NaN).
   */
  private wasmReady(w: Pick<WasmLoop, 'arrays' | 'inputs'>): string[] {
    const locals = w.inputs.filter((e) => e.k === 'load' && this.maybeUndefined.has(e.name)).map((e) => `${this.expr(e)} !== undefined`);
    return [...w.arrays.map((a) => `ks_a_${this.arrayName(a)} >= 0`), ...locals];
  }

  private wasmLoop(s: Extract<Stmt, { k: 'loop' }>): WasmLoop | null {
    if (!this.wasm || this.inHelper || this.thread0) return null;
    let w = this.wasmLoops.get(s);
    if (w === undefined) {
      w = compileLoop(s, `w${this.wasmFns.length}`, this.arrayInfo, this.maybeUndefined);
      this.wasmLoops.set(s, w);
      if (w) this.addWasm(w);
    }
    return w;
  }

  private addWasm(w: Pick<WasmLoop, 'fn' | 'arrays'>): void {
    this.wasmFns.push(w.fn);
    for (const a of w.arrays) this.wasmArrays.add(a);
  }

  /**
   * A region's thread loop as one WebAssembly call where it qualifies; in a team build only when
   * the call runs alone (a team's members take turns at the threads, team.ts).
   */
  private wasmThreads(threads: Stmt[], range: { lo: string; hi: string } | null, js: () => void): void {
    const w = this.wasm && !this.lane.index ? compileRegion(threads, `w${this.wasmFns.length}`, this.arrayInfo, this.maybeUndefined, range !== null) : null;
    if (w === null) return js();
    this.addWasm(w);
    const call = this.wasmCall(w, range ? [range.lo, range.hi] : []);
    const ready = [...(this.regions?.team ? ['ks_P === 1'] : []), ...this.wasmReady(w), `${call} === 0`].join(' && ');
    this.line(`if (!(${ready})) {`);
    this.indented(js);
    this.line('}');
  }

  protected fallbackBody(label: string, body: () => void): void {
    this.line(`${label}: {`);
    this.indented(body);
    this.line('}');
  }

  module(): string[] {
    const ir = this.ir;
    const usage = analyze(ir);
    this.line('"use strict";');
    this.line(`// KernelScript kernel '${ir.name}' (JS). Generated code: edit the TypeScript source instead.`);
    for (const op of ATOMIC_OPS) {
      if ([...usage.atomics].some((k) => k.startsWith(`${op}:`))) this.line(JS_ATOMICS[op]);
    }
    if (this.generator) for (const l of this.warps ? WARP_JS : (this.race?.runBlock ?? RUN_BLOCK)) this.line(l);
    if (ir.debug) for (const l of FAULT_HELPER) this.line(l);
    if (ir.prints) for (const l of LOG_HELPERS) this.line(l);
    if (usesScalarType(ir, 'f16')) for (const l of F16_JS) this.line(l);
    if (this.regions?.team) for (const l of TEAM_HELPERS) this.line(l);
    if (this.fragRoles.size > 0) for (const l of matrixHelpers(usesScalarType(ir, 'f16'))) this.line(l);
    for (const h of mathHelpers(JS_MATH, usage.math, MATH_FNS)) for (const l of h.lines) this.line(l);
    if (this.race) for (const l of this.race.helpers()) this.line(l);
    this.inHelper = true;
    for (const h of ir.helpers) {
      this.line(`function ${this.name(h.name)}(${h.params.map((p) => this.name(p.name)).join(', ')}) {`);
      this.indented(() => this.stmts(h.body));
      this.line('}');
    }
    this.inHelper = false;
    const entryAt = this.out.length;
    const team = this.teamPlan;
    if (team) this.teamMemory(team);
    // Five declared parameters (no defaults, so `length` is 5): the runtime splits only such code;
    // a sixth, a team (team.ts), where members may share a block.
    const entry = `function ${this.name.entry}(ks_args, ks_grid, ks_block, ks_first, ks_end${team ? ', ks_team' : ''}) {`;
    const entryLine = this.out.length;
    this.line('');
    this.indented(() => this.run());
    // The entry's body decides which loops are WebAssembly; its first line is written after it.
    const wasm = this.wasmFns.length > 0;
    const props = [...(team ? ['memory: ks_memory'] : []), ...(wasm ? [`wasm: "${base64(wasmModule(this.wasmFns))}"`, 'link: ks_link'] : [])];
    this.out[entryLine] = props.length > 0 ? `return Object.assign(${entry}` : `return ${entry}`;
    this.line(props.length > 0 ? `}, { ${props.join(', ')} });` : '};');
    const helpers = [...(this.scratch.used ? SCRATCH_HELPERS : []), ...(wasm ? wasmHelpers(this.scratch.used) : [])];
    this.out.splice(entryAt, 0, ...helpers);
    return this.out;
  }

  /** The region plan where the kernel's code is a team build (team.ts). */
  private get teamPlan(): RegionPlan | null {
    return this.regions?.team === true ? this.regions : null;
  }

  /** A shared array's element count: its launch-time expression, or its constant length. */
  private sharedLength(s: KernelIR['shared'][number]): string {
    return s.size ? this.expr(s.size) : String(s.length);
  }

  /** The arguments as locals. */
  private params(): void {
    this.ir.params.forEach((p, i) => {
      const a = `ks_args[${i}]`;
      const value = p.kind === 'scalar' ? ARG[p.type](a) : p.elem === 'f16' ? `${F16_VIEW}(${a})` : a;
      this.line(`const ${this.name(p.name)} = ${value};`);
    });
  }

  /**
   * ks_memory(args, grid, block, make): the arrays a team's members share, allocated with
   * make(site, ctor, length) — the promoted locals, then the shared arrays. The runtime allocates
   * them in shared memory for a team; a call without one keeps its own at their sites (scratch.ts).
   * (Team builds have no per-thread local arrays, team.ts, so every entry is one typed array.)
   */
  private teamMemory(plan: RegionPlan): void {
    this.line('function ks_memory(ks_args, ks_grid, ks_block, ks_new) {');
    this.indented(() => {
      this.params();
      this.line('const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];');
      this.line('const ks_n = ks_bdx * ks_bdy * ks_bdz;');
      const make = (c: string, n: string): string => `ks_new(${this.scratch.site()}, ${c}, ${n})`;
      const cells = regionStorage(plan, this.name, ARRAY, make).map(([, init]) => init);
      const shared = this.ir.shared.map((s) => make(ARRAY[s.elem], this.sharedLength(s)));
      this.line('return [');
      this.indented(() => [...cells, ...shared].forEach((a) => this.line(`${a},`)));
      this.line('];');
    });
    this.line('}');
  }

  private run(): void {
    const ir = this.ir;
    const team = this.teamPlan;
    this.params();
    // A debug build's fault record (core/output.ts) follows the arguments.
    if (ir.debug) this.line(`const ks_fault_rec = ks_args[${ir.params.length}];`);
    // A printing kernel's log buffer (core/printf.ts) comes last, after the debug records.
    if (ir.prints) this.line(`ks_log = ks_args[${ir.params.length + (ir.debug ? 1 : 0) + (this.race ? 1 : 0)}];`);
    this.line('const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];');
    this.line('const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];');
    if (this.race) this.line(this.race.launch((e) => this.expr(e)));
    if (this.generator) this.generatorFunction();
    if (team) {
      // A team's members take their turns and share the arrays of the team's block (team.ts).
      const names = [...regionStorage(team, this.name, ARRAY, () => '').map(([n]) => n), ...ir.shared.map((s) => this.name(s.name))];
      this.hoisted.push(
        'const ks_m = ks_team === undefined ? ks_memory(ks_args, ks_grid, ks_block, ks_keepNew) : ks_team.mem;',
        'const ks_p = ks_team === undefined ? 0 : ks_team.p, ks_P = ks_team === undefined ? 1 : ks_team.parts;',
        UNIT_LENGTH,
        ...names.map((n, i) => `const ${n} = ks_m[${i}];`),
      );
    } else {
      if (this.regions) {
        this.hoisted.push('const ks_n = ks_bdx * ks_bdy * ks_bdz;');
        for (const [n, alloc] of regionStorage(this.regions, this.name, ARRAY, (c, len) => `ks_alloc(${c}, ${len})`)) this.hoisted.push(this.scratch.keep(n, 'ks_n', alloc));
      }
      // Shared arrays are kept between calls and zeroed per block (what a fresh array would hold);
      // a block-sized one with its count for this launch's block shape (checked positive at launch).
      for (const s of ir.shared) {
        const length = this.sharedLength(s);
        this.hoisted.push(this.scratch.keep(this.name(s.name), length, `ks_alloc(${ARRAY[s.elem]}, ${length})`));
      }
    }
    this.line('const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;');
    const hoistAt = this.out.length;
    this.line('for (let ks_b = ks_b0; ks_b < ks_b1; ks_b++) {');
    this.indented(() => {
      // Exact in doubles: a grid holds fewer than 2^53 blocks.
      this.line('const ks_bx = ks_b % ks_gdx, ks_byz = (ks_b - ks_bx) / ks_gdx;');
      this.line('const ks_by = ks_byz % ks_gdy, ks_bz = (ks_byz - ks_by) / ks_gdy;');
      if (team) this.teamBlockStart();
      else for (const s of ir.shared) this.line(`${this.name(s.name)}.fill(0);`);
      if (this.race) this.line(this.race.block());
      if (this.generator) this.generatorBlock();
      else if (this.regions) this.regionBlock(this.regions);
      else this.plainBlock();
    });
    this.line('}');
    // The addresses of the WebAssembly loops' arrays, looked up once per call.
    for (const a of this.wasmArrays) this.hoisted.push(`const ks_a_${this.arrayName(a)} = ks_addr(${this.arrayName(a)});`);
    this.out.splice(hoistAt, 0, ...this.hoisted.map((h) => '  ' + h));
  }

  /**
   * A team's block starts once every member has left the previous one (its threads' cells and
   * shared arrays are reused); each member zeroes its part of the shared arrays, and all wait.
   */
  private teamBlockStart(): void {
    this.line('if (ks_P > 1 && ks_b > ks_b0) ks_team.sync();');
    const shared = this.ir.shared.map((s) => this.name(s.name));
    if (shared.length === 0) return;
    this.line('if (ks_P === 1) {');
    this.indented(() => shared.forEach((n) => this.line(`${n}.fill(0);`)));
    this.line('} else {');
    this.indented(() => {
      shared.forEach((n) => this.line(`ks_zero(${n}, ks_p, ks_P);`));
      this.line('ks_team.sync();');
    });
    this.line('}');
  }

  /** Block indices and shared arrays are arguments, so one generator function serves every block. */
  private threadArgs(): string {
    return ['ks_tx', 'ks_ty', 'ks_tz', 'ks_bx', 'ks_by', 'ks_bz', ...this.ir.shared.map((s) => this.name(s.name))].join(', ');
  }

  private generatorFunction(): void {
    this.line(`function* ks_thread(${this.threadArgs()}) {`);
    this.indented(() => this.stmts(this.ir.body));
    const end = this.race?.end();
    if (end) this.indented(() => this.line(end));
    this.line('}');
  }

  private plainBlock(): void {
    this.line('for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {');
    this.line('  for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {');
    this.line('    ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) {');
    this.indented(() => this.indented(() => this.indented(() => this.stmts(this.ir.body))));
    this.line('    }');
    this.line('  }');
    this.line('}');
  }

  private regionBlock(plan: RegionPlan): void {
    emitRegions(this.ir.body, plan, {
      line: (t) => this.line(t),
      indented: (f) => this.indented(f),
      stmts: (b) => this.stmts(b),
      uniform: (e) => {
        this.thread0 = true;
        try {
          return this.race?.agree(e, this.perThread(e)) ?? this.expr(e);
        } finally {
          this.thread0 = false;
        }
      },
      barrier: () => this.race?.epoch() ?? (plan.team ? 'if (ks_P > 1) ks_team.sync(); // barrier' : '// barrier'),
      name: (n) => this.name(n),
      expr: (e) => this.expr(e),
      threads: (threads, range, js) => this.wasmThreads(threads, range, js),
      lane: (index, renamed, f) => {
        Object.assign(this.lane, { index, renamed });
        try {
          f();
        } finally {
          Object.assign(this.lane, { index: 0, renamed: new Set() });
        }
      },
    });
  }

  /** A uniform condition as thread `ks_i` at (ks_tx, ks_ty, ks_tz) computes it (debug builds' agreement check). */
  private perThread(e: Expr): string {
    this.cell = 'ks_i';
    try {
      return this.expr(e);
    } finally {
      this.cell = '0';
    }
  }

  /** A debug build's race-check places (targets/index.ts adds the bounds-check sites). */
  debugMeta(): { debug?: { sites: []; syncs: DebugSync[] } } {
    return this.race ? { debug: { sites: [], syncs: this.race.syncs } } : {};
  }

  private generatorBlock(): void {
    this.line('const ks_threads = [];');
    this.line('for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {');
    this.line('  for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {');
    this.line(`    for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) ks_threads.push(ks_thread(${this.threadArgs()}));`);
    this.line('  }');
    this.line('}');
    this.line(this.warps ? 'ks_runWarps(ks_threads);' : 'ks_runBlock(ks_threads);');
  }
}

/** Which thread of a jammed group (jam.ts) is printed: x + index, with `renamed` locals of its own. */
interface Lane {
  index: number;
  renamed: ReadonlySet<string>;
}

export interface JsOptions {
  /** Run barrier kernels as generators even where regions apply (tests compare the two). */
  generators?: boolean;
  /** false: no WebAssembly loops (tests compare the two). */
  wasm?: boolean;
}

/** A live-out value read back from the out area (core/wasm-link.ts). */
const OUT_READ: Record<ScalarType, (i: number) => string> = {
  f32: (i) => `ks_of[${i}]`,
  i32: (i) => `ks_oi[${i}]`,
  u32: (i) => `ks_oi[${i}] >>> 0`,
  bool: (i) => `ks_oi[${i}] !== 0`,
  f16: () => { throw new InternalCompilerError('f16 out of a WebAssembly loop'); },
  f64: () => { throw new InternalCompilerError('f64 out of a WebAssembly loop'); },
};

/**
 * The linked WebAssembly loops' state (core/wasm-link.ts); until linked, every address is −1. The
 * kept scratch (scratch.ts) is then allocated in the linked memory, where loops can read it.
 */
const wasmHelpers = (scratch: boolean): string[] => [
  'let ks_W = null, ks_out = 0, ks_of = null, ks_oi = null;',
  'let ks_addr = () => -1;',
  'function ks_link(w, addr, alloc, out, f32, i32) {',
  `  ks_W = w; ks_addr = addr; ks_out = out; ks_of = f32; ks_oi = i32;${scratch ? ' ks_alloc = alloc;' : ''}`,
  '}',
];

function base64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function emitJs(ir: KernelIR, opts: JsOptions = {}): { code: string; entryPoint: string; meta: KernelMeta } {
  const names = makeNameMap(ir, JS_NAMES);
  const lane: Lane = { index: 0, renamed: new Set() };
  // A jammed thread's own locals get its own spelling ('ks_' names never clash with the kernel's).
  const laned = Object.assign((n: string) => (lane.index > 0 && lane.renamed.has(n) ? `ks_j${lane.index}_${names(n)}` : names(n)), { entry: names.entry });
  const printer = new JsPrinter(ir, laned, opts, lane);
  const lines = printer.module();
  return {
    code: lines.join('\n') + '\n',
    entryPoint: names.entry,
    meta: { usesBarrier: ir.usesBarrier, sharedBytes: sharedBytes(ir), ...dynamicSharedMeta(ir), atomicParams: atomicParams(ir), ...printer.debugMeta(), ...warpMeta(ir) },
  };
}
