// Facts about a kernel that the targets need before printing: which builtins, parameters and
// math functions it uses, so generated code declares only what the kernel needs; and its shared
// memory, which the targets' limits checks bound.
import { InternalCompilerError, makeDiagnostic, type Diagnostic } from '../core/diagnostics/diagnostic.js';
import { elementBytes } from '../core/elements.js';
import type { ElemType, Expr, KernelIR, MathFn, ScalarType, Span } from '../core/ir/types.js';
import type { Target } from '../core/output.js';
import { someStmt, visitAllExprs, visitStmts } from '../core/ir/walk.js';
import { mathArgType } from '../core/ir/ops.js';
import { sizeExprOf, sizeText, type DynamicShared } from '../core/shared-size.js';

export interface Usage {
  /** e.g. 'threadIdx.x' */
  builtins: Set<string>;
  /** Names read through `param` or indexed/atomically accessed arrays, in the kernel body. */
  names: Set<string>;
  /** Math functions used anywhere (kernel and helpers), keyed `fn:type` by their arguments' type. */
  math: Set<`${MathFn}:${ScalarType}`>;
  /** Arrays used by each atomic op: `op:array`. */
  atomics: Set<string>;
}

export function analyze(ir: KernelIR): Usage {
  const u: Usage = { builtins: new Set(), names: new Set(), math: new Set(), atomics: new Set() };
  const visit = (e: Expr): void => {
    switch (e.k) {
      case 'builtin':
        u.builtins.add(`${e.name}.${e.axis}`);
        break;
      case 'param':
      case 'load':
        u.names.add(e.name);
        break;
      case 'index':
        u.names.add(e.array);
        break;
      case 'math':
        u.math.add(`${e.fn}:${mathArgType(e)}`);
        break;
      case 'atomic':
        u.names.add(e.array);
        u.atomics.add(`${e.op}:${e.array}`);
        break;
      default:
        break;
    }
  };
  visitAllExprs(ir.body, visit);
  for (const h of ir.helpers) visitAllExprs(h.body, (e) => e.k === 'math' && u.math.add(`${e.fn}:${mathArgType(e)}`));
  // Stores (and matrix loads and stores) name their array on the statement, not in an expression.
  visitStmts(ir.body, (s) => {
    if (s.k === 'store' || s.k === 'vload' || s.k === 'vstore') u.names.add(s.array);
    if (s.k === 'matrix' && (s.op === 'load' || s.op === 'store')) u.names.add(s.array);
  });
  return u;
}

/**
 * The meta entries of a kernel using warp operations (KernelMeta.warp) and matrix operations
 * (KernelMeta.matrix, which are collective per warp, so they bring `warp` too); nothing for the others.
 */
export function warpMeta(ir: KernelIR): { warp?: { atMost32: boolean }; matrix?: true } {
  let used = false;
  let ballot = false;
  visitAllExprs(ir.body, (e) => {
    if (e.k !== 'warp') return;
    used = true;
    if (e.op === 'ballot') ballot = true;
  });
  const matrix = someStmt(ir.body, (s) => s.k === 'matrix');
  if (!used && !matrix) return {};
  return { warp: { atMost32: ballot || ir.warpAtMost32 === true }, ...(matrix ? { matrix: true as const } : {}) };
}

export function sharedBytes(ir: KernelIR): number {
  return ir.shared.reduce((n, s) => n + elementBytes(s.elem, s.length), 0);
}

/**
 * The meta entry for the kernel's block-sized shared arrays (KernelMeta.dynamicShared), spread into
 * each target's meta; nothing when it has none, so other kernels' meta is as before.
 */
export function dynamicSharedMeta(ir: KernelIR): { dynamicShared?: DynamicShared[] } {
  const out: DynamicShared[] = [];
  for (const s of ir.shared) {
    if (!s.size) continue;
    const r = sizeExprOf(s.size);
    if (!r.ok) throw new InternalCompilerError(`shared array '${s.name}' has a size that is not a size expression`);
    out.push({ name: s.name, elem: s.elem, count: r.size, text: sizeText(r.size) });
  }
  return out.length > 0 ? { dynamicShared: out } : {};
}

/** KS8003 when the shared arrays exceed `max` bytes in all, at the first one that crosses it. */
export function sharedLimit(ir: KernelIR, target: Target, max: number): Diagnostic | null {
  let bytes = 0;
  for (const s of ir.shared) {
    bytes += elementBytes(s.elem, s.length);
    if (bytes > max) return makeDiagnostic(s.span, 'KS8003', target, bytes, max);
  }
  return null;
}

/**
 * The element type of every array the kernel body names: parameters, shared and local arrays (names
 * are unique per kernel, and helpers that take arrays are inlined before any target sees them).
 */
export function arrayElems(ir: KernelIR): Map<string, ElemType> {
  const out = new Map<string, ElemType>();
  for (const p of ir.params) if (p.kind === 'array') out.set(p.name, p.elem);
  for (const s of ir.shared) out.set(s.name, s.elem);
  visitStmts(ir.body, (s) => s.k === 'localArray' && out.set(s.name, s.elem));
  return out;
}

/** Every local (per-thread) array the kernel declares, in source order; each has its own storage. */
export function localArrays(ir: KernelIR): { name: string; elem: ElemType; length: number; span: Span }[] {
  const out: { name: string; elem: ElemType; length: number; span: Span }[] = [];
  visitStmts(ir.body, (s) => s.k === 'localArray' && out.push({ name: s.name, elem: s.elem, length: s.length, span: s.span }));
  return out;
}

export function localBytes(ir: KernelIR): number {
  return localArrays(ir).reduce((n, a) => n + elementBytes(a.elem, a.length), 0);
}

export function atomicParams(ir: KernelIR): string[] {
  return ir.params.flatMap((p) => (p.kind === 'array' && p.atomic ? [p.name] : []));
}
