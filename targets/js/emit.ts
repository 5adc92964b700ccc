// JS: the cpu backend's code and the reference semantics of the IR. `new Function(code)()` returns
// run(args, grid, block), which executes the whole grid synchronously. f32 arithmetic is rounded
// with Math.fround, i32 wraps with `| 0` / Math.imul, u32 with `>>> 0`. Kernels without barriers
// run every thread as a plain loop iteration. Kernels with barriers are split at the barriers into
// regions, each a plain loop over the block's threads (regions.ts); the few that cannot be split
// run each thread of a block as a generator that yields at every barrier, all threads round-robin.
import type { ElemType, Expr, KernelIR, ScalarType, Stmt } from '../../core/ir/types.js';
import type { KernelMeta } from '../../core/output.js';
import { visitStmts } from '../../core/ir/walk.js';
import { analyze, atomicParams, sharedBytes } from '../analysis.js';
import { CLikePrinter, P, prim, type Printed } from '../c-like.js';
import { shortestF32 } from '../float.js';
import { arrayCell, emitRegions, planRegions, regionStorage, scalarCell, type RegionPlan } from './regions.js';
import { makeNameMap, type NameMap } from '../names.js';
import { JS_NAMES } from './keywords.js';
import { JS_ATOMICS, JS_MATH } from './ops.js';
import { mathSpelling, spellMath } from '../spelling.js';
import { ATOMIC_OPS, MATH } from '../../core/ir/ops.js';
import { ELEMENTS, ELEM_TYPES } from '../../core/elements.js';
import { InternalCompilerError } from '../../core/diagnostics/diagnostic.js';

const ARRAY = Object.fromEntries(ELEM_TYPES.map((t) => [t, ELEMENTS[t].host.name])) as Record<ElemType, string>;
const ZERO: Record<ScalarType, string> = { f32: '0', i32: '0', u32: '0', bool: 'false' };
const BUILTIN: Record<string, string> = { threadIdx: 't', blockIdx: 'b', blockDim: 'bd', gridDim: 'gd' };
const ARG: Record<ScalarType, (a: string) => string> = {
  f32: (a) => `Math.fround(${a})`,
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

const wrap = (text: string, type: ScalarType): Printed =>
  type === 'i32' ? { text: `${text} | 0`, prec: P.bitor } : type === 'u32' ? { text: `${text} >>> 0`, prec: P.shift } : prim(text);

class JsPrinter extends CLikePrinter {
  private inHelper = false;
  private readonly generator: boolean;
  /** Set when a barrier kernel runs as regions of plain thread loops rather than generators. */
  private readonly regions: RegionPlan | null;
  /** Printing a uniform condition outside the thread loops: thread 0's values stand for all. */
  private thread0 = false;
  /** Local arrays of the barrier-free path, allocated once per launch and zeroed where declared. */
  private readonly hoisted: string[] = [];

  constructor(ir: KernelIR, names: NameMap, opts: JsOptions) {
    super(ir, names);
    let barrier = ir.usesBarrier;
    visitStmts(ir.body, (s) => {
      if (s.k === 'barrier') barrier = true;
    });
    this.regions = barrier && !opts.generators ? planRegions(ir) : null;
    this.generator = barrier && !this.regions;
  }

  override print(e: Expr): Printed {
    if (this.thread0 && this.regions) {
      if (e.k === 'load' && this.regions.scalars.has(e.name)) return prim(`${scalarCell(this.name(e.name))}[0]`);
      if (e.k === 'index' && this.regions.arrays.has(e.array)) {
        return prim(`${arrayCell(this.name(e.array))}[0][${this.expr(e.index)}]`);
      }
    }
    return super.print(e);
  }

  protected typeName(t: ScalarType): string {
    return t;
  }

  protected literal(type: ScalarType, value: number | boolean): Printed {
    if (typeof value === 'boolean') return prim(String(value));
    const text = type === 'f32' ? f32Text(value) : String(type === 'u32' ? value >>> 0 : value | 0);
    return { text, prec: text.startsWith('-') ? P.unary : P.primary };
  }

  protected builtin(name: string, axis: string): Printed {
    if (this.thread0 && name === 'threadIdx') return prim('0');
    return prim(`ks_${BUILTIN[name] ?? name}${axis}`);
  }

  protected cast(arg: Expr, to: ScalarType): Printed {
    if (to === 'bool') return this.infix('!==', arg, prim('0'), P.eq);
    if (arg.type === 'bool') return prim(`(${this.operand(arg, P.select, 'l')} ? 1 : 0)`);
    if (to === 'f32') return prim(`Math.fround(${this.expr(arg)})`);
    return to === 'i32' ? this.infix('|', arg, prim('0')) : this.infix('>>>', arg, prim('0'));
  }

  protected override unary(e: Extract<Expr, { k: 'unary' }>): Printed {
    const base = super.unary(e);
    if (e.op === 'not' || e.type === 'f32' || (e.op === 'bitnot' && e.type === 'i32')) return base;
    return wrap(`(${base.text})`, e.type);
  }

  protected override binary(e: Extract<Expr, { k: 'binary' }>): Printed {
    const { op, lhs, rhs, type } = e;
    if (op === '==' || op === '!=') return this.infix(op === '==' ? '===' : '!==', lhs, rhs, P.eq);
    if (op === '&&' || op === '||' || type === 'bool') return this.infix(op, lhs, rhs);
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
    const p = spellMath(mathSpelling(JS_MATH, e.fn, e.type), e.args.map((a) => this.print(a)), e.type, () => this.args(e.args));
    // The registry says which f32 results JS computes in double and must round.
    return e.type === 'f32' && MATH[e.fn].rounding === 'f32' ? prim(`Math.fround(${p.text})`) : p;
  }

  protected atomic(e: Extract<Expr, { k: 'atomic' }>): Printed {
    return prim(`ks_atomic_${e.op}(${this.name(e.array)}, ${this.expr(e.index)}, ${this.args(e.args)})`);
  }

  protected declare(s: Extract<Stmt, { k: 'let' }>): void {
    const init = s.init ? this.expr(s.init) : ZERO[s.type];
    this.line(`${s.mutable ? 'let' : 'const'} ${this.name(s.name)} = ${init};`);
  }

  protected localArray(s: Extract<Stmt, { k: 'localArray' }>): void {
    const alloc = `new ${ARRAY[s.elem]}(${s.length})`;
    if (this.regions?.arrays.has(s.name)) {
      this.line(`const ${this.name(s.name)} = ${arrayCell(this.name(s.name))}[ks_i];`);
      return this.line(`${this.name(s.name)}.fill(0);`);
    }
    if (this.generator) return this.line(`const ${this.name(s.name)} = ${alloc};`);
    this.hoisted.push(`const ${this.name(s.name)} = ${alloc};`);
    this.line(`${this.name(s.name)}.fill(0);`);
  }

  protected barrier(): string {
    return 'yield;';
  }

  protected override kernelReturn(): string {
    return this.inHelper || this.generator ? 'return;' : 'continue ks_thread;';
  }

  protected continueTo(label: string): string {
    return `break ${label};`;
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
    if (this.generator) for (const l of RUN_BLOCK) this.line(l);
    this.inHelper = true;
    for (const h of ir.helpers) {
      this.line(`function ${this.name(h.name)}(${h.params.map((p) => this.name(p.name)).join(', ')}) {`);
      this.indented(() => this.stmts(h.body));
      this.line('}');
    }
    this.inHelper = false;
    this.line(`return function ${this.name.entry}(ks_args, ks_grid, ks_block) {`);
    this.indented(() => this.run());
    this.line('};');
    return this.out;
  }

  private run(): void {
    const ir = this.ir;
    ir.params.forEach((p, i) => {
      const a = `ks_args[${i}]`;
      this.line(`const ${this.name(p.name)} = ${p.kind === 'array' ? a : ARG[p.type](a)};`);
    });
    this.line('const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];');
    this.line('const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];');
    if (this.generator) this.generatorFunction();
    if (this.regions) this.hoisted.push(...regionStorage(this.regions, this.name, ARRAY));
    const hoistAt = this.out.length;
    this.line('for (let ks_bz = 0; ks_bz < ks_gdz; ks_bz++) {');
    this.line('  for (let ks_by = 0; ks_by < ks_gdy; ks_by++) {');
    this.line('    for (let ks_bx = 0; ks_bx < ks_gdx; ks_bx++) {');
    this.indented(() =>
      this.indented(() =>
        this.indented(() => {
          for (const s of ir.shared) this.line(`const ${this.name(s.name)} = new ${ARRAY[s.elem]}(${s.length});`);
          if (this.generator) this.generatorBlock();
          else if (this.regions) this.regionBlock(this.regions);
          else this.plainBlock();
        }),
      ),
    );
    this.line('    }');
    this.line('  }');
    this.line('}');
    this.out.splice(hoistAt, 0, ...this.hoisted.map((h) => '  ' + h));
  }

  /** Block indices and shared arrays are arguments, so one generator function serves every block. */
  private threadArgs(): string {
    return ['ks_tx', 'ks_ty', 'ks_tz', 'ks_bx', 'ks_by', 'ks_bz', ...this.ir.shared.map((s) => this.name(s.name))].join(', ');
  }

  private generatorFunction(): void {
    this.line(`function* ks_thread(${this.threadArgs()}) {`);
    this.indented(() => this.stmts(this.ir.body));
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
          return this.expr(e);
        } finally {
          this.thread0 = false;
        }
      },
      name: (n) => this.name(n),
    });
  }

  private generatorBlock(): void {
    this.line('const ks_threads = [];');
    this.line('for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {');
    this.line('  for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {');
    this.line(`    for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) ks_threads.push(ks_thread(${this.threadArgs()}));`);
    this.line('  }');
    this.line('}');
    this.line('ks_runBlock(ks_threads);');
  }
}

export interface JsOptions {
  /** Run barrier kernels as generators even where regions apply (tests compare the two). */
  generators?: boolean;
}

export function emitJs(ir: KernelIR, opts: JsOptions = {}): { code: string; entryPoint: string; meta: KernelMeta } {
  const names = makeNameMap(ir, JS_NAMES);
  const lines = new JsPrinter(ir, names, opts).module();
  return {
    code: lines.join('\n') + '\n',
    entryPoint: names.entry,
    meta: { usesBarrier: ir.usesBarrier, sharedBytes: sharedBytes(ir), atomicParams: atomicParams(ir) },
  };
}
