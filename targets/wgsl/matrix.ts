// Warp-level matrix operations (core/matrix.ts) in WGSL: Dawn's subgroup matrices (the
// chromium_experimental_subgroup_matrix extension, docs/dawn/features/subgroup_matrix.md in Dawn).
// A fragment is a function variable of a subgroup matrix type, whose template parameters are the
// component type, then columns, then rows: left<f16, K, M> is M×K, right<f16, N, K> is K×N,
// result<f32, N, M> is M×N. Loads and stores take the majorness as a template argument
// (`subgroupMatrixLoad<T, row_major>(&a, offset, stride)`, `subgroupMatrixStore<col_major>(&a,
// offset, value, stride)`); the older form with a `col_major` bool argument is deprecated in Dawn. The pointer is to the array itself: a storage buffer (read for loads,
// read_write for stores) or a workgroup array of f16 or f32, declared plainly (emit.ts views no such
// array as vectors; an atomic one is refused, KS8040). Offset and stride count elements, as u32.
// Tint checks that these calls are in workgroup-uniform control flow unless the module turns the
// rule chromium.subgroup_matrix_uniformity off, which ours does: the compiler's own check is per warp
// (compiler/passes), as for warp operations, and the runtime launches such kernels only with whole
// warps along the linear thread index (runtime/warp.ts), so a warp is a subgroup.
import { makeDiagnostic, type Diagnostic } from '../../core/diagnostics/diagnostic.js';
import type { Expr, FragRole, KernelIR } from '../../core/ir/types.js';
import { visitStmts } from '../../core/ir/walk.js';
import { FRAG_ELEM, MATRIX_SHAPE } from '../../core/matrix.js';
import { fragOf, matrixArrays, type MatrixNode } from '../matrix.js';
import type { fragTypes } from '../matrix.js';

const { m: M, n: N, k: K } = MATRIX_SHAPE;

/** The WGSL type of a fragment of each role. */
export const FRAG_TYPE: Record<FragRole, string> = {
  a: `subgroup_matrix_left<${FRAG_ELEM.a}, ${K}, ${M}>`,
  b: `subgroup_matrix_right<${FRAG_ELEM.b}, ${N}, ${K}>`,
  acc: `subgroup_matrix_result<${FRAG_ELEM.acc}, ${N}, ${M}>`,
};

/** The directives of a module with matrix operations (after `enable f16;`, which it also needs). */
export const MATRIX_DIRECTIVES = [
  'enable chromium_experimental_subgroup_matrix;',
  '// Matrix operations are collective per warp (a subgroup): the compiler checks that, not Tint.',
  'diagnostic(off, chromium.subgroup_matrix_uniformity);',
];

/** How the printer spells a matrix statement's parts. */
export interface MatrixSpelling {
  /** A user name (fragment or array) as printed. */
  name: (n: string) => string;
  /** An expression as printed. */
  expr: (e: Expr) => string;
}

const MAJOR = { row: 'row_major', col: 'col_major' } as const;

/** One matrix statement as a line of WGSL. */
export function matrixStatement(s: MatrixNode, frags: ReturnType<typeof fragTypes>, p: MatrixSpelling): string {
  // Offsets and strides are the same in every lane of the warp (the language requires it), but a
  // driver that cannot prove that takes a slower path per lane, and NVIDIA's Vulkan driver computed
  // wrong row-major B loads from workgroup memory on it (warps found as threadIdx.x / warpSize on
  // H200; bench/RESULTS.md). subgroupBroadcastFirst makes the uniformity explicit, for one shuffle.
  const u32 = (e: Expr): string => {
    if (e.k === 'const' && typeof e.value === 'number' && e.value >= 0) return `${e.value}u`;
    return `subgroupBroadcastFirst(${e.type === 'u32' ? p.expr(e) : `u32(${p.expr(e)})`})`;
  };
  switch (s.op) {
    case 'frag': {
      // An explicit zero, so the fragment is zeroed every time the declaration runs (in loops too).
      const t = FRAG_TYPE[s.frag.role];
      return `var ${p.name(s.name)}: ${t} = ${t}();`;
    }
    case 'fill':
      return `${p.name(s.name)} = ${FRAG_TYPE.acc}(${p.expr(s.value)});`;
    case 'load': {
      const t = FRAG_TYPE[fragOf(frags, s.name).role];
      return `${p.name(s.name)} = subgroupMatrixLoad<${t}, ${MAJOR[s.layout]}>(&${p.name(s.array)}, ${u32(s.offset)}, ${u32(s.stride)});`;
    }
    case 'mma':
      return `${p.name(s.name)} = subgroupMatrixMultiplyAccumulate(${p.name(s.a)}, ${p.name(s.b)}, ${p.name(s.c)});`;
    case 'store':
      return `subgroupMatrixStore<${MAJOR[s.layout]}>(&${p.name(s.array)}, ${u32(s.offset)}, ${p.name(s.src)}, ${u32(s.stride)});`;
  }
}

/** KS8040: an array both atomic (atomic<u32> words in WGSL) and addressed by matrix loads or stores. */
export function matrixLimits(ir: KernelIR): Diagnostic[] {
  const used = matrixArrays(ir);
  if (used.size === 0) return [];
  const atomic = new Set([...ir.params.flatMap((p) => (p.kind === 'array' && p.atomic ? [p.name] : [])), ...ir.shared.filter((s) => s.atomic).map((s) => s.name)]);
  const out: Diagnostic[] = [];
  const reported = new Set<string>();
  visitStmts(ir.body, (s) => {
    if (s.k !== 'matrix' || (s.op !== 'load' && s.op !== 'store') || !atomic.has(s.array) || reported.has(s.array)) return;
    reported.add(s.array);
    out.push(makeDiagnostic(s.span, 'KS8040', 'wgsl', s.array));
  });
  return out;
}
