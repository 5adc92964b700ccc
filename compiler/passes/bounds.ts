// Constant indices out of bounds (KS4010). An index that is a constant in the source (literals,
// module constants and operations on them, folded as the targets fold them) and lies outside a
// local or shared array, whose length is known, or below 0 for any array, can never be valid: out
// of bounds is unspecified behaviour (docs/language.md), and WebGPU rejects such a shader outright.
// Indices that become constant only in a target's own unrolling are that target's concern (the
// WGSL target hides them from Tint: targets/wgsl/keep.ts). Matrix loads and stores with a constant
// offset or stride are held to core/matrix.ts's alignment rule (KS4060) and, in shared arrays, to
// their length (KS4061).
import type { DiagnosticBag } from '../../core/diagnostics/diagnostic.js';
import type { Expr, FragRole, KernelIR, Stmt } from '../../core/ir/types.js';
import { fixedArrays, stmtChildren, stmtExprs, visitExpr } from '../../core/ir/walk.js';
import { foldExpr } from '../../targets/fold.js';
import { arrayElems } from '../../targets/analysis.js';
import { MATRIX, MEMORY_FN, matrixLastElement, matrixRule, matrixRuleHolds } from '../../core/matrix.js';

export function checkConstantIndices(k: KernelIR, diags: DiagnosticBag): void {
  const lengths = fixedArrays(k);
  const check = (array: string, index: Expr): void => {
    const f = foldExpr(index);
    if (f.k !== 'const' || typeof f.value !== 'number') return;
    const v = f.value;
    const known = lengths.get(array);
    if (v < 0) diags.report(index.span, 'KS4010', v, array, 'indices start at 0');
    else if (known && v >= known.length) {
      diags.report(index.span, 'KS4010', v, array, `the ${known.space} array has ${known.length} element${known.length === 1 ? '' : 's'}`);
    }
  };
  /** A vector access covers elements [w*i, w*i + w). */
  const checkVector = (array: string, index: Expr, w: number): void => {
    const f = foldExpr(index);
    if (f.k !== 'const' || typeof f.value !== 'number') return;
    const v = f.value;
    const known = lengths.get(array);
    if (v < 0) diags.report(index.span, 'KS4010', v, array, 'indices start at 0');
    else if (known && w * v + w > known.length) diags.report(index.span, 'KS4033', v, array, w * v, w * v + w, known.length);
  };
  /** A matrix load or store with a constant offset or stride breaking core/matrix.ts's rule (KS4060), or reaching past a known length (KS4061). */
  const elems = arrayElems(k);
  const roles = new Map<string, FragRole>();
  const checkMatrix = (s: Extract<Stmt, { k: 'matrix' }>): void => {
    if (s.op === 'frag') roles.set(s.name, s.frag.role);
    if (s.op !== 'load' && s.op !== 'store') return;
    const fn = s.op === 'store' ? MATRIX.store.surface : MEMORY_FN[roles.get(s.name) ?? 'acc'];
    const elem = elems.get(s.array) === 'f16' ? 'f16' : 'f32';
    const value = (e: Expr): number | null => {
      const f = foldExpr(e);
      return f.k === 'const' && typeof f.value === 'number' ? f.value : null;
    };
    const offset = value(s.offset);
    const stride = value(s.stride);
    let ok = true;
    for (const [which, v, e] of [['offset', offset, s.offset], ['stride', stride, s.stride]] as const) {
      if (v !== null && !matrixRuleHolds(which, elem, v)) {
        diags.report(e.span, 'KS4060', which, fn, matrixRule(which, elem), v);
        ok = false;
      }
    }
    const known = lengths.get(s.array);
    if (!ok || offset === null || stride === null || !known) return;
    const last = matrixLastElement(offset, stride);
    if (last >= known.length) diags.report(s.span, 'KS4061', fn, offset, stride, last, s.array, known.length);
  };
  // Branches a constant condition rules out are skipped: `if (K < 4) t[K] = 1` with K = 4 never runs,
  // and specialized module constants make such guards common.
  const walk = (body: readonly Stmt[]): void => {
    for (const s of body) {
      if (s.k === 'store') check(s.array, s.index);
      if (s.k === 'vload' || s.k === 'vstore') checkVector(s.array, s.index, s.k === 'vload' ? s.names.length : s.values.length);
      if (s.k === 'matrix') checkMatrix(s);
      for (const e of stmtExprs(s)) {
        visitExpr(e, (x) => {
          if (x.k === 'index' || x.k === 'atomic') check(x.array, x.index);
        });
      }
      const cond = s.k === 'if' || (s.k === 'loop' && s.testFirst) ? (s.cond && foldExpr(s.cond)) : null;
      if (s.k === 'if' && cond?.k === 'const') walk(cond.value ? s.then : s.else);
      else if (s.k === 'loop' && cond?.k === 'const' && !cond.value) continue;
      else for (const c of stmtChildren(s)) walk(c);
    }
  };
  walk(k.body);
}
