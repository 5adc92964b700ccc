// CUDA C: an `extern "C" __global__` entry, `__device__` helpers, `__shared__` arrays and native
// atomics. Output compiles with `nvcc -arch=sm_90 -ptx -Werror all-warnings` (and NVRTC).
import type { ElemType, Expr, HelperIR, KernelIR, ScalarType, Stmt } from '../../core/ir/types.js';
import { analyze, arrayElems, atomicParams, dynamicSharedMeta, sharedBytes } from '../analysis.js';
import { DYNAMIC_SHARED_ALIGN } from '../../core/shared-size.js';
import { CLikePrinter, P, prim, type Printed } from '../c-like.js';
import { KEEP_HELPER } from './const.js';
import { F16_HELPERS, F16_TO_F32, F32_TO_F16, f16Literal, f64Literal, usesF16Casts } from './floats.js';
import { usesKeep } from './legalize.js';
import type { Emitted } from '../target.js';
import { shortestF32 } from '../float.js';
import { makeNameMap, type NameMap } from '../names.js';
import { CUDA_NAMES } from './keywords.js';
import { CUDA_ATOMICS, CUDA_MATH } from './ops.js';
import { mathHelpers, mathSpelling, spellMath } from '../spelling.js';
import { MATH_FNS, mathArgType } from '../../core/ir/ops.js';
import { ELEMENTS, isSmallInt } from '../../core/elements.js';
import { InternalCompilerError } from '../../core/diagnostics/diagnostic.js';
import { LANES } from '../../core/vec.js';
import { vectorElement, vectorWidths } from '../vectors.js';
import { printfStatement } from './print.js';
import { UnrollPragmas } from './pragma-unroll.js';
import { CUDA_WARP } from './ops.js';
import { warpHelpers, warpOperandType } from '../warp.js';
import { warpMeta } from '../analysis.js';
import { MATRIX_SHARED_ALIGN, matrixHelpers, matrixStatement, sharedNames } from './matrix.js';
import { fragTypes, matrixArrays, type MatrixNode } from '../matrix.js';

/** Scalars are spelled as their element type; bool as C++'s. */
const TYPE: Record<ScalarType, string> = {
  f32: ELEMENTS.f32.cuda, f16: ELEMENTS.f16.cuda, f64: ELEMENTS.f64.cuda, i32: ELEMENTS.i32.cuda, u32: ELEMENTS.u32.cuda, bool: 'bool',
};
const ZERO: Record<ScalarType, string> = { f32: '0.0f', f16: '(unsigned short)0u', f64: '0.0', i32: '0', u32: '0u', bool: 'false' };
/**
 * nvcc's warnings on what valid kernels contain, silenced so that the output also compiles with
 * `-Werror all-warnings`: #177 "declared but never referenced" and #550 "set but never used"
 * (locals, local and shared arrays a kernel never reads), #39 "division by zero" and #179 "right
 * operand of % is zero" (`x / 0` is Infinity on f32; on integers unspecified but legal where not
 * reached), #173 "floating-point value does not fit in required integral type" (the same for
 * `i32(3e38)`), and #186 "pointless comparison of unsigned integer with zero" (`u >= 0`).
 * nv_diag_suppress is nvcc's and NVRTC's (CUDA 11.5+), and host compilers never see it.
 */
const SUPPRESS_COMMENT = '// Silences nvcc warnings about unused variables, constant division by zero and the like.';
const SUPPRESS = '#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550';

/** The vector type of each element type's 2- and 4-wide accesses (f16: four 16-bit halves in a uint2). */
const CUDA_VEC: Partial<Record<ElemType, Partial<Record<2 | 4, string>>>> = {
  f32: { 2: 'float2', 4: 'float4' },
  i32: { 2: 'int2', 4: 'int4' },
  u32: { 2: 'uint2', 4: 'uint4' },
  f16: { 4: 'uint2' },
};
/** Component `j` of four f16 halves packed into the uint2 `v`, as its bits. */
const packedHalf = (v: string, j: number): string => `(unsigned short)(${v}.${j < 2 ? 'x' : 'y'}${j % 2 ? ' >> 16' : ' & 0xffffu'})`;

const FAULT_PARAM = 'ks_fault_rec';
/** The block's dynamic shared memory, which block-sized shared arrays point into. */
const DYNAMIC_SMEM = 'ks_dyn_smem';
const lengthParam = (array: string): string => `ks_len_${array}`;

/** Debug builds: the first out-of-bounds access fills the fault record (core/output.ts); later ones leave it. */
const FAULT_HELPER = [
  'static __device__ void ks_fault(unsigned int* rec, unsigned int site, unsigned int index, unsigned int length) {',
  '  if (atomicExch(&rec[0], 1u) != 0u) return;',
  '  rec[1] = site; rec[2] = index; rec[3] = length;',
  '  rec[4] = threadIdx.x; rec[5] = threadIdx.y; rec[6] = threadIdx.z;',
  '  rec[7] = blockIdx.x; rec[8] = blockIdx.y; rec[9] = blockIdx.z;',
  '}',
];

/** i32 operations C leaves undefined on overflow (or on a bit shifted into the sign): printed on unsigned int. */
function wraps(e: Expr): boolean {
  if (e.type !== 'i32') return false;
  if (e.k === 'unary') return e.op === 'neg';
  return e.k === 'binary' && (e.op === '+' || e.op === '-' || e.op === '*' || e.op === '<<' || e.op === '>>>');
}

/** Whether the i32 `e` prints as an unsigned int inside a wrapping tree (see `wrapped`). */
function isUnsigned(e: Expr): boolean {
  return wraps(e) || e.k === 'const' || e.k === 'builtin' || (e.k === 'cast' && e.arg.type === 'u32');
}

class CudaPrinter extends CLikePrinter {
  private readonly elems: Map<string, ElemType>;

  /** Matrix fragments by name, and the arrays matrix loads and stores address (matrix.ts). */
  private readonly frags: ReturnType<typeof fragTypes>;
  private readonly sharedNames: ReadonlySet<string>;
  private readonly matrixArrays: Set<string>;

  constructor(ir: KernelIR, names: NameMap) {
    super(ir, names);
    this.elems = arrayElems(ir);
    this.frags = fragTypes(ir);
    this.sharedNames = sharedNames(ir);
    this.matrixArrays = matrixArrays(ir);
  }

  private readonly pragmas = new UnrollPragmas();

  /** Counted loops small enough to unroll fully are marked for nvcc (pragma-unroll.ts). */
  override stmts(body: readonly Stmt[]): void {
    body.forEach((s, k) => {
      if (s.k === 'loop' && this.pragmas.marks(body[k - 1], s)) this.line('#pragma unroll');
      this.stmt(s);
    });
  }

  protected typeName(t: ScalarType): string {
    return TYPE[t];
  }

  protected literal(type: ScalarType, value: number | boolean): Printed {
    if (typeof value === 'boolean') return prim(String(value));
    if (type === 'f16') return f16Literal(value);
    if (type === 'f64') return f64Literal(value);
    if (type === 'f32') {
      if (Number.isNaN(value)) return prim('__int_as_float(0x7fc00000)');
      if (value === Infinity) return prim('__int_as_float(0x7f800000)');
      if (value === -Infinity) return { text: '-__int_as_float(0x7f800000)', prec: P.unary };
      const s = `${shortestF32(value)}f`;
      return { text: s, prec: s.startsWith('-') ? P.unary : P.primary };
    }
    if (type === 'u32') return prim(`${value >>> 0}u`);
    if (value === -2147483648) return prim('(-2147483647 - 1)');
    return { text: String(value | 0), prec: value < 0 ? P.unary : P.primary };
  }

  protected builtin(name: string, axis: string): Printed {
    return { text: `(int)${name}.${axis}`, prec: P.unary };
  }

  protected cast(arg: Expr, to: ScalarType): Printed {
    // The f16 rule leaves only f16 ↔ f32 conversions (floats.ts).
    if (arg.type === 'f16' || to === 'f16') {
      if (arg.type === 'f16' && to === 'f32') return prim(`${F16_TO_F32}(${this.expr(arg)})`);
      if (arg.type === 'f32' && to === 'f16') return prim(`${F32_TO_F16}(${this.expr(arg)})`);
      throw new InternalCompilerError(`conversion from ${arg.type} to ${to} left for the CUDA printer`);
    }
    if (to === 'bool') return prim(`(${this.operand(arg, P.eq, 'l')} != ${ZERO[arg.type]})`);
    return { text: `(${TYPE[to]})${this.unaryOperand(arg)}`, prec: P.unary };
  }

  protected override binary(e: Extract<Expr, { k: 'binary' }>): Printed {
    const { op, lhs, rhs } = e;
    if (wraps(e)) return this.wrapped(e);
    if (op === '%' && e.type === 'f32') return prim(`fmodf(${this.expr(lhs)}, ${this.expr(rhs)})`);
    if (op === '%' && e.type === 'f64') return prim(`fmod(${this.expr(lhs)}, ${this.expr(rhs)})`);
    if (op !== '<<' && op !== '>>' && op !== '>>>') return this.infix(op, lhs, rhs);
    return this.infix(op === '>>>' ? '>>' : op, lhs, this.shiftAmount(rhs));
  }

  protected override unary(e: Extract<Expr, { k: 'unary' }>): Printed {
    return wraps(e) ? this.wrapped(e) : super.unary(e);
  }

  /** Shift amounts use their low 5 bits, as in JS (C leaves larger amounts undefined). */
  private shiftAmount(rhs: Expr): Printed {
    return rhs.k === 'const' ? prim(String(Number(rhs.value) & 31)) : { text: `${this.operand(rhs, P.bitand, 'l')} & 31`, prec: P.bitand };
  }

  /**
   * An i32 `+ - * << >>>` or negation. Signed overflow (and shifting a bit into or out of the sign)
   * is undefined in C++17, and nvcc exploits it (`t + 1 > t` becomes true), so the whole tree of
   * such operators is computed on unsigned int, which wraps, and converted back once (modular in
   * nvcc): `(int)((unsigned int)row * k + p)`. Each operation gets at least one unsigned operand
   * (its left one for a shift) and C's usual arithmetic conversions make the other unsigned too.
   */
  private wrapped(e: Expr): Printed {
    return { text: `(int)(${this.unsignedOp(e).text})`, prec: P.unary };
  }

  private unsignedOp(e: Expr): Printed {
    if (e.k === 'unary') {
      const p = this.unsignedOperand(e.arg, true);
      return { text: p.prec >= P.unary && !p.text.startsWith('-') ? `-${p.text}` : `-(${p.text})`, prec: P.unary };
    }
    if (e.k !== 'binary') throw new InternalCompilerError(`${e.k} is not a wrapping operation`);
    if (e.op === '<<' || e.op === '>>>') {
      return this.infix(e.op === '<<' ? '<<' : '>>', this.unsignedOperand(e.lhs, true), this.shiftAmount(e.rhs));
    }
    const castLhs = !isUnsigned(e.lhs) && !isUnsigned(e.rhs);
    return this.infix(e.op, this.unsignedOperand(e.lhs, castLhs), this.unsignedOperand(e.rhs, false));
  }

  /** The i32 `e` as an operand in an unsigned int tree: converted if `cast` or if that costs nothing. */
  private unsignedOperand(e: Expr, cast: boolean): Printed {
    if (wraps(e)) return this.unsignedOp(e);
    if (e.k === 'const') {
      const v = Number(e.value);
      // Negative literals are converted explicitly: implicitly, nvcc warns of the change of sign.
      if (v >= 0 || v === -2147483648) return prim(`${v >>> 0}u`);
      return { text: `(unsigned int)${v}`, prec: P.unary };
    }
    if (e.k === 'builtin') return prim(`${e.name}.${e.axis}`);
    if (e.k === 'cast' && e.arg.type === 'u32') return this.print(e.arg);
    const p = this.print(e);
    if (!cast) return p;
    return { text: `(unsigned int)${p.prec >= P.unary ? p.text : `(${p.text})`}`, prec: P.unary };
  }

  protected math(e: Extract<Expr, { k: 'math' }>): Printed {
    if (e.type === 'bool') throw new InternalCompilerError(`math ${e.fn} on bool`);
    return spellMath(mathSpelling(CUDA_MATH, e.fn, mathArgType(e)), () => e.args.map((a) => this.print(a)), mathArgType(e), () => this.args(e.args));
  }

  protected globalLength(array: string): Printed {
    return prim(lengthParam(this.name(array)));
  }

  protected fault(s: Extract<Stmt, { k: 'fault' }>): void {
    this.line(`ks_fault(${FAULT_PARAM}, ${s.site}u, ${this.expr(s.index)}, ${this.expr(s.length)});`);
  }

  protected logLine(s: Extract<Stmt, { k: 'print' }>): void {
    const site = this.ir.prints?.[s.site];
    if (!site) throw new InternalCompilerError(`print of unknown site ${s.site}`);
    this.line(printfStatement(this.ir.name, site, s.args.map((a) => ({ text: this.expr(a), type: a.type }))));
  }

  protected atomic(e: Extract<Expr, { k: 'atomic' }>): Printed {
    return prim(`${CUDA_ATOMICS[e.op]}(&${this.name(e.array)}[${this.expr(e.index)}], ${this.args(e.args)})`);
  }

  /**
   * 8- and 16-bit elements are native char/short arrays. C would promote a read to int, so it is
   * widened to its value type explicitly (u32 arithmetic must stay unsigned); a store converts the
   * value back, keeping its low bits (modular in nvcc for the signed types too).
   */
  protected override indexRead(e: Extract<Expr, { k: 'index' }>): Printed {
    const elem = this.elems.get(e.array);
    if (elem === undefined || !isSmallInt(elem)) return super.indexRead(e);
    return { text: `(${TYPE[e.type]})${super.indexRead(e).text}`, prec: P.unary };
  }

  protected override storeText(s: Extract<Stmt, { k: 'store' }>): string {
    const elem = this.elems.get(s.array);
    if (elem === undefined || !isSmallInt(elem)) return super.storeText(s);
    return `${this.name(s.array)}[${this.expr(s.index)}] = (${ELEMENTS[elem].cuda})${this.unaryOperand(s.value)}`;
  }

  protected declare(s: Extract<Stmt, { k: 'let' }>): void {
    const init = s.init ? this.expr(s.init) : ZERO[s.type];
    this.line(`${s.mutable ? '' : 'const '}${TYPE[s.type]} ${this.name(s.name)} = ${init};`);
  }

  protected localArray(s: Extract<Stmt, { k: 'localArray' }>): void {
    this.line(`${ELEMENTS[s.elem].cuda} ${this.name(s.name)}[${s.length}] = {};`);
  }

  /** A vector access to a local array (from an inlined helper), printed element by element; false for other arrays. */
  private localVector(s: Extract<Stmt, { k: 'vload' | 'vstore' }>): boolean {
    if (this.ir.params.some((p) => p.name === s.array) || this.ir.shared.some((a) => a.name === s.array)) return false;
    const a = this.name(s.array);
    const w = s.k === 'vload' ? s.names.length : s.values.length;
    const at = (j: number): string => `${a}[${this.expr(vectorElement(s.index, w, j))}]`;
    if (s.k === 'vload') s.names.forEach((n, j) => this.line(`const ${TYPE[ELEMENTS[this.elems.get(s.array) ?? 'f32'].value]} ${this.name(n)} = ${at(j)};`));
    else s.values.forEach((v, j) => this.line(`${at(j)} = ${this.expr(v)};`));
    return true;
  }

  /** The CUDA vector type one access of `width` elements of `array` moves (f16: 8 bytes as a uint2). */
  private vecType(array: string, width: number): { type: string; elem: ElemType } {
    const elem = this.elems.get(array);
    const type = elem && (width === 2 || width === 4) ? CUDA_VEC[elem]?.[width] : undefined;
    if (!elem || !type) throw new InternalCompilerError(`no CUDA vector of ${width} for '${array}'`);
    return { type, elem };
  }

  /** One aligned load through a vector pointer (global buffers and `__align__(16)` shared arrays). */
  protected vload(s: Extract<Stmt, { k: 'vload' }>): void {
    if (this.localVector(s)) return;
    const { type, elem } = this.vecType(s.array, s.names.length);
    const first = s.names[0] ?? '';
    const v = `ks_vec_${this.name(first)}`;
    this.line(`const ${type} ${v} = reinterpret_cast<const ${type}*>(${this.name(s.array)})[${this.expr(s.index)}];`);
    s.names.forEach((n, j) => {
      const lane = elem === 'f16' ? packedHalf(v, j) : `${v}.${LANES[j] ?? 'x'}`;
      this.line(`const ${TYPE[ELEMENTS[elem].value]} ${this.name(n)} = ${lane};`);
    });
  }

  protected vstore(s: Extract<Stmt, { k: 'vstore' }>): void {
    if (this.localVector(s)) return;
    const { type, elem } = this.vecType(s.array, s.values.length);
    const vals = s.values.map((e) => this.expr(e));
    // f16 bits pair up into 32-bit words, the lower element in the lower half (little-endian).
    const parts = elem === 'f16'
      ? [0, 2].map((j) => `(unsigned int)(${vals[j] ?? '0u'}) | ((unsigned int)(${vals[j + 1] ?? '0u'}) << 16)`)
      : vals;
    this.line(`reinterpret_cast<${type}*>(${this.name(s.array)})[${this.expr(s.index)}] = make_${type}(${parts.join(', ')});`);
  }

  protected barrier(): string {
    return '__syncthreads();';
  }

  protected fence(): void {
    this.line('__threadfence();');
  }

  protected continueTo(label: string): string {
    return `goto ${label};`;
  }

  protected fallbackBody(label: string, body: () => void): void {
    // The body gets its own scope so the goto never jumps into a declaration's scope.
    this.line('{');
    this.indented(body);
    this.line('}');
    this.line(`${label}:;`);
  }

  protected warp(e: Extract<Expr, { k: 'warp' }>): Printed {
    return prim(CUDA_WARP[e.op](e.args.map((a) => this.expr(a)), warpOperandType(e)).text);
  }

  protected override matrix(s: MatrixNode): void {
    this.line(matrixStatement(s, this.frags, this.sharedNames, { name: (n) => this.name(n), expr: (e) => this.expr(e) }));
  }

  helper(h: HelperIR): void {
    const params = h.params.map((p) => `${TYPE[p.type]} ${this.name(p.name)}`).join(', ');
    const ret = h.returnType ? TYPE[h.returnType] : 'void';
    this.line(`static __device__ __forceinline__ ${ret} ${this.name(h.name)}(${params || 'void'}) {`);
    this.indented(() => this.stmts(h.body));
    this.line('}');
    this.line('');
  }

  /**
   * Constant-length shared arrays are `__shared__` arrays. Block-sized ones share the launch's
   * dynamic shared memory (the runtime passes its size, core/shared-size.ts): each is a pointer
   * into it, starting 16-byte aligned after the one before, its count computed from blockDim.
   */
  private sharedArrays(): void {
    const dynamic = this.ir.shared.filter((s) => s.size);
    // Vector accesses need their alignment (targets/vectors.ts); other arrays keep the element's.
    const wide = vectorWidths(this.ir);
    // Matrix loads and stores need 32 bytes (matrix.ts).
    const align = (name: string): string =>
      this.matrixArrays.has(name) ? `__align__(${MATRIX_SHARED_ALIGN}) ` : wide.has(name) ? '__align__(16) ' : '';
    for (const s of this.ir.shared) {
      if (!s.size) this.line(`__shared__ ${align(s.name)}${ELEMENTS[s.elem].cuda} ${this.name(s.name)}[${s.length}];`);
    }
    if (dynamic.length === 0) return;
    // The first block-sized array starts at the base; matrix loads and stores need it 32-byte
    // aligned (the others, 16-byte aligned, are refused them: limits.ts).
    const base = dynamic.some((s) => this.matrixArrays.has(s.name)) ? MATRIX_SHARED_ALIGN : DYNAMIC_SHARED_ALIGN;
    this.line(`extern __shared__ __align__(${base}) unsigned char ${DYNAMIC_SMEM}[];`);
    let offset = '0u';
    dynamic.forEach((s, i) => {
      const type = ELEMENTS[s.elem].cuda;
      this.line(`${type}* const ${this.name(s.name)} = reinterpret_cast<${type}*>(${DYNAMIC_SMEM} + ${offset});`);
      if (i === dynamic.length - 1 || !s.size) return;
      const end = `ks_smem_end${i}`;
      const bytes = `(unsigned int)(${this.expr(s.size)}) * ${ELEMENTS[s.elem].bytes}u`;
      const mask = DYNAMIC_SHARED_ALIGN - 1;
      this.line(`const unsigned int ${end} = (${offset === '0u' ? '' : `${offset} + `}${bytes} + ${mask}u) & ~${mask}u;`);
      offset = end;
    });
  }

  kernel(): string[] {
    const ir = this.ir;
    const usage = analyze(ir);
    this.line(`// KernelScript kernel '${ir.name}' (CUDA C). Generated code: edit the TypeScript source instead.`);
    this.line(SUPPRESS_COMMENT);
    this.line(SUPPRESS);
    this.line('');
    for (const h of mathHelpers(CUDA_MATH, usage.math, MATH_FNS)) {
      for (const l of h.lines) this.line(l);
      this.line('');
    }
    if (usesF16Casts(ir)) {
      for (const l of F16_HELPERS) this.line(l);
      this.line('');
    }
    // Constant zero divisors pass through it (legalize.ts, const.ts).
    if (usesKeep(ir)) {
      for (const l of KEEP_HELPER) this.line(l);
      this.line('');
    }
    if (ir.debug) {
      for (const l of FAULT_HELPER) this.line(l);
      this.line('');
    }
    for (const h of warpHelpers(ir, CUDA_WARP)) {
      for (const l of h.lines) this.line(l);
      this.line('');
    }
    for (const h of matrixHelpers(ir)) {
      for (const l of h) this.line(l);
      this.line('');
    }
    for (const h of ir.helpers) this.helper(h);
    const params = ir.params.map((p) => {
      if (p.kind === 'scalar') return `${TYPE[p.type]} ${this.name(p.name)}`;
      const ro = p.access === 'read' && !p.atomic ? 'const ' : '';
      return `${ro}${ELEMENTS[p.elem].cuda}* __restrict__ ${this.name(p.name)}`;
    });
    // A debug build also takes each array's length, then the fault record (core/output.ts).
    if (ir.debug) {
      for (const p of ir.params) if (p.kind === 'array') params.push(`int ${lengthParam(this.name(p.name))}`);
      params.push(`unsigned int* __restrict__ ${FAULT_PARAM}`);
    }
    this.line(`extern "C" __global__ void ${this.name.entry}(${params.join(', ')}) {`);
    this.indented(() => {
      this.sharedArrays();
      this.stmts(ir.body);
    });
    this.line('}');
    return this.out;
  }
}

/** Prints CUDA C for a kernel the CUDA legalize rules have run on (the backend's `emit`). */
export function emitCuda(ir: KernelIR): Emitted {
  const names = makeNameMap(ir, CUDA_NAMES);
  const lines = new CudaPrinter(ir, names).kernel();
  return {
    code: lines.join('\n') + '\n',
    entryPoint: names.entry,
    meta: { usesBarrier: ir.usesBarrier, sharedBytes: sharedBytes(ir), ...dynamicSharedMeta(ir), atomicParams: atomicParams(ir), ...warpMeta(ir) },
  };
}
