// Block-sized shared arrays (`sharedArray(Float32Array, blockDim.x * 2)`): the element count as an
// expression over blockDim and integer constants. The IR holds it as an i32 Expr (SharedArray.size);
// a compiled kernel's meta carries it as a SizeExpr, plain JSON, so that a manifest or a bundle
// keeps it; and every backend sizes and checks a launch with the one evaluator here, which computes
// with the registry's i32 operators (what the generated code computes).
import { ELEMENTS } from './elements.js';
import { evaluateBinary, evaluateMath, type Axis } from './ir/ops.js';
import type { ElemType, Expr } from './ir/types.js';

export type SizeOp = '+' | '-' | '*' | '/' | '%' | '<<' | '>>';
const SIZE_OPS: ReadonlySet<string> = new Set<SizeOp>(['+', '-', '*', '/', '%', '<<', '>>']);

/** An element count: an i32 constant, a blockDim axis, an operator, or Math.min/Math.max. */
export type SizeExpr =
  | number
  | { dim: Axis }
  | { op: SizeOp; a: SizeExpr; b: SizeExpr }
  | { fn: 'min' | 'max'; args: SizeExpr[] };

/** One block-sized shared array as a compiled kernel's meta lists it (KernelMeta.dynamicShared). */
export interface DynamicShared {
  /** The array's name in the kernel. */
  name: string;
  elem: ElemType;
  /** Its element count. */
  count: SizeExpr;
  /** The count as the source would write it, for messages: `blockDim.x * 2`. */
  text: string;
}

/** Where each block-sized array starts in the block's dynamic shared memory, in bytes. */
export const DYNAMIC_SHARED_ALIGN = 16;

/**
 * The SizeExpr an IR size expression stands for, or the first node a size may not contain: only
 * i32 constants, blockDim.x/.y/.z, `+ - * / % << >>` and Math.min/Math.max (the verifier's rule too).
 */
export function sizeExprOf(e: Expr): { ok: true; size: SizeExpr } | { ok: false; at: Expr } {
  let bad: Expr | null = null;
  const walk = (x: Expr): SizeExpr => {
    if (bad) return 0;
    if (x.type !== 'i32') bad = x;
    else if (x.k === 'const' && typeof x.value === 'number' && Number.isInteger(x.value)) return x.value;
    else if (x.k === 'builtin' && x.name === 'blockDim') return { dim: x.axis };
    else if (x.k === 'binary' && SIZE_OPS.has(x.op)) return { op: x.op as SizeOp, a: walk(x.lhs), b: walk(x.rhs) };
    else if (x.k === 'math' && (x.fn === 'min' || x.fn === 'max')) return { fn: x.fn, args: x.args.map(walk) };
    else if (x.k === 'cast' && x.arg.type === 'i32') return walk(x.arg);
    else bad = x;
    return 0;
  };
  const size = walk(e);
  return bad ? { ok: false, at: bad } : { ok: true, size };
}

/** Whether a SizeExpr reads blockDim at all (one that does not is a constant). */
export function readsBlockDim(s: SizeExpr): boolean {
  if (typeof s === 'number') return false;
  if ('dim' in s) return true;
  if ('op' in s) return readsBlockDim(s.a) || readsBlockDim(s.b);
  return s.args.some(readsBlockDim);
}

const PREC: Record<SizeOp, number> = { '+': 2, '-': 2, '*': 3, '/': 3, '%': 3, '<<': 1, '>>': 1 };

/** The count as TypeScript: `blockDim.x * 2`, `Math.min(blockDim.x, 128) + 1`. */
export function sizeText(s: SizeExpr, outer = 0, right = false): string {
  if (typeof s === 'number') return s < 0 && outer > 0 ? `(${s})` : String(s);
  if ('dim' in s) return `blockDim.${s.dim}`;
  if ('fn' in s) return `Math.${s.fn}(${s.args.map((a) => sizeText(a)).join(', ')})`;
  const p = PREC[s.op];
  const text = `${sizeText(s.a, p)} ${s.op} ${sizeText(s.b, p, true)}`;
  return p < outer || (p === outer && right) ? `(${text})` : text;
}

/**
 * The count for a block shape, computed as the kernel computes it (i32); null when that is not a
 * number every target agrees on: an intermediate value beyond i32 (WGSL refuses such an override
 * expression) or a division or remainder by zero.
 */
export function evaluateSize(s: SizeExpr, block: readonly [number, number, number]): number | null {
  if (typeof s === 'number') return s;
  if ('dim' in s) return block[s.dim === 'x' ? 0 : s.dim === 'y' ? 1 : 2];
  if ('fn' in s) {
    const args: number[] = [];
    for (const a of s.args) {
      const v = evaluateSize(a, block);
      if (v === null) return null;
      args.push(v);
    }
    // Math.min/max of more than two lower as a chain of two-argument calls (ops.ts 'fold').
    const fn = s.fn;
    return args.reduce((x, y) => evaluateMath(fn, [x, y], 'i32'));
  }
  const a = evaluateSize(s.a, block);
  const b = evaluateSize(s.b, block);
  if (a === null || b === null) return null;
  if ((s.op === '/' || s.op === '%') && b === 0) return null;
  const v = evaluateBinary(s.op, a, b, 'i32', 'i32');
  if (typeof v !== 'number') return null;
  const exact = s.op === '+' ? a + b : s.op === '-' ? a - b : s.op === '*' ? a * b : s.op === '<<' ? a * 2 ** (b & 31) : s.op === '/' ? Math.trunc(a / b) : v;
  return exact === v ? v : null;
}

/** The block's dynamic shared memory for one launch, or the array whose count is not usable. */
export type DynamicSharedLayout =
  | { ok: true; counts: number[]; offsets: number[]; bytes: number }
  | { ok: false; array: DynamicShared; count: number | null };

/**
 * Element counts, byte offsets (each a multiple of DYNAMIC_SHARED_ALIGN, in list order) and the
 * total bytes of a kernel's block-sized arrays for `block`; fails at the first count that is not a
 * positive i32.
 */
export function dynamicSharedLayout(arrays: readonly DynamicShared[], block: readonly [number, number, number]): DynamicSharedLayout {
  const counts: number[] = [];
  const offsets: number[] = [];
  let bytes = 0;
  for (const a of arrays) {
    const n = evaluateSize(a.count, block);
    if (n === null || n <= 0) return { ok: false, array: a, count: n };
    const start = Math.ceil(bytes / DYNAMIC_SHARED_ALIGN) * DYNAMIC_SHARED_ALIGN;
    counts.push(n);
    offsets.push(start);
    bytes = start + n * ELEMENTS[a.elem].bytes;
  }
  return { ok: true, counts, offsets, bytes };
}
