// The one typed IR shared by every pass and target.
// Expressions are side-effect-free trees, except `atomic` (which is only ever the whole
// value of an `expr`/`let`/`assign` statement or an operand evaluated exactly once) and `call`
// (helpers the targets see are pure: scalar arguments, scalar result; helpers taking arrays are
// inlined by the first pass, compiler/passes/inline.ts). Statements form a structured tree that maps
// directly onto WGSL, CUDA C and JS. Every node carries the source span it was lowered from.

/** 1-based source position, as tsc reports it. */
export interface Span {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type ScalarType = 'f32' | 'f16' | 'f64' | 'i32' | 'u32' | 'bool';
/**
 * What arrays hold. The 8- and 16-bit integers are storage only: an element reads as its value
 * type (core/elements.ts: u8/u16 → u32, i8/i16 → i32) and a store truncates to its width.
 */
export type ElemType = 'f32' | 'i32' | 'u32' | 'u8' | 'i8' | 'u16' | 'i16' | 'f16' | 'f64';
export type Access = 'read' | 'write' | 'read_write';

/** Where an array lives: a kernel parameter (global memory), block-shared, or per-thread. */
export type ArraySpace = 'global' | 'shared' | 'local';

export type UnaryOp = 'neg' | 'not' | 'bitnot';
export type ArithOp = '+' | '-' | '*' | '/' | '%';
export type BitOp = '&' | '|' | '^' | '<<' | '>>' | '>>>';
export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type LogicOp = '&&' | '||';
export type BinaryOp = ArithOp | BitOp | CompareOp | LogicOp;

// Operation names come from the registry (ops.ts), their one home.
export type { AtomicOp, Axis, BuiltinName, MathFn, WarpOp } from './ops.js';
import type { AtomicOp, Axis, BuiltinName, MathFn, WarpOp } from './ops.js';
import type { PrintSite } from '../printf.js';

interface Node {
  span: Span;
}

/** Every expression has a scalar result type. */
export type Expr =
  /** A literal. `value` is a JS number (already rounded to f32 for f32) or boolean. ±Infinity allowed for f32. */
  | (Node & { k: 'const'; type: ScalarType; value: number | boolean })
  /** Read of a scalar kernel parameter or helper parameter. */
  | (Node & { k: 'param'; name: string; type: ScalarType })
  /** Read of a local variable slot (declared by a `let` statement). */
  | (Node & { k: 'load'; name: string; type: ScalarType })
  | (Node & { k: 'builtin'; name: BuiltinName; axis: Axis; type: 'i32' })
  /** Element read `array[index]`; `index` is i32 or u32; `type` is the element's value type (core/elements.ts). */
  | (Node & { k: 'index'; array: string; index: Expr; type: ScalarType })
  | (Node & { k: 'unary'; op: UnaryOp; arg: Expr; type: ScalarType })
  /**
   * Operands already have the same type (the front end inserts casts), except for shifts, whose
   * right operand may be i32 or u32. Comparisons and logic ops have type bool.
   */
  | (Node & { k: 'binary'; op: BinaryOp; lhs: Expr; rhs: Expr; type: ScalarType })
  /** `cond ? then : else`; both arms are evaluated-safe (no atomics), so targets may use select(). */
  | (Node & { k: 'select'; cond: Expr; then: Expr; else: Expr; type: ScalarType })
  /** Value conversion (`f32(i)`, `i32(x)`, `u32(k)`, `bool(n)`), C semantics: f32→int truncates. */
  | (Node & { k: 'cast'; arg: Expr; type: ScalarType })
  /** Math builtin; argument types equal the result type (f32, or i32/u32 for abs/min/max). */
  | (Node & { k: 'math'; fn: MathFn; args: Expr[]; type: ScalarType })
  /** Call of a helper function listed in KernelIR.helpers. */
  /**
   * `arrays`: the caller's arrays passed for the helper's array parameters (HelperIR.arrays), in
   * order. Such calls live only until the first pass inlines them. A void helper's call (typed
   * 'i32', which means nothing) is only ever the whole expression of an `expr` statement.
   */
  | (Node & { k: 'call'; fn: string; args: Expr[]; arrays?: string[]; type: ScalarType })
  /**
   * Atomic read-modify-write on `array[index]`; returns the old value. For `cas`, args are
   * [expected, value]; otherwise [value].
   */
  | (Node & { k: 'atomic'; op: AtomicOp; array: string; index: Expr; args: Expr[]; type: ScalarType })
  /**
   * A warp operation (core/ir/ops.ts WARP): `warpSize`/`laneId` (no args, i32); shuffles [value,
   * lane-or-delta (i32/u32)]; reductions [value]; votes [bool]. All but warpSize and laneId are
   * collective: every lane of the warp evaluates them together, so like atomics they are evaluated
   * exactly once where written, never in a select arm or the right operand of && / ||.
   */
  | (Node & { k: 'warp'; op: WarpOp; args: Expr[]; type: ScalarType })
  /** The element count of an array (debug builds, targets/debug.ts): a constant for shared and local arrays. */
  | (Node & { k: 'length'; array: string; type: 'i32' });

export type ExprKind = Expr['k'];

export type Stmt =
  /** Declares a local slot, zero-initialised when `init` is absent. Names are unique per function. */
  | (Node & { k: 'let'; name: string; type: ScalarType; init: Expr | null; mutable: boolean })
  | (Node & { k: 'assign'; name: string; value: Expr })
  /** `array[index] = value`. */
  | (Node & { k: 'store'; array: string; index: Expr; value: Expr })
  /**
   * One aligned access reading elements [w*index, w*index + w) of a global or shared array, w =
   * names.length (2 or 4), into new immutable locals `names` (of the element's value type).
   */
  | (Node & { k: 'vload'; names: string[]; array: string; index: Expr })
  /** One aligned access writing `values` (w = 2 or 4 of them) to elements [w*index, w*index + w). */
  | (Node & { k: 'vstore'; array: string; index: Expr; values: Expr[] })
  /** Per-thread array, zero-filled. */
  | (Node & { k: 'localArray'; name: string; elem: ElemType; length: number })
  /** An expression evaluated for its effect (an atomic or a call whose result is unused). */
  | (Node & { k: 'expr'; expr: Expr })
  | (Node & { k: 'if'; cond: Expr; then: Stmt[]; else: Stmt[] })
  /**
   * All loops. `for`/`while`: `cond` is tested before each iteration, `update` runs after the body
   * and on `continue`. `do…while` has testFirst=false. cond === null means loop forever.
   */
  | (Node & { k: 'loop'; cond: Expr | null; testFirst: boolean; body: Stmt[]; update: Stmt[] })
  | (Node & { k: 'block'; body: Stmt[] })
  | (Node & { k: 'break' })
  | (Node & { k: 'continue' })
  /** In a kernel: the thread exits. In a helper: returns `value`. */
  | (Node & { k: 'return'; value: Expr | null })
  /** syncthreads(). */
  | (Node & { k: 'barrier' })
  /** threadfence(): a device-scope memory fence (no barrier; any control flow). */
  | (Node & { k: 'fence' })
  /**
   * Debug builds only (targets/debug.ts): records an out-of-bounds access in the fault record, first
   * writer wins. `site` indexes the kernel's site table (KernelMeta.debug); `index` and `length` are u32.
   */
  | (Node & { k: 'fault'; site: number; index: Expr; length: Expr })
  /**
   * `console.log(...)`: one line of the log. `site` indexes KernelIR.prints (its format); `args`
   * are blockIdx.x/y/z and threadIdx.x/y/z (i32, the line's prefix; hidden parameters in helpers),
   * then the values its specs print, in order.
   */
  | (Node & { k: 'print'; site: number; args: Expr[] })
  /** A warp-level matrix operation (core/matrix.ts): collective, like the warp operations. */
  | (Node & { k: 'matrix' } & MatrixStmt);

/** A fragment's part in D = A×B + C: 'a' (M×K), 'b' (K×N), 'acc' (M×N, both C and D). */
export type FragRole = 'a' | 'b' | 'acc';
/** Row-major: element (i, j) at offset + i*stride + j; column-major: offset + j*stride + i. */
export type MatrixLayout = 'row' | 'col';
/**
 * A fragment's type. A and B fragments carry the layout they are loaded with (CUDA's fragment
 * registers depend on it, so a fragment is only ever loaded with one layout); accumulators have
 * none (each load and store names its own). Shape and element types: core/matrix.ts MATRIX_SHAPE.
 */
export interface FragType {
  role: FragRole;
  layout: MatrixLayout | null;
}

/**
 * The matrix statements. Fragments are named like locals (unique per kernel) but are not scalar
 * slots: only these statements read and write them. Every one but 'frag' is collective: all lanes
 * of the warp execute it together with the same operands (offset, stride, value warp-uniform).
 * `offset` and `stride` are i32 or u32 element counts into `array` (global or shared).
 */
export type MatrixStmt =
  /** Declares fragment `name`, zero-filled. */
  | { op: 'frag'; name: string; frag: FragType }
  /** Every element of accumulator `name` = `value` (f32). */
  | { op: 'fill'; name: string; value: Expr }
  /** Loads fragment `name` (its role decides A, B or accumulator) from `array`. */
  | { op: 'load'; name: string; array: string; offset: Expr; stride: Expr; layout: MatrixLayout }
  /** Accumulator `name` = a×b + c (`name` may be `c`). */
  | { op: 'mma'; name: string; a: string; b: string; c: string }
  /** Stores accumulator `src` to `array`. */
  | { op: 'store'; src: string; array: string; offset: Expr; stride: Expr; layout: MatrixLayout };

export type StmtKind = Stmt['k'];

export interface ScalarParam {
  kind: 'scalar';
  name: string;
  type: ScalarType;
  span: Span;
}

export interface ArrayParam {
  kind: 'array';
  name: string;
  elem: ElemType;
  access: Access;
  /** Used by an atomic anywhere in the kernel (targets then declare it atomic). */
  atomic: boolean;
  span: Span;
}

export type Param = ScalarParam | ArrayParam;

export interface SharedArray {
  name: string;
  elem: ElemType;
  /** The element count when it is a compile-time constant; 0 for a block-sized array (`size`). */
  length: number;
  /**
   * Block-sized arrays only: the i32 element count, over blockDim and integer constants (the
   * verifier holds it to core/shared-size.ts's rule), sized at launch.
   */
  size?: Expr;
  atomic: boolean;
  span: Span;
}

/** An array parameter of a helper: the caller passes an array of exactly `elem`, in any space. */
export interface HelperArray {
  name: string;
  elem: ElemType;
  span: Span;
}

/**
 * A helper function: scalar parameters, scalar (or no) result. One with `arrays` reads and writes
 * its caller's arrays; the first pass inlines it at every call and drops it, so targets never see one.
 */
export interface HelperIR {
  name: string;
  params: ScalarParam[];
  arrays?: HelperArray[];
  returnType: ScalarType | null;
  body: Stmt[];
  span: Span;
}

export interface KernelIR {
  name: string;
  params: Param[];
  shared: SharedArray[];
  /** Helpers in dependency order (callees before callers). */
  helpers: HelperIR[];
  body: Stmt[];
  /** True when the body (not helpers: they cannot) contains a barrier. */
  usesBarrier: boolean;
  /**
   * Set by the uniformity pass when it accepted a warp operation under a condition that is
   * warp-uniform only for warps of at most 32 lanes (`threadIdx.x < 64`); launches on wider warps are refused.
   */
  warpAtMost32?: boolean;
  /** A bounds-checked build (targets/debug.ts): the printers add the fault record and array lengths. */
  debug?: boolean;
  /** The formats of its `print` statements (helpers' included), indexed by their `site`; absent when it prints nothing. */
  prints?: PrintSite[];
  span: Span;
}
