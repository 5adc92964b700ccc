// Warp-level matrix operations (core/matrix.ts) in CUDA C, as inline PTX `wmma` at m16n16k16 with
// f16 A and B and an f32 accumulator (sm_70 and later). No headers: NVRTC has no include path here,
// so mma.h's fragment types are spelled as what they hold per lane: an A or B fragment is 8 registers
// of two f16 each (`unsigned int x[8]`), an accumulator 8 floats (`float c[8]`). Each operation is a
// small `ks_wmma_*` function, emitted once when used; once inlined, the fragments stay in registers.
// Global arrays are addressed generically; shared arrays through the `.shared` state space with a
// 32-bit shared address, which lets ptxas use ldmatrix/LDS instead of generic loads. The stride
// counts elements. PTX wants the address 32-byte aligned and the stride a
// multiple of 16 bytes (core/matrix.ts matrixAlignment); shared arrays so used are `__align__(32)`.
import type { FragRole, KernelIR, MatrixLayout } from '../../core/ir/types.js';
import { visitStmts } from '../../core/ir/walk.js';
import { MATRIX_SHAPE } from '../../core/matrix.js';
import { makeDiagnostic, type Diagnostic } from '../../core/diagnostics/diagnostic.js';
import { fragLayout, fragOf, fragTypes, matrixArrays, type MatrixNode } from '../matrix.js';

/** Registers per lane of every fragment at m16n16k16 (A and B: f16 pairs; accumulator: f32). */
const REGS = 8;
const SHAPE = `m${MATRIX_SHAPE.m}n${MATRIX_SHAPE.n}k${MATRIX_SHAPE.k}`;
/** Alignment, in bytes, of a shared array that matrix loads and stores address. */
export const MATRIX_SHARED_ALIGN = 32;

/** `{%from, …, %(from + n - 1)}`: one fragment's operands in an asm template. */
const regs = (from: number): string => `{${Array.from({ length: REGS }, (_, i) => `%${from + i}`).join(', ')}}`;
/** `"c"(name[0]), …`: one fragment's asm operands with constraint `c`. */
const operands = (c: string, name: string): string => Array.from({ length: REGS }, (_, i) => `"${c}"(${name}[${i}])`).join(', ');

/** Where a load or store points: a global array (generic address) or a shared one (`.shared`). */
type Space = 'global' | 'shared';
const suffix = (space: Space): string => (space === 'shared' ? '_shared' : '');
const loadName = (role: FragRole, layout: MatrixLayout, space: Space): string => `ks_wmma_load_${role === 'acc' ? 'c' : role}_${layout}${suffix(space)}`;
const mmaName = (a: MatrixLayout, b: MatrixLayout): string => `ks_wmma_mma_${a}_${b}`;
const storeName = (layout: MatrixLayout, space: Space): string => `ks_wmma_store_${layout}${suffix(space)}`;
/** The instruction's state space and the address operand: 32-bit shared addresses, 64-bit generic ones. */
const address = (space: Space): { ss: string; operand: string } =>
  space === 'shared' ? { ss: '.shared', operand: '"r"((unsigned int)__cvta_generic_to_shared(p))' } : { ss: '', operand: '"l"(p)' };
const FILL = 'ks_wmma_fill';

function loadHelper(role: FragRole, layout: MatrixLayout, space: Space): string[] {
  const acc = role === 'acc';
  const [reg, ptr, ty] = acc ? ['float', 'const float', 'f32'] : ['unsigned int', 'const unsigned short', 'f16'];
  const c = acc ? '=f' : '=r';
  const { ss, operand } = address(space);
  return [
    `// Loads ${acc ? 'an accumulator' : role === 'a' ? 'an A' : 'a B'} fragment (${layout}-major, stride in elements) from ${space} memory.`,
    `static __device__ __forceinline__ void ${loadName(role, layout, space)}(${reg}* r, ${ptr}* p, unsigned int stride) {`,
    `  asm volatile("wmma.load.${acc ? 'c' : role}.sync.aligned.${layout}.${SHAPE}${ss}.${ty} ${regs(0)}, [%${REGS}], %${REGS + 1};"`,
    `               : ${operands(c, 'r')}`,
    `               : ${operand}, "r"(stride) : "memory");`,
    '}',
  ];
}

function mmaHelper(a: MatrixLayout, b: MatrixLayout): string[] {
  return [
    `// d = a×b + c on the tensor cores (A ${a}-major, B ${b}-major, f32 accumulation); d may be c.`,
    `static __device__ __forceinline__ void ${mmaName(a, b)}(float* d, const unsigned int* a, const unsigned int* b, const float* c) {`,
    // Registers only: not volatile, so the compiler may schedule it among the loads.
    `  asm("wmma.mma.sync.aligned.${a}.${b}.${SHAPE}.f32.f32 ${regs(0)}, ${regs(REGS)}, ${regs(2 * REGS)}, ${regs(3 * REGS)};"`,
    `               : ${operands('=f', 'd')}`,
    `               : ${operands('r', 'a')},`,
    `                 ${operands('r', 'b')},`,
    `                 ${operands('f', 'c')});`,
    '}',
  ];
}

function storeHelper(layout: MatrixLayout, space: Space): string[] {
  const { ss, operand } = address(space);
  return [
    `// Stores an accumulator fragment (${layout}-major, stride in elements) to ${space} memory. Each`,
    '// lane writes its own elements; the warp barrier orders them before the warp\'s next loads, which',
    '// read other lanes\' elements (a load sees what its warp stored before it, core/matrix.ts).',
    `static __device__ __forceinline__ void ${storeName(layout, space)}(float* p, const float* r, unsigned int stride) {`,
    `  asm volatile("wmma.store.d.sync.aligned.${layout}.${SHAPE}${ss}.f32 [%0], ${regs(1)}, %${REGS + 1};"`,
    `               :: ${operand}, ${operands('f', 'r')}, "r"(stride) : "memory");`,
    '  __syncwarp();',
    '}',
  ];
}

const FILL_HELPER = [
  '// Every element of an accumulator fragment = v: each lane holds 8 of them.',
  `static __device__ __forceinline__ void ${FILL}(float* r, float v) {`,
  `  for (int i = 0; i < ${REGS}; i++) r[i] = v;`,
  '}',
];

/** The `ks_wmma_*` functions the kernel's matrix statements call, in a fixed order, each once. */
export function matrixHelpers(ir: KernelIR): string[][] {
  const frags = fragTypes(ir);
  const shared = sharedNames(ir);
  const used = new Map<string, string[]>();
  visitStmts(ir.body, (s) => {
    if (s.k !== 'matrix') return;
    if (s.op === 'load') {
      const role = fragOf(frags, s.name).role;
      const space = spaceOf(shared, s.array);
      used.set(loadName(role, s.layout, space), loadHelper(role, s.layout, space));
    } else if (s.op === 'mma') {
      const [a, b] = [fragLayout(frags, s.a), fragLayout(frags, s.b)];
      used.set(mmaName(a, b), mmaHelper(a, b));
    } else if (s.op === 'store') {
      const space = spaceOf(shared, s.array);
      used.set(storeName(s.layout, space), storeHelper(s.layout, space));
    }
    else if (s.op === 'fill') used.set(FILL, FILL_HELPER);
  });
  return [...used.keys()].sort().map((k) => used.get(k) ?? []);
}

/** The kernel's shared arrays (matrix operations address them through `.shared`). */
export const sharedNames = (ir: KernelIR): ReadonlySet<string> => new Set(ir.shared.map((s) => s.name));
const spaceOf = (shared: ReadonlySet<string>, array: string): Space => (shared.has(array) ? 'shared' : 'global');

/** How the printer spells a matrix statement's parts. */
export interface MatrixSpelling {
  /** A user name (fragment or array) as printed. */
  name: (n: string) => string;
  /** An expression as printed. */
  expr: (e: Extract<MatrixNode, { op: 'load' }>['offset']) => string;
}

/** One matrix statement as a line of CUDA C. */
export function matrixStatement(s: MatrixNode, frags: ReturnType<typeof fragTypes>, shared: ReadonlySet<string>, p: MatrixSpelling): string {
  switch (s.op) {
    case 'frag':
      // Zero-filled, every time the declaration runs (as the IR says).
      return `${s.frag.role === 'acc' ? 'float' : 'unsigned int'} ${p.name(s.name)}[${REGS}] = {};`;
    case 'fill':
      return `${FILL}(${p.name(s.name)}, ${p.expr(s.value)});`;
    case 'load':
      return `${loadName(fragOf(frags, s.name).role, s.layout, spaceOf(shared, s.array))}(${p.name(s.name)}, &${p.name(s.array)}[${p.expr(s.offset)}], ${p.expr(s.stride)});`;
    case 'mma': {
      const fn = mmaName(fragLayout(frags, s.a), fragLayout(frags, s.b));
      return `${fn}(${[s.name, s.a, s.b, s.c].map(p.name).join(', ')});`;
    }
    case 'store':
      return `${storeName(s.layout, spaceOf(shared, s.array))}(&${p.name(s.array)}[${p.expr(s.offset)}], ${p.name(s.src)}, ${p.expr(s.stride)});`;
  }
}

/**
 * KS8041: a block-sized shared array other than the first starts only 16-byte aligned in the
 * launch's dynamic shared memory (core/shared-size.ts), too little for matrix loads and stores.
 */
export function matrixLimits(ir: KernelIR): Diagnostic[] {
  const used = matrixArrays(ir);
  const dynamic = ir.shared.filter((s) => s.size);
  return dynamic.slice(1).filter((s) => used.has(s.name)).map((s) => makeDiagnostic(s.span, 'KS8041', 'cuda', s.name));
}
