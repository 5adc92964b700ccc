// The generated kernels of the differential fuzzer, as a small typed AST: the generator builds it,
// print-program.ts writes it as KernelScript, reference.ts evaluates it independently of the compiler.
export type Scalar = 'i32' | 'u32' | 'f32' | 'bool';
export type Num = 'i32' | 'u32' | 'f32';
export type Int = 'i32' | 'u32';

export const ARITH = ['+', '-', '*', '/', '%'] as const;
export const BITWISE = ['&', '|', '^'] as const;
export const SHIFT = ['<<', '>>', '>>>'] as const;
export const COMPARE = ['<', '<=', '>', '>=', '==', '!=', '===', '!=='] as const;
export const LOGIC = ['&&', '||'] as const;
export type BinOp = (typeof ARITH)[number] | (typeof BITWISE)[number] | (typeof SHIFT)[number] | (typeof COMPARE)[number] | (typeof LOGIC)[number] | '**';

export const F32_FNS = ['exp', 'log', 'sqrt', 'sin', 'cos', 'tan', 'tanh', 'floor', 'ceil', 'round', 'sign'] as const;
export type MathFn = (typeof F32_FNS)[number] | 'pow' | 'atan2' | 'abs' | 'min' | 'max';

export type Expr =
  /** A literal; `typed` prints it as a conversion (`u32(7)`), so that it does not adapt to context. */
  | { k: 'lit'; t: Scalar; v: number | boolean; typed: boolean }
  | { k: 'name'; t: Scalar; name: string }
  | { k: 'builtin'; t: 'i32'; name: 'threadIdx' | 'blockIdx' | 'blockDim' }
  | { k: 'mathConst'; t: 'f32'; name: 'PI' | 'E' }
  /** A read of an input array at this thread's base: A[base + slot]. */
  | { k: 'input'; t: Num; arr: 'A' | 'U' | 'F'; slot: number }
  | { k: 'bin'; t: Scalar; op: BinOp; a: Expr; b: Expr }
  | { k: 'un'; t: Scalar; op: '-' | '+' | '~' | '!'; a: Expr }
  /** An explicit conversion T(a). */
  | { k: 'conv'; t: Scalar; a: Expr }
  /** An integer used where an f32 is needed: printed as is, the compiler converts it. */
  | { k: 'promote'; t: 'f32'; a: Expr }
  | { k: 'math'; t: Scalar; fn: MathFn; args: Expr[] }
  | { k: 'cond'; t: Scalar; c: Expr; a: Expr; b: Expr }
  | { k: 'call'; t: Scalar; fn: string; args: Expr[] }
  /** A local array element: L[idx & (len - 1)] (len is a power of two, so always in bounds). */
  | { k: 'load'; t: Num; arr: string; len: number; idx: Expr }
  /** A shared array element: S[threadIdx.x] (own) or S[idx & mask] (mask 63 or blockDim.x - 1). */
  | { k: 'sload'; t: Num; arr: string; idx: Expr | null; mask: 'len' | 'block' };

/** Atomic arrays: the two global parameters and the integer shared arrays. */
export const ATOMIC_OPS = ['atomicAdd', 'atomicSub', 'atomicMin', 'atomicMax', 'atomicExch', 'atomicCAS'] as const;
export type AtomicOp = (typeof ATOMIC_OPS)[number];
/**
 * Cells of an atomic array are grouped by `index & 3` (add/sub, min, max, exchange), so that the
 * operations on one cell commute and its final value does not depend on the threads' order; an
 * index is `((e) & 3) * 4 + group`. The exchange group gets either atomicExch of one constant or
 * atomicCAS of one (expected, value) pair per array (Program.xchg).
 */
export const ATOMIC_CELLS = 16;
/** Shared arrays hold one element per thread (blocks are 32 or 64 threads). */
export const SHARED_LEN = 64;

export type AssignOp = '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=' | '>>>=';

export type Stmt =
  | { k: 'let'; name: string; t: Scalar; init: Expr | null; mutable: boolean; annotate: boolean }
  | { k: 'assign'; name: string; t: Scalar; op: AssignOp; value: Expr }
  | { k: 'incr'; name: string; op: '++' | '--'; prefix: boolean }
  | { k: 'larr'; name: string; elem: Num; len: number }
  | { k: 'store'; arr: string; elem: Num; len: number; idx: Expr; op: '=' | '+='; value: Expr }
  /** A write to this thread's output slot: OI/OU/OF[o + slot]. */
  | { k: 'out'; arr: 'OI' | 'OU' | 'OF'; slot: number; value: Expr }
  | { k: 'if'; c: Expr; then: Stmt[]; else: Stmt[] | null }
  /** for (let v = from; v < to; v += step) — `to` an expression of v's type. */
  | { k: 'for'; v: string; t: Int; annotate: boolean; from: number; to: Expr; step: number; body: Stmt[] }
  /** let v = 0; while (v < trips) { v++; body } — or do { v++; body } while (v < trips && c). */
  | { k: 'while'; v: string; trips: number; doWhile: boolean; c: Expr | null; body: Stmt[] }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'return'; value: Expr | null }
  | { k: 'block'; body: Stmt[] }
  | { k: 'sarr'; name: string; elem: Num }
  /** S[threadIdx.x] op= value: a thread writes only its own slot between barriers. */
  | { k: 'sstore'; arr: string; elem: Num; op: '=' | '+='; value: Expr }
  | { k: 'sync' }
  /** for (let v = 0; v < trips; v++) { body } with barriers in body: a uniform, fixed trip count. */
  | { k: 'syncfor'; v: string; trips: number; body: Stmt[] }
  /**
   * An atomic on arr[((idx) & 3) * 4 + group] (idx null: cell `group`); `bind` declares a const
   * holding the old value. CAS loop: `op` is atomicCAS retried until it takes, adding or maxing `value`.
   */
  | { k: 'atomic'; arr: string; elem: Int; op: AtomicOp; group: number; idx: Expr | null; value: Expr | null; bind: string | null; loop: 'add' | 'max' | null };

export interface Helper {
  name: string;
  params: { name: string; t: Scalar }[];
  ret: Scalar;
  body: Stmt[];
}

export const OUT_ELEM = { OI: 'i32', OU: 'u32', OF: 'f32' } as const satisfies Record<string, Num>;
export const IN_ELEM = { A: 'i32', U: 'u32', F: 'f32' } as const satisfies Record<string, Num>;
/** Elements of each input array per thread, and the locals the prelude loads them into. */
export const IN_SLOTS = 4;

export interface Program {
  helpers: Helper[];
  body: Stmt[];
  /** Output slots per thread. */
  slots: { OI: number; OU: number; OF: number };
  /** Barriers: every thread runs the whole body (no early return; `n` is a multiple of the block). */
  sync: boolean;
  /** Per atomic array: atomicExch's constant, or atomicCAS's (expected, value). */
  xchg: Record<string, { exch: number } | { expected: number; value: number }>;
}

/** The global atomic arrays (kernel parameters) and their element types. */
export const GLOBAL_ATOMIC = { GI: 'i32', GU: 'u32' } as const satisfies Record<string, Int>;

/** Whether an expression has a type of its own (else it takes its context's, as literals do). */
export function fixed(e: Expr): boolean {
  switch (e.k) {
    case 'lit':
      return e.typed || e.t === 'bool';
    case 'bin':
      if ((SHIFT as readonly string[]).includes(e.op)) return fixed(e.a);
      if ((ARITH as readonly string[]).includes(e.op) || (BITWISE as readonly string[]).includes(e.op)) return fixed(e.a) || fixed(e.b);
      return true;
    case 'un':
      return e.op === '!' || fixed(e.a);
    case 'cond':
      return fixed(e.a) || fixed(e.b);
    case 'math':
      return e.fn === 'abs' || e.fn === 'min' || e.fn === 'max' ? e.args.some(fixed) : true;
    default:
      return true;
  }
}

/** Makes `e` typed by marking the literal that would otherwise take the context's type. */
export function fix(e: Expr): Expr {
  if (fixed(e)) return e;
  switch (e.k) {
    case 'lit':
      return { ...e, typed: true };
    case 'bin':
      return { ...e, a: fix(e.a) };
    case 'un':
      return { ...e, a: fix(e.a) };
    case 'cond':
      return { ...e, a: fix(e.a) };
    case 'math':
      return { ...e, args: [fix(e.args[0] as Expr), ...e.args.slice(1)] };
    default:
      return e;
  }
}

/** A constant expression of literals: the compiler folds it with JavaScript semantics, so the generator avoids them. */
export function pureConst(e: Expr): boolean {
  if (e.k === 'lit') return !e.typed;
  if (e.k === 'un') return e.op !== '!' && pureConst(e.a);
  if (e.k === 'bin') return pureConst(e.a) && pureConst(e.b);
  return false;
}
