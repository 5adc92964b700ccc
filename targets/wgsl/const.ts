// Tint evaluates constant subexpressions at shader creation and rejects the module when an integer
// `/` or `%` has a constant zero divisor ("integer division by zero is invalid", even when the
// dividend is not constant) or when a constant index is out of bounds of a fixed-size array or
// negative ("index 4 out of bounds [0..3]"). Both mean unspecified behaviour in KernelScript, not an
// invalid program (docs/language.md), and both can appear only after folding or unrolling, in code
// that never runs: `for (k = 0; k < 4; k++) if (k > 0) t[k - 1] = …`. The frontend rejects constant
// indices that are out of bounds in the source (KS4010); here, after unroll and fold, such divisors
// and indices pass through ks_keep_i32/ks_keep_u32 (keep.ts), which return them unchanged but
// are not constant to Tint, so the runtime rules apply: WGSL's `/` by zero gives the dividend, `%` by
// zero gives 0, and an out-of-bounds access is clamped or discarded (robust buffer access).
import type { Expr, KernelIR, Stmt } from '../../core/ir/types.js';
import { fixedArrays, mapBodies, mapExpr, mapStmt, mapStmts } from '../../core/ir/walk.js';
import { dividesByConstZero } from '../fold.js';
import { keepCall } from './keep.js';

export function hideConstTraps(ir: KernelIR): KernelIR {
  // Arrays not here (parameters) have no length Tint knows.
  const lengths = fixedArrays(ir);
  // Block-sized shared arrays have theirs at pipeline creation, where Tint checks constant indices
  // too: any one may be out of bounds for some block shape.
  const sized = new Set(ir.shared.flatMap((s) => (s.size ? [s.name] : [])));
  const index = (array: string, i: Expr): Expr => {
    if (i.k !== 'const' || typeof i.value !== 'number') return i;
    const n = lengths.get(array)?.length;
    return i.value < 0 || sized.has(array) || (n !== undefined && i.value >= n) ? keepCall(i) : i;
  };
  /** A vector access covers elements [w*i, w*i + w) (targets/wgsl/emit.ts prints it through a vector view). */
  const vectorIndex = (array: string, i: Expr, w: number): Expr => {
    if (i.k !== 'const' || typeof i.value !== 'number') return i;
    const n = lengths.get(array)?.length;
    return i.value < 0 || (n !== undefined && w * i.value + w > n) ? keepCall(i) : i;
  };
  /** One node, its children already rewritten. */
  const rule = (e: Expr): Expr => {
    switch (e.k) {
      case 'binary':
        if (e.rhs.k === 'const' && dividesByConstZero(e)) return { ...e, rhs: keepCall(e.rhs) };
        return e;
      case 'index':
      case 'atomic':
        return { ...e, index: index(e.array, e.index) };
      default:
        return e;
    }
  };
  const stmts = (body: readonly Stmt[]): Stmt[] =>
    mapStmts(body, (s) => {
      const m = mapStmt(s, (e) => mapExpr(e, rule), (c) => c);
      if (m.k === 'vload' || m.k === 'vstore') return { ...m, index: vectorIndex(m.array, m.index, m.k === 'vload' ? m.names.length : m.values.length) };
      return m.k === 'store' ? { ...m, index: index(m.array, m.index) } : m;
    });
  return mapBodies(ir, stmts);
}
