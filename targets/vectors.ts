// What the targets need to know about a kernel's vector accesses (vload/vstore): which global and
// shared arrays they touch, at which widths. CUDA aligns shared arrays so accessed to 16 bytes;
// WGSL declares such an array as an array of vectors and spells its scalar accesses through that
// view. (A local array reaches a vector access only through an inlined helper's array parameter;
// the targets access it element by element.)
import type { Expr, KernelIR } from '../core/ir/types.js';
import { visitStmts } from '../core/ir/walk.js';

/** The widths (2, 4) of the vector accesses to each global or shared array that has any. */
export function vectorWidths(ir: KernelIR): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  const wide = new Set([...ir.params.map((p) => p.name), ...ir.shared.map((s) => s.name)]);
  visitStmts(ir.body, (s) => {
    if ((s.k !== 'vload' && s.k !== 'vstore') || !wide.has(s.array)) return;
    const w = s.k === 'vload' ? s.names.length : s.values.length;
    let set = out.get(s.array);
    if (!set) out.set(s.array, (set = new Set()));
    set.add(w);
  });
  return out;
}

/**
 * The vector width an array is viewed as in WGSL: 4 when every vector access to it is 4 wide, 2
 * when any is 2 wide (a 4-wide access is then two vec2 accesses); absent for other arrays.
 */
export function viewWidths(ir: KernelIR): Map<string, 2 | 4> {
  const out = new Map<string, 2 | 4>();
  for (const [a, ws] of vectorWidths(ir)) out.set(a, ws.has(2) ? 2 : 4);
  return out;
}

/** The index of element j of the w-wide vector at `index`: w * index + j, in the index's type. */
export function vectorElement(index: Expr, w: number, j: number): Expr {
  const sp = index.span;
  const t = index.type === 'u32' ? 'u32' : 'i32';
  const scaled: Expr = { k: 'binary', op: '*', lhs: index, rhs: { k: 'const', type: t, value: w, span: sp }, type: t, span: sp };
  return j === 0 ? scaled : { k: 'binary', op: '+', lhs: scaled, rhs: { k: 'const', type: t, value: j, span: sp }, type: t, span: sp };
}
