// WGSL for WebGPU (Dawn/Tint). Scalars travel in one uniform struct together with the launch grid;
// arrays are storage buffers; blockDim comes from pipeline-overridable constants, so one module
// serves every block shape. See HEADER for the grid-folding contract with the runtime.
import type { Access, ElemType, Expr, HelperIR, KernelIR, ScalarType, SharedArray, Stmt } from '../../core/ir/types.js';
import { sizeExprOf, type SizeExpr } from '../../core/shared-size.js';
import { FAULT_WORDS, type WgslLayout } from '../../core/output.js';
import { analyze, arrayElems, atomicParams, dynamicSharedMeta, sharedBytes, warpMeta, type Usage } from '../analysis.js';
import { CLikePrinter, P, prim, type Printed } from '../c-like.js';
import { shortestF32 } from '../float.js';
import { makeNameMap, type NameMap } from '../names.js';
import { WGSL_NAMES } from './keywords.js';
import { WGSL_MATH, WGSL_WARP, wgslAtomic } from './ops.js';
import { usesWarp, warpHelpers, warpOperandType } from '../warp.js';
import { someExprIn, someStmt } from '../../core/ir/walk.js';
import { ELEMENTS, SCALAR_BYTES, valueOf } from '../../core/elements.js';
import { isPacked, packedHelpers, packedLoad, packedStorage, packedStore, packedWords, truncateLocal, type Packed } from './pack.js';
import { mathHelpers, mathSpelling, spellMath } from '../spelling.js';
import { AXES, isAtomicOp, MATH_FNS, mathArgType, type NumType } from '../../core/ir/ops.js';
import { FMOD_HELPER, usesF32Mod } from './fmod.js';
import { isNanTest, sameExpr, templateSafeArgs } from './safe.js';
import { keepHelpers } from './keep.js';
import { WGSL_LOWERING, usesNonFinite } from './legalize.js';
import { F16_ROUND, F16_ROUND_HELPER, f16Literal, roundsToF16 } from './floats.js';
import { usesScalarType } from '../f16.js';
import { lowerFor, type Emitted } from '../target.js';
import { MATRIX_DIRECTIVES, matrixStatement } from './matrix.js';
import { fragTypes, matrixArrays, type MatrixNode } from '../matrix.js';
import { InternalCompilerError } from '../../core/diagnostics/diagnostic.js';
import { LANES } from '../../core/vec.js';
import { vectorElement, viewWidths } from '../vectors.js';
import { LOG_HELPER, logDeclaration, logRecord, logWords } from './print.js';

const lengthField = (array: string): string => `ks_len_${array}`;

/**
 * Debug builds: the first out-of-bounds access fills the fault record (core/output.ts), later ones
 * leave it. Exchange, not compare-exchange: WGSL's is weak and may fail spuriously.
 */
const FAULT_HELPER = [
  'fn ks_fault(ks_site: u32, ks_index: u32, ks_length: u32, ks_t: vec3<u32>, ks_b: vec3<u32>) {',
  '  if (atomicExchange(&ks_fault_rec[0], 1u) != 0u) { return; }',
  '  atomicStore(&ks_fault_rec[1], ks_site);',
  '  atomicStore(&ks_fault_rec[2], ks_index);',
  '  atomicStore(&ks_fault_rec[3], ks_length);',
  '  atomicStore(&ks_fault_rec[4], ks_t.x);',
  '  atomicStore(&ks_fault_rec[5], ks_t.y);',
  '  atomicStore(&ks_fault_rec[6], ks_t.z);',
  '  atomicStore(&ks_fault_rec[7], ks_b.x);',
  '  atomicStore(&ks_fault_rec[8], ks_b.y);',
  '  atomicStore(&ks_fault_rec[9], ks_b.z);',
  '}',
];

/** The uniform block's slot per scalar parameter: the widest scalar (all are 4 bytes today). */
const SLOT = Math.max(...Object.values(SCALAR_BYTES));

// f64 is never valid WGSL: wgslLimits refuses such kernels (KS8015), the spelling only keeps printing total.
const ZERO: Record<ScalarType, string> = { f32: '0.0f', f16: '0.0h', f64: '0.0', i32: '0i', u32: '0u', bool: 'false' };
const BLOCK_OVERRIDES: [string, string, string] = ['ks_block_x', 'ks_block_y', 'ks_block_z'];

const HEADER = [
  '// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then',
  '// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.',
  `// blockDim comes from the pipeline constants ${BLOCK_OVERRIDES.join(', ')}.`,
  "// A 1-D grid of gx blocks beyond the device's maxComputeWorkgroupsPerDimension m is dispatched",
  '// folded as (dx, dy, 1), dy = ceil(gx / m), dx = ceil(gx / dy); every other grid is dispatched as',
  '// is. When num_workgroups differs from ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx',
  '// and the surplus groups return at once.',
];

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

/**
 * A block-sized shared array's element count (in storage words for packed elements) as a WGSL
 * override-expression over the blockDim overrides, so each pipeline (one per block shape) sizes it.
 * Printed from core/shared-size.ts's form: the runtime has checked, before any pipeline is made,
 * that it is a positive i32 without overflow or zero divisors, which WGSL would refuse.
 */
function sharedCount(s: SharedArray): string {
  const r = s.size ? sizeExprOf(s.size) : null;
  if (!r?.ok) throw new InternalCompilerError(`shared array '${s.name}' has no size expression`);
  const per = ELEMENTS[s.elem].perWord;
  const count = sizeWgsl(r.size);
  return per === 1 ? count : `(${count} + ${per - 1}i) / ${per}i`;
}

function sizeWgsl(s: SizeExpr): string {
  if (typeof s === 'number') return s === -2147483648 ? '(-2147483647i - 1i)' : s < 0 ? `(${s}i)` : `${s}i`;
  if ('dim' in s) return `i32(${BLOCK_OVERRIDES[AXES.indexOf(s.dim)] ?? ''})`;
  if ('fn' in s) return s.args.map(sizeWgsl).reduce((a, b) => `${s.fn}(${a}, ${b})`);
  // Shift amounts are u32 below 32 in WGSL; KernelScript uses their low 5 bits (legalize.ts).
  if (s.op === '<<' || s.op === '>>') {
    const amount = typeof s.b === 'number' ? `${s.b & 31}u` : `(u32(${sizeWgsl(s.b)}) & 31u)`;
    return `(${sizeWgsl(s.a)} ${s.op} ${amount})`;
  }
  return `(${sizeWgsl(s.a)} ${s.op} ${sizeWgsl(s.b)})`;
}

/** The type an atomic operates on (the verifier allows only 32-bit number elements). */
function atomicType(t: ScalarType): NumType {
  if (t === 'bool') throw new InternalCompilerError('an atomic on bool');
  return t;
}

interface ArrayInfo {
  elem: ElemType;
  atomic: boolean;
}

class WgslPrinter extends CLikePrinter {
  readonly arrays = new Map<string, ArrayInfo>();
  readonly usage: Usage;
  /** 8- and 16-bit global and shared arrays, packed in u32 words (pack.ts). */
  private readonly packed = new Map<string, Packed>();
  /** 8- and 16-bit local arrays: one element per slot, truncated as stored (pack.ts). */
  private readonly narrowLocals = new Map<string, ElemType>();

  constructor(ir: KernelIR, names: NameMap) {
    super(ir, names);
    this.usage = analyze(ir);
    for (const p of ir.params) if (p.kind === 'array') this.arrays.set(p.name, { elem: p.elem, atomic: p.atomic });
    for (const s of ir.shared) this.arrays.set(s.name, { elem: s.elem, atomic: s.atomic });
    for (const p of ir.params) if (p.kind === 'array' && isPacked(p.elem)) this.packed.set(p.name, { elem: p.elem, written: p.access !== 'read' });
    // A shared array is there to be written, so its words are always atomic.
    for (const s of ir.shared) if (isPacked(s.elem)) this.packed.set(s.name, { elem: s.elem, written: true });
    for (const [name, elem] of arrayElems(ir)) if (isPacked(elem) && !this.packed.has(name)) this.narrowLocals.set(name, elem);
  }

  /** Arrays vector accesses make arrays of vectors (targets/vectors.ts), by their width; none atomic. */
  private get views(): Map<string, 2 | 4> {
    if (!this.viewMap) {
      this.viewMap = viewWidths(this.ir);
      // An atomic array cannot be a vector array (KS8020 refuses the kernel); printed plainly.
      for (const a of this.viewMap.keys()) if (this.arrays.get(a)?.atomic) this.viewMap.delete(a);
      // Nor can one that matrix loads and stores address (they take an array of f16 or f32, matrix.ts).
      for (const a of matrixArrays(this.ir)) this.viewMap.delete(a);
    }
    return this.viewMap;
  }

  private viewMap: Map<string, 2 | 4> | null = null;

  /** Element `index` of an array viewed as vectors of `w`: `a[i >> 2u][i & 3i]`, one access. */
  private viewElem(array: string, index: Expr, w: 2 | 4): string {
    const mask = `${w - 1}${index.type === 'u32' ? 'u' : 'i'}`;
    return `${this.name(array)}[${this.operand(index, P.shift, 'l')} >> ${w === 4 ? 2 : 1}u][${this.operand(index, P.bitand, 'l')} & ${mask}]`;
  }

  protected vload(s: Extract<Stmt, { k: 'vload' }>): void {
    const info = this.arrays.get(s.array);
    const w = s.names.length;
    const view = this.views.get(s.array);
    if (!info || !view) {
      // Not a vector array (a local one from an inlined helper, or an atomic one: the kernel is
      // refused, KS8020): element by element.
      const type = valueOf(arrayElems(this.ir).get(s.array) ?? 'f32');
      s.names.forEach((n, j) => {
        const read: Expr = { k: 'index', array: s.array, index: vectorElement(s.index, w, j), type, span: s.span };
        this.line(`let ${this.name(n)}: ${type} = ${this.expr(read)};`);
      });
      return;
    }
    const t = ELEMENTS[info.elem].wgsl;
    const v = this.freshLabel('vec');
    if (view === w) this.line(`let ${v} = ${this.name(s.array)}[${this.expr(s.index)}];`);
    else {
      const i = this.freshLabel('vi');
      this.line(`let ${i} = ${this.expr(s.index)};`);
      this.line(`let ${v} = vec4<${t}>(${this.name(s.array)}[${i} * 2], ${this.name(s.array)}[${i} * 2 + 1]);`);
    }
    s.names.forEach((n, j) => this.line(`let ${this.name(n)}: ${t} = ${v}.${LANES[j] ?? 'x'};`));
  }

  protected vstore(s: Extract<Stmt, { k: 'vstore' }>): void {
    const info = this.arrays.get(s.array);
    const w = s.values.length;
    const view = this.views.get(s.array);
    if (!info || !view) {
      s.values.forEach((v, j) => this.store({ k: 'store', array: s.array, index: vectorElement(s.index, w, j), value: v, span: s.span }));
      return;
    }
    const t = ELEMENTS[info.elem].wgsl;
    const vals = s.values.map((e) => this.expr(e));
    const a = this.name(s.array);
    if (view === w) return this.line(`${a}[${this.expr(s.index)}] = vec${w}<${t}>(${vals.join(', ')});`);
    const i = this.freshLabel('vi');
    this.line(`let ${i} = ${this.expr(s.index)};`);
    this.line(`${a}[${i} * 2] = vec2<${t}>(${vals.slice(0, 2).join(', ')});`);
    this.line(`${a}[${i} * 2 + 1] = vec2<${t}>(${vals.slice(2).join(', ')});`);
  }

  /** An index as the u32 the packed arrays' functions take. */
  private u32Index(index: Expr): string {
    return index.type === 'u32' ? this.expr(index) : `u32(${this.expr(index)})`;
  }

  protected typeName(t: ScalarType): string {
    return t;
  }

  protected literal(type: ScalarType, value: number | boolean): Printed {
    if (typeof value === 'boolean') return prim(String(value));
    if (type === 'f16') return f16Literal(value);
    if (type === 'f64') return prim(String(value));
    if (type === 'f32') {
      // Non-finite values cannot be constants: they are ks_f32_bits calls (see NON_FINITE).
      const bits = nonFiniteBits(value);
      if (bits !== null) return prim(`ks_f32_bits(${bits})`);
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
    // Rounded on the bits first (floats.ts), so f16(...) is exact whatever the device's rounding.
    if (to === 'f16' && arg.type === 'f32') return prim(`f16(${F16_ROUND}(${this.expr(arg)}))`);
    return prim(`${to}(${this.expr(arg)})`);
  }

  protected override binary(e: Extract<Expr, { k: 'binary' }>): Printed {
    const { op, lhs, rhs } = e;
    if (op === '%' && e.type === 'f32') return prim(`ks_fmod(${this.args([lhs, rhs])})`);
    // `x != x` / `x == x` on f32 (legalize.ts leaves only these `!=`) are spelled as bit tests,
    // which no driver's no-NaN assumption can fold away; the IR has no bitcast to say it with.
    if ((op === '==' || op === '!=') && lhs.type === 'f32' && sameExpr(lhs, rhs)) return isNanTest(this.expr(lhs), op === '!=');
    // Shifts come legal (masked u32 amounts, no `>>>`: legalize.ts); C-like operand rules already
    // parenthesise a shift operand that is not a unary expression, as WGSL requires.
    return this.infix(op, lhs, rhs);
  }

  protected override select(e: Extract<Expr, { k: 'select' }>): Printed {
    return prim(`select(${this.args([e.else, e.then, e.cond])})`);
  }

  /** Call arguments, parenthesised where a `<` could open a template list (see safe.ts). */
  protected override args(es: readonly Expr[]): string {
    return templateSafeArgs(es.map((a) => this.expr(a)));
  }

  protected math(e: Extract<Expr, { k: 'math' }>): Printed {
    if (e.type === 'bool') throw new InternalCompilerError(`math ${e.fn} on bool`);
    return spellMath(mathSpelling(WGSL_MATH, e.fn, mathArgType(e)), () => e.args.map((a) => this.print(a)), mathArgType(e), () => this.args(e.args));
  }

  protected globalLength(array: string): Printed {
    return prim(`i32(ks_params.${lengthField(this.name(array))})`);
  }

  protected fault(s: Extract<Stmt, { k: 'fault' }>): void {
    this.line(`ks_fault(${s.site}u, ${this.expr(s.index)}, ${this.expr(s.length)}, ks_lid, ks_block);`);
  }

  protected logLine(s: Extract<Stmt, { k: 'print' }>): void {
    for (const l of logRecord(s.site, s.args.flatMap((a) => logWords(this.args([a]), a.type)))) this.line(l);
  }

  private ref(array: string, index: Expr): string {
    return `&${this.name(array)}[${this.expr(index)}]`;
  }

  protected override indexRead(e: Extract<Expr, { k: 'index' }>): Printed {
    if (this.packed.has(e.array)) return prim(`${packedLoad(this.name(e.array))}(${this.u32Index(e.index)})`);
    const info = this.arrays.get(e.array);
    const view = this.views.get(e.array);
    if (view) return prim(this.viewElem(e.array, e.index, view));
    if (!info?.atomic) return super.indexRead(e);
    const load = `atomicLoad(${this.ref(e.array, e.index)})`;
    return prim(info.elem === 'f32' ? `bitcast<f32>(${load})` : load);
  }

  protected override store(s: Extract<Stmt, { k: 'store' }>): void {
    if (this.packed.has(s.array)) return this.line(`${packedStore(this.name(s.array))}(${this.u32Index(s.index)}, ${this.expr(s.value)});`);
    const info = this.arrays.get(s.array);
    if (!info?.atomic) return super.store(s);
    const v = info.elem === 'f32' ? `bitcast<u32>(${this.expr(s.value)})` : this.expr(s.value);
    this.line(`atomicStore(${this.ref(s.array, s.index)}, ${v});`);
  }

  protected override plainStore(s: Extract<Stmt, { k: 'store' }>): boolean {
    return !this.arrays.get(s.array)?.atomic && !this.packed.has(s.array);
  }

  protected override storeText(s: Extract<Stmt, { k: 'store' }>): string {
    const view = this.views.get(s.array);
    if (view) return `${this.viewElem(s.array, s.index, view)} = ${this.expr(s.value)}`;
    const elem = this.narrowLocals.get(s.array);
    if (elem === undefined) return super.storeText(s);
    return `${this.name(s.array)}[${this.expr(s.index)}] = ${truncateLocal(elem, this.expr(s.value))}`;
  }

  /** Whether warpSize must be uniform in Tint's eyes: the kernel has barriers and reads it. */
  private uniformWarpSize(): boolean {
    return this.ir.usesBarrier && someExprIn(this.ir.body, (e) => e.k === 'warp' && e.op === 'size');
  }

  protected warp(e: Extract<Expr, { k: 'warp' }>): Printed {
    return prim(WGSL_WARP[e.op](e.args.map((a) => this.expr(a)), warpOperandType(e)).text);
  }

  private fragMap: ReturnType<typeof fragTypes> | null = null;

  protected override matrix(s: MatrixNode): void {
    this.fragMap ??= fragTypes(this.ir);
    this.line(matrixStatement(s, this.fragMap, { name: (n) => this.name(n), expr: (e) => this.expr(e) }));
  }

  protected atomic(e: Extract<Expr, { k: 'atomic' }>): Printed {
    const values = e.args.map((a) => this.expr(a));
    const t = atomicType(e.type);
    const spelling = wgslAtomic(e.op, t);
    if ('native' in spelling) return prim(`${spelling.native}(${templateSafeArgs([this.ref(e.array, e.index), ...values])})`);
    const index = e.index.type === 'i32' ? this.expr(e.index) : `i32(${this.expr(e.index)})`;
    return prim(`${spelling.perArray(this.name(e.array), t).name}(${templateSafeArgs([index, ...values])})`);
  }

  protected declare(s: Extract<Stmt, { k: 'let' }>): void {
    const n = this.name(s.name);
    if (!s.mutable && s.init) return this.line(`let ${n}: ${s.type} = ${this.expr(s.init)};`);
    // An explicit zero: the local must be zeroed every time the declaration runs (in loops too).
    this.line(`var ${n}: ${s.type} = ${s.init ? this.expr(s.init) : ZERO[s.type]};`);
  }

  protected localArray(s: Extract<Stmt, { k: 'localArray' }>): void {
    const t = `array<${isPacked(s.elem) ? valueOf(s.elem) : ELEMENTS[s.elem].wgsl}, ${s.length}>`;
    this.line(`var ${this.name(s.name)}: ${t} = ${t}();`);
  }

  protected barrier(): string {
    return 'workgroupBarrier();';
  }

  protected fence(): void {
    // WGSL has no device-scope fence: wgslLimits refuses the kernel (KS8035); printing stays total.
    this.line('// threadfence(): none in WGSL');
  }

  protected continueTo(): string {
    return 'continue;';
  }

  protected fallbackBody(): void {
    throw new InternalCompilerError('unreachable: WGSL loops use continuing blocks');
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

  /** The per-array atomic functions the kernel uses (see ops.ts). */
  private atomicHelpers(): void {
    for (const key of [...this.usage.atomics].sort()) {
      const [op = '', arr = ''] = key.split(':');
      const info = this.arrays.get(arr);
      if (!info || !isAtomicOp(op)) throw new InternalCompilerError(`atomic '${key}' on an unknown array or operation`);
      const t = atomicType(valueOf(info.elem));
      const spelling = wgslAtomic(op, t);
      if (!('perArray' in spelling)) continue;
      for (const l of spelling.perArray(this.name(arr), t).lines) this.line(l);
      this.line('');
    }
  }

  /** The packed arrays' load and store functions. */
  private packedHelpers(): void {
    for (const [name, p] of this.packed) {
      for (const l of packedHelpers(this.name(name), p)) this.line(l);
      this.line('');
    }
  }

  private storageType(name: string, info: ArrayInfo): string {
    const packed = this.packed.get(name);
    if (packed) return packedStorage(packed);
    const view = this.views.get(name);
    if (view) return `vec${view}<${ELEMENTS[info.elem].wgsl}>`;
    if (!info.atomic) return ELEMENTS[info.elem].wgsl;
    // WGSL atomics are on i32/u32 only: an f32 array used atomically holds its bits as u32.
    return `atomic<${info.elem === 'f32' ? 'u32' : ELEMENTS[info.elem].wgsl}>`;
  }

  module(): { lines: string[]; layout: WgslLayout } {
    const ir = this.ir;
    const scalars = ir.params.filter((p) => p.kind === 'scalar');
    // Every scalar takes one 4-byte slot (bool travels as u32); the grid starts 16-byte aligned.
    const offsets = scalars.map((_, i) => i * SLOT);
    const gridOffset = Math.ceil((scalars.length * SLOT) / 16) * 16;
    const layout: WgslLayout = {
      uniformBinding: 0,
      uniformSize: gridOffset + 16,
      uniformFields: scalars.map((p, i) => ({ name: p.name, offset: offsets[i] ?? 0, type: p.type })),
      gridOffset,
      arrayBindings: [],
      blockOverrides: BLOCK_OVERRIDES,
    };
    this.line(`// KernelScript kernel '${ir.name}' (WGSL). Generated code: edit the TypeScript source instead.`);
    for (const h of HEADER) this.line(h);
    this.line('');
    // Matrix fragments A and B hold f16 (matrix.ts), whatever else the kernel uses.
    const matrix = someStmt(ir.body, (s) => s.k === 'matrix');
    if (usesScalarType(ir, 'f16') || matrix) {
      // The host gives f16 scalars as the f32 of their f16 value, so f16(...) of them is exact.
      this.line('enable f16;');
      this.line('');
      layout.f16 = true;
    }
    const warp = usesWarp(ir);
    if (warp || matrix) {
      // Warp operations are subgroup operations. Tint's own uniformity rule for them is off: ours
      // (compiler/passes/warp-uniformity.ts) is per warp, and the device checks the lane order.
      // Matrix operations use subgroupBroadcastFirst for their operands (matrix.ts).
      this.line('enable subgroups;');
      this.line('diagnostic(off, subgroup_uniformity);');
      this.line('');
    }
    if (matrix) {
      for (const l of MATRIX_DIRECTIVES) this.line(l);
      this.line('');
    }
    // A debug build's array lengths follow the scalars (core/output.ts, lengthFields).
    const lengths = ir.debug ? ir.params.filter((p) => p.kind === 'array') : [];
    if (ir.debug) {
      const base = scalars.length * SLOT;
      layout.lengthFields = lengths.map((p, i) => ({ name: p.name, offset: base + i * SLOT }));
      layout.gridOffset = layout.uniformSize = Math.ceil(((scalars.length + lengths.length) * SLOT) / 16) * 16;
      layout.uniformSize += 16;
    }
    this.line('struct ks_Params {');
    // bool travels as u32, f16 as the f32 of its value (SCALAR_BYTES).
    for (const p of scalars) this.line(`  ${this.name(p.name)}: ${p.type === 'bool' ? 'u32' : p.type === 'f16' ? 'f32' : p.type},`);
    for (const p of lengths) this.line(`  ${lengthField(this.name(p.name))}: u32,`);
    this.line('  ks_grid: vec3<u32>,');
    this.line('}');
    this.line('');
    this.line('@group(0) @binding(0) var<uniform> ks_params: ks_Params;');
    let binding = 1;
    for (const p of ir.params) {
      if (p.kind !== 'array') continue;
      const access: Access = p.access === 'read' && !p.atomic ? 'read' : 'read_write';
      layout.arrayBindings.push({ name: p.name, binding, access: p.access });
      this.line(`@group(0) @binding(${binding++}) var<storage, ${access}> ${this.name(p.name)}: array<${this.storageType(p.name, p)}>;`);
    }
    if (ir.debug) {
      layout.faultBinding = binding;
      this.line(`@group(0) @binding(${binding++}) var<storage, read_write> ks_fault_rec: array<atomic<u32>, ${FAULT_WORDS}>;`);
    }
    if (ir.prints) {
      layout.logBinding = binding;
      this.line(logDeclaration(binding++));
    }
    for (const s of ir.shared) {
      const elems = s.size ? sharedCount(s) : isPacked(s.elem) ? packedWords(s.elem, s.length) : s.length;
      // A vector array holds ceil(length / w) vectors.
      const view = this.views.get(s.name);
      const count = !view ? elems : typeof elems === 'number' ? Math.ceil(elems / view) : `(${elems} + ${view - 1}) / ${view}`;
      this.line(`var<workgroup> ${this.name(s.name)}: array<${this.storageType(s.name, s)}, ${count}>;`);
    }
    for (const o of BLOCK_OVERRIDES) this.line(`override ${o}: u32 = 1u;`);
    if (warp) {
      this.line('var<private> ks_sg_id: u32;');
      this.line('var<private> ks_sg_size: u32;');
      if (this.uniformWarpSize()) this.line('var<workgroup> ks_wg_warp_size: u32;');
    }
    this.line('');
    if (usesNonFinite(ir)) {
      for (const l of NON_FINITE) this.line(l);
      this.line('');
    }
    if (roundsToF16(ir)) {
      for (const l of F16_ROUND_HELPER) this.line(l);
      this.line('');
    }
    for (const h of mathHelpers(WGSL_MATH, this.usage.math, MATH_FNS)) {
      for (const l of h.lines) this.line(l);
      this.line('');
    }
    if (usesF32Mod(ir)) {
      for (const l of FMOD_HELPER) this.line(l);
      this.line('');
    }
    for (const l of keepHelpers(ir)) this.line(l);
    if (ir.debug) {
      for (const l of FAULT_HELPER) this.line(l);
      this.line('');
    }
    if (ir.prints) {
      for (const l of LOG_HELPER) this.line(l);
      this.line('');
    }
    for (const h of warpHelpers(ir, WGSL_WARP)) {
      for (const l of h.lines) this.line(l);
      this.line('');
    }
    this.atomicHelpers();
    this.packedHelpers();
    for (const h of ir.helpers) this.helper(h);
    this.entry();
    return { lines: this.out, layout };
  }

  private entry(): void {
    const ir = this.ir;
    const b = this.usage.builtins;
    const uses = (name: string): boolean => AXES.some((a) => b.has(`${name}.${a}`));
    this.line('@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)');
    const inputs = ['@builtin(workgroup_id) ks_wid: vec3<u32>', '@builtin(num_workgroups) ks_nwg: vec3<u32>'];
    // A debug build's faults record the thread and block.
    const debug = ir.debug === true;
    if (uses('threadIdx') || debug) inputs.unshift('@builtin(local_invocation_id) ks_lid: vec3<u32>');
    const warp = usesWarp(ir);
    if (warp) inputs.push('@builtin(subgroup_invocation_id) ks_sgid: u32', '@builtin(subgroup_size) ks_sgsize: u32');
    if (this.uniformWarpSize()) inputs.push('@builtin(local_invocation_index) ks_lidx: u32');
    this.line(`fn ${this.name.entry}(${inputs.join(', ')}) {`);
    this.indented(() => {
      if (warp) {
        this.line('ks_sg_id = ks_sgid;');
        this.line('ks_sg_size = ks_sgsize;');
      }
      const blockIdx = uses('blockIdx') || debug;
      if (blockIdx) this.line('var ks_block = ks_wid;');
      this.line('if (any(ks_nwg != ks_params.ks_grid)) {');
      this.indented(() => {
        this.line('let ks_linear = ks_wid.x + ks_wid.y * ks_nwg.x;');
        this.line('if (ks_linear >= ks_params.ks_grid.x) { return; }');
        if (blockIdx) this.line('ks_block = vec3<u32>(ks_linear, 0u, 0u);');
      });
      this.line('}');
      if (warp) {
        // warpSize: Tint counts subgroup_size as non-uniform, so a kernel with barriers whose
        // conditions may read it takes it through workgroup memory (one barrier, here).
        if (this.uniformWarpSize()) {
          this.line('if (ks_lidx == 0u) { ks_wg_warp_size = ks_sgsize; }');
          this.line('let ks_warp_size = i32(workgroupUniformLoad(&ks_wg_warp_size));');
        } else {
          this.line('let ks_warp_size = i32(ks_sgsize);');
        }
      }
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
          const field = `ks_params.${n}`;
          this.line(`let ${n}: ${p.type} = ${p.type === 'bool' ? `${field} != 0u` : p.type === 'f16' ? `f16(${field})` : field};`);
        }
      }
      this.stmts(ir.body);
    });
    this.line('}');
  }
}

/** Prints WGSL for a kernel the WGSL legalize rules have run on (the backend's `emit`). */
export function printWgsl(ir: KernelIR): Emitted {
  const names = makeNameMap(ir, WGSL_NAMES);
  const { lines, layout } = new WgslPrinter(ir, names).module();
  return {
    code: lines.join('\n') + '\n',
    entryPoint: names.entry,
    meta: { usesBarrier: ir.usesBarrier, sharedBytes: sharedBytes(ir), ...dynamicSharedMeta(ir), atomicParams: atomicParams(ir), wgsl: layout, ...warpMeta(ir) },
  };
}

/** The whole WGSL target on one kernel (unroll, fold, legalize, print), as targets/index.ts runs it. */
export function emitWgsl(input: KernelIR): Emitted {
  return printWgsl(lowerFor(WGSL_LOWERING, input));
}
