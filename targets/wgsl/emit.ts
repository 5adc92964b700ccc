// WGSL for WebGPU (Dawn/Tint). Scalars travel in one uniform struct together with the launch grid;
// arrays are storage buffers; blockDim comes from pipeline-overridable constants, so one module
// serves every block shape. See HEADER for the grid-folding contract with the runtime.
import type { Access, ElemType, Expr, HelperIR, KernelIR, ScalarType, Stmt } from '../../core/ir/types.js';
import type { KernelMeta, WgslLayout } from '../../core/output.js';
import { analyze, atomicParams, sharedBytes, type Usage } from '../analysis.js';
import { CLikePrinter, P, prim, type Printed } from '../c-like.js';
import { shortestF32 } from '../float.js';
import { makeNameMap, type NameMap } from '../names.js';
import { WGSL_NAMES } from './keywords.js';
import { foldKernel } from '../fold.js';
import { unrollKernel } from '../unroll.js';
import { FMOD_HELPER, usesF32Mod } from './fmod.js';
import { isNanTest, sameExpr, templateSafeArgs } from './safe.js';
import { keepHelpers, keepKernel } from './keep.js';
import { hideConstTraps } from './const.js';
import { splitKernel } from './split.js';

const ZERO: Record<ScalarType, string> = { f32: '0.0f', i32: '0i', u32: '0u', bool: 'false' };
const BLOCK_OVERRIDES: [string, string, string] = ['ks_block_x', 'ks_block_y', 'ks_block_z'];
const AXES = ['x', 'y', 'z'] as const;
/** The most workgroups one dispatch dimension may have; larger 1-D grids are folded into 2-D. */
const MAX_GROUPS = 65535;

const HEADER = [
  '// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then',
  '// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.',
  `// blockDim comes from the pipeline constants ${BLOCK_OVERRIDES.join(', ')}.`,
  `// A 1-D grid of gx > ${MAX_GROUPS} blocks is dispatched folded as (dx, dy, 1), dx = min(gx, ${MAX_GROUPS}),`,
  '// dy = ceil(gx / dx); every other grid is dispatched as is. When num_workgroups differs from',
  '// ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx and the surplus groups return at once.',
];

/** Math.round (half up) and Math.pow (negative bases with integer exponents) with JS semantics. */
const MATH_HELPERS: Record<string, string[]> = {
  round: [
    'fn ks_round(x: f32) -> f32 {',
    '  let r = floor(x);',
    '  return select(r, r + 1.0f, x - r >= 0.5f);',
    '}',
  ],
  pow: [
    'fn ks_pow(x: f32, y: f32) -> f32 {',
    '  if (y == 0.0f) { return 1.0f; }',
    '  if (x >= 0.0f || floor(y) != y) { return pow(x, y); }',
    '  let m = pow(-x, y);',
    '  return select(m, -m, floor(y * 0.5f) != y * 0.5f);',
    '}',
  ],
};

/**
 * Infinity and NaN. WGSL has no non-finite literals, and Tint rejects a constant expression that
 * evaluates to one (`bitcast<f32>(0x7f800000u)` is one), so they are calls of a function of ours,
 * which WGSL never evaluates as a constant. A module-scope `var<private>` would do as well for the
 * value, but Tint's uniformity analysis takes every read of one as non-uniform, so a barrier under
 * `m > -Infinity` was refused; a call's result is as uniform as its argument, here a literal.
 */
const NON_FINITE = [
  '// The f32 with bits b: Infinity and NaN, which WGSL cannot write as constants.',
  'fn ks_f32_bits(b: u32) -> f32 { return bitcast<f32>(b); }',
];

function nonFiniteBits(value: number): string | null {
  if (Number.isNaN(value)) return '0x7fc00000u';
  if (value === Infinity) return '0x7f800000u';
  if (value === -Infinity) return '0xff800000u';
  return null;
}

const ATOMIC: Record<string, string> = {
  add: 'atomicAdd', sub: 'atomicSub', min: 'atomicMin', max: 'atomicMax', exch: 'atomicExchange',
};

interface ArrayInfo {
  elem: ElemType;
  atomic: boolean;
}

class WgslPrinter extends CLikePrinter {
  readonly arrays = new Map<string, ArrayInfo>();
  readonly usage: Usage;
  /** Whether a literal printed a ks_f32_bits call. */
  private usesNonFinite = false;

  constructor(ir: KernelIR, names: NameMap) {
    super(ir, names);
    this.usage = analyze(ir);
    for (const p of ir.params) if (p.kind === 'array') this.arrays.set(p.name, { elem: p.elem, atomic: p.atomic });
    for (const s of ir.shared) this.arrays.set(s.name, { elem: s.elem, atomic: s.atomic });
  }

  protected typeName(t: ScalarType): string {
    return t;
  }

  protected literal(type: ScalarType, value: number | boolean): Printed {
    if (typeof value === 'boolean') return prim(String(value));
    if (type === 'f32') {
      // Non-finite values cannot be constants: they are ks_f32_bits calls (see NON_FINITE).
      const bits = nonFiniteBits(value);
      if (bits !== null) {
        this.usesNonFinite = true;
        return prim(`ks_f32_bits(${bits})`);
      }
      const s = `${shortestF32(value)}f`;
      return { text: s, prec: s.startsWith('-') ? P.unary : P.primary };
    }
    if (type === 'u32') return prim(`${value >>> 0}u`);
    if (value === -2147483648) return prim('(-2147483647i - 1i)');
    return { text: `${value | 0}i`, prec: value < 0 ? P.unary : P.primary };
  }

  protected builtin(name: string, axis: string): Printed {
    return prim(`ks_${name}_${axis}`);
  }

  protected cast(arg: Expr, to: ScalarType): Printed {
    // `!(x == 0.0f)`, not `x != 0.0f`, so NaN is true as in JS and C (see binary).
    if (to === 'bool' && arg.type === 'f32') return { text: `!(${this.operand(arg, P.eq, 'l')} == 0.0f)`, prec: P.unary };
    if (to === 'bool') return prim(`(${this.operand(arg, P.eq, 'l')} != ${ZERO[arg.type]})`);
    return prim(`${to}(${this.expr(arg)})`);
  }

  protected override unary(e: Extract<Expr, { k: 'unary' }>): Printed {
    // WGSL has no unary minus on u32.
    if (e.op === 'neg' && e.type === 'u32') return this.infix('-', prim('0u'), e.arg);
    return super.unary(e);
  }

  protected override binary(e: Extract<Expr, { k: 'binary' }>): Printed {
    const { op, lhs, rhs } = e;
    if (op === '%' && e.type === 'f32') return prim(`ks_fmod(${this.args([lhs, rhs])})`);
    if ((op === '==' || op === '!=') && lhs.type === 'f32') {
      // Tint emits `!=` as OpFOrdNotEqual, false when either side is NaN; IEEE (JS, C) says true.
      // `x != x` / `x == x` become bit tests, which no driver's no-NaN assumption can fold away.
      if (sameExpr(lhs, rhs)) return isNanTest(this.expr(lhs), op === '!=');
      if (op === '!=') return { text: `!(${this.infix('==', lhs, rhs).text})`, prec: P.unary };
    }
    if (op !== '<<' && op !== '>>' && op !== '>>>') return this.infix(op, lhs, rhs);
    // WGSL shifts take a u32 amount below 32; JS and CUDA use the low 5 bits.
    let amount: Printed;
    if (rhs.k === 'const') amount = prim(`${Number(rhs.value) & 31}u`);
    else {
      const r = rhs.type === 'u32' ? this.operand(rhs, P.bitand, 'l') : `u32(${this.expr(rhs)})`;
      amount = { text: `${r} & 31u`, prec: P.bitand };
    }
    const shiftAmount = amount.prec === P.primary ? amount.text : `(${amount.text})`;
    if (op === '>>>' && e.type === 'i32') return prim(`i32(u32(${this.expr(lhs)}) >> ${shiftAmount})`);
    return { text: `${this.unaryOperandOf(lhs)} ${op === '>>>' ? '>>' : op} ${shiftAmount}`, prec: P.shift };
  }

  /** Shift operands must be unary expressions in WGSL. */
  private unaryOperandOf(e: Expr): string {
    const p = this.print(e);
    return p.prec >= P.unary ? p.text : `(${p.text})`;
  }

  protected override select(e: Extract<Expr, { k: 'select' }>): Printed {
    return prim(`select(${this.args([e.else, e.then, e.cond])})`);
  }

  /** Call arguments, parenthesised where a `<` could open a template list (see wgsl-safe.ts). */
  protected override args(es: readonly Expr[]): string {
    return templateSafeArgs(es.map((a) => this.expr(a)));
  }

  protected math(e: Extract<Expr, { k: 'math' }>): Printed {
    const [a] = e.args;
    if (!a) throw new Error(`math ${e.fn} without arguments`);
    if (e.fn === 'sign' && e.type === 'u32') return prim(`select(0u, 1u, ${this.operand(a, P.eq, 'l')} != 0u)`);
    if (e.type === 'f32' && (e.fn === 'round' || e.fn === 'pow')) return prim(`ks_${e.fn}(${this.args(e.args)})`);
    return prim(`${e.fn}(${this.args(e.args)})`);
  }

  private ref(array: string, index: Expr): string {
    return `&${this.name(array)}[${this.expr(index)}]`;
  }

  protected override indexRead(e: Extract<Expr, { k: 'index' }>): Printed {
    const info = this.arrays.get(e.array);
    if (!info?.atomic) return super.indexRead(e);
    const load = `atomicLoad(${this.ref(e.array, e.index)})`;
    return prim(info.elem === 'f32' ? `bitcast<f32>(${load})` : load);
  }

  protected override store(s: Extract<Stmt, { k: 'store' }>): void {
    const info = this.arrays.get(s.array);
    if (!info?.atomic) return super.store(s);
    const v = info.elem === 'f32' ? `bitcast<u32>(${this.expr(s.value)})` : this.expr(s.value);
    this.line(`atomicStore(${this.ref(s.array, s.index)}, ${v});`);
  }

  protected override plainStore(s: Extract<Stmt, { k: 'store' }>): boolean {
    return !this.arrays.get(s.array)?.atomic;
  }

  protected atomic(e: Extract<Expr, { k: 'atomic' }>): Printed {
    const info = this.arrays.get(e.array);
    const index = e.index.type === 'i32' ? this.expr(e.index) : `i32(${this.expr(e.index)})`;
    const values = e.args.map((a) => this.expr(a));
    if (e.op === 'cas') return prim(`ks_atomicCAS_${this.name(e.array)}(${templateSafeArgs([index, ...values])})`);
    if (info?.elem === 'f32') {
      if (e.op !== 'add') throw new Error(`atomic ${e.op} is not available on f32 arrays`);
      return prim(`ks_atomicAdd_${this.name(e.array)}(${templateSafeArgs([index, ...values])})`);
    }
    return prim(`${ATOMIC[e.op] ?? e.op}(${templateSafeArgs([this.ref(e.array, e.index), ...values])})`);
  }

  protected override stmt(s: Stmt): void {
    // WGSL rejects a bare non-call expression as a statement; atomics and calls are calls.
    if (s.k === 'expr' && s.expr.k !== 'call' && s.expr.k !== 'atomic') return this.line(`_ = ${this.expr(s.expr)};`);
    super.stmt(s);
  }

  protected declare(s: Extract<Stmt, { k: 'let' }>): void {
    const n = this.name(s.name);
    if (!s.mutable && s.init) return this.line(`let ${n}: ${s.type} = ${this.expr(s.init)};`);
    // An explicit zero: the local must be zeroed every time the declaration runs (in loops too).
    this.line(`var ${n}: ${s.type} = ${s.init ? this.expr(s.init) : ZERO[s.type]};`);
  }

  protected localArray(s: Extract<Stmt, { k: 'localArray' }>): void {
    const t = `array<${s.elem}, ${s.length}>`;
    this.line(`var ${this.name(s.name)}: ${t} = ${t}();`);
  }

  protected barrier(): string {
    return 'workgroupBarrier();';
  }

  protected continueTo(): string {
    return 'continue;';
  }

  protected fallbackBody(): void {
    throw new Error('unreachable: WGSL loops use continuing blocks');
  }

  /** `loop { … continuing { … } }` runs the update on `continue` as the IR requires. */
  protected override loop(s: Extract<Stmt, { k: 'loop' }>): void {
    this.loops.push(null);
    const c = s.cond ? this.cond(s.cond) : null;
    if (s.testFirst && c && s.update.length === 0) {
      this.line(`while ${c} {`);
      this.indented(() => this.stmts(s.body));
      this.line('}');
    } else {
      this.line('loop {');
      this.indented(() => {
        if (s.testFirst && c) this.line(`if (!${c}) { break; }`);
        this.stmts(s.body);
        if (s.update.length > 0 || (!s.testFirst && c)) {
          this.line('continuing {');
          this.indented(() => {
            this.stmts(s.update);
            if (!s.testFirst && c) this.line(`break if !${c};`);
          });
          this.line('}');
        }
      });
      this.line('}');
    }
    this.loops.pop();
  }

  helper(h: HelperIR): void {
    const params = h.params.map((p) => `${this.name(p.name)}: ${p.type}`).join(', ');
    this.line(`fn ${this.name(h.name)}(${params})${h.returnType ? ` -> ${h.returnType}` : ''} {`);
    this.indented(() => this.stmts(h.body));
    this.line('}');
    this.line('');
  }

  /** Per-array helpers: WGSL cannot pass storage or workgroup pointers to functions. */
  private atomicHelpers(): void {
    for (const key of [...this.usage.atomics].sort()) {
      const [op, arr = ''] = key.split(':');
      const info = this.arrays.get(arr);
      if (!info) throw new Error(`atomic on unknown array '${arr}'`);
      const a = this.name(arr);
      const t = info.elem;
      if (op === 'cas') {
        this.line(`fn ks_atomicCAS_${a}(i: i32, expected: ${t}, value: ${t}) -> ${t} {`);
        this.line('  loop {');
        this.line(`    let r = atomicCompareExchangeWeak(&${a}[i], expected, value);`);
        this.line('    if (r.exchanged || r.old_value != expected) { return r.old_value; }');
        this.line('  }');
        this.line('}');
        this.line('');
      } else if (op === 'add' && t === 'f32') {
        this.line(`fn ks_atomicAdd_${a}(i: i32, v: f32) -> f32 {`);
        this.line(`  var old = atomicLoad(&${a}[i]);`);
        this.line('  loop {');
        this.line(`    let r = atomicCompareExchangeWeak(&${a}[i], old, bitcast<u32>(bitcast<f32>(old) + v));`);
        this.line('    if (r.exchanged) { return bitcast<f32>(old); }');
        this.line('    old = r.old_value;');
        this.line('  }');
        this.line('}');
        this.line('');
      }
    }
  }

  private storageType(info: ArrayInfo): string {
    if (!info.atomic) return info.elem;
    return `atomic<${info.elem === 'f32' ? 'u32' : info.elem}>`;
  }

  module(): { lines: string[]; layout: WgslLayout } {
    const ir = this.ir;
    const scalars = ir.params.filter((p) => p.kind === 'scalar');
    const gridOffset = Math.ceil((scalars.length * 4) / 16) * 16;
    const layout: WgslLayout = {
      uniformBinding: 0,
      uniformSize: gridOffset + 16,
      uniformFields: scalars.map((p, i) => ({ name: p.name, offset: i * 4, type: p.type })),
      gridOffset,
      arrayBindings: [],
      blockOverrides: BLOCK_OVERRIDES,
    };
    this.line(`// KernelScript kernel '${ir.name}' (WGSL). Generated code: edit the TypeScript source instead.`);
    for (const h of HEADER) this.line(h);
    this.line('');
    this.line('struct ks_Params {');
    for (const p of scalars) this.line(`  ${this.name(p.name)}: ${p.type === 'bool' ? 'u32' : p.type},`);
    this.line('  ks_grid: vec3<u32>,');
    this.line('}');
    this.line('');
    this.line('@group(0) @binding(0) var<uniform> ks_params: ks_Params;');
    let binding = 1;
    for (const p of ir.params) {
      if (p.kind !== 'array') continue;
      const access: Access = p.access === 'read' && !p.atomic ? 'read' : 'read_write';
      layout.arrayBindings.push({ name: p.name, binding, access: p.access });
      this.line(`@group(0) @binding(${binding++}) var<storage, ${access}> ${this.name(p.name)}: array<${this.storageType(p)}>;`);
    }
    for (const s of ir.shared) this.line(`var<workgroup> ${this.name(s.name)}: array<${this.storageType(s)}, ${s.length}>;`);
    for (const o of BLOCK_OVERRIDES) this.line(`override ${o}: u32 = 1u;`);
    const before = this.out.length;
    this.line('');
    for (const m of ['round', 'pow']) {
      if (!this.usage.math.has(`${m as 'round'}:f32`)) continue;
      for (const l of MATH_HELPERS[m] ?? []) this.line(l);
      this.line('');
    }
    if (usesF32Mod(ir)) {
      for (const l of FMOD_HELPER) this.line(l);
      this.line('');
    }
    for (const l of keepHelpers(ir)) this.line(l);
    this.atomicHelpers();
    for (const h of ir.helpers) this.helper(h);
    this.entry();
    // After the blank line at `before`: only printing the body tells whether it is needed.
    if (this.usesNonFinite) this.out.splice(before + 1, 0, ...NON_FINITE, '');
    return { lines: this.out, layout };
  }

  private entry(): void {
    const ir = this.ir;
    const b = this.usage.builtins;
    const uses = (name: string): boolean => AXES.some((a) => b.has(`${name}.${a}`));
    this.line('@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)');
    const inputs = ['@builtin(workgroup_id) ks_wid: vec3<u32>', '@builtin(num_workgroups) ks_nwg: vec3<u32>'];
    if (uses('threadIdx')) inputs.unshift('@builtin(local_invocation_id) ks_lid: vec3<u32>');
    this.line(`fn ${this.name.entry}(${inputs.join(', ')}) {`);
    this.indented(() => {
      const blockIdx = uses('blockIdx');
      if (blockIdx) this.line('var ks_block = ks_wid;');
      this.line('if (any(ks_nwg != ks_params.ks_grid)) {');
      this.indented(() => {
        this.line('let ks_linear = ks_wid.x + ks_wid.y * ks_nwg.x;');
        this.line('if (ks_linear >= ks_params.ks_grid.x) { return; }');
        if (blockIdx) this.line('ks_block = vec3<u32>(ks_linear, 0u, 0u);');
      });
      this.line('}');
      for (const a of AXES) {
        if (b.has(`threadIdx.${a}`)) this.line(`let ks_threadIdx_${a} = i32(ks_lid.${a});`);
        if (b.has(`blockIdx.${a}`)) this.line(`let ks_blockIdx_${a} = i32(ks_block.${a});`);
        if (b.has(`blockDim.${a}`)) this.line(`let ks_blockDim_${a} = i32(ks_block_${a});`);
        if (b.has(`gridDim.${a}`)) this.line(`let ks_gridDim_${a} = i32(ks_params.ks_grid.${a});`);
      }
      for (const p of ir.params) {
        const n = this.name(p.name);
        if (p.kind === 'array') {
          // Keeps every binding statically used, so an 'auto' pipeline layout still has it.
          if (!this.usage.names.has(p.name)) this.line(`_ = arrayLength(&${n});`);
        } else if (this.usage.names.has(p.name)) {
          this.line(`let ${n}: ${p.type} = ks_params.${n}${p.type === 'bool' ? ' != 0u' : ''};`);
        }
      }
      this.stmts(ir.body);
    });
    this.line('}');
  }
}

export function emitWgsl(input: KernelIR): { code: string; entryPoint: string; meta: KernelMeta } {
  // Unrolled, counters become constants; folding then makes local-array indices constant.
  // Then big loop-bound constants are hidden from Mesa (wgsl-keep.ts), and deep expressions split.
  // Constant zero divisors and out-of-bounds indices, which Tint rejects, are hidden the same way.
  const ir = splitKernel(hideConstTraps(keepKernel(foldKernel(unrollKernel(input)))));
  const names = makeNameMap(ir, WGSL_NAMES);
  const { lines, layout } = new WgslPrinter(ir, names).module();
  return {
    code: lines.join('\n') + '\n',
    entryPoint: names.entry,
    meta: { usesBarrier: ir.usesBarrier, sharedBytes: sharedBytes(ir), atomicParams: atomicParams(ir), wgsl: layout },
  };
}
