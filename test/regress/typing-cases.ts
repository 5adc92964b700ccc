// The kernels of typing.test.ts: expressions over s (u32), t (i32) and c (t < 0), each with an exact
// integer reference, and random 32-bit inputs with the edge values mixed in.
import { Rng } from '../helpers/case.js';

export type Out = 'u32' | 'i32' | 'f32';

export interface Case {
  name: string;
  out: Out;
  /** The value stored to out[i], with s = a[i] (u32), t = b[i] (i32), c = t < 0 in scope. */
  expr?: string;
  /** Or whole statements that store out[i]. */
  body?: string;
  ref: (s: number, t: number) => number;
}

const u = (v: number): number => v >>> 0;
const i = (v: number): number => v | 0;
const INT_MIN = -2147483648;

export const CASES: Case[] = [
  // u32 context: the reported examples, then variants.
  { name: 'u32_conv_max_abs', out: 'u32', expr: 'u32(Math.max(s, Math.abs(3)))', ref: (s) => Math.max(s, 3) },
  { name: 'u32_max_abs', out: 'u32', expr: 'Math.max(s, Math.abs(3))', ref: (s) => Math.max(s, 3) },
  { name: 'u32_or_shift', out: 'u32', expr: 's | (1 << s)', ref: (s) => u(s | (1 << s)) },
  { name: 'u32_plus_select', out: 'u32', expr: 's + (s > 1 ? 3 : 4)', ref: (s) => u(s + (s > 1 ? 3 : 4)) },
  { name: 'u32_plus_abs', out: 'u32', expr: 's + Math.abs(5)', ref: (s) => u(s + 5) },
  { name: 'u32_min_nested', out: 'u32', expr: 'Math.min(s, 7, Math.max(2, 9))', ref: (s) => Math.min(s, 7) },
  { name: 'u32_max_select_big', out: 'u32', expr: 'Math.max(s, c ? 1 : 3000000000)', ref: (s, t) => Math.max(s, t < 0 ? 1 : 3000000000) },
  { name: 'u32_mask', out: 'u32', expr: '((1 << (s & 31)) - 1) & (s >> 1)', ref: (s) => u(u(u(1 << (s & 31)) - 1) & (s >>> 1)) },
  { name: 'u32_xor_not_select', out: 'u32', expr: 's ^ ~(c ? 0 : 1)', ref: (s, t) => u(s ^ ~(t < 0 ? 0 : 1)) },
  { name: 'u32_abs', out: 'u32', expr: 'Math.abs(s) + Math.abs(7)', ref: (s) => u(s + 7) },
  { name: 'u32_mul_select_max', out: 'u32', expr: 's * (c ? 4294967295 : 2)', ref: (s, t) => u(Math.imul(s, t < 0 ? 4294967295 : 2)) },
  { name: 'u32_shift_by_select', out: 'u32', expr: 's >> (c ? 33 : 1)', ref: (s, t) => s >>> (t < 0 ? 33 : 1) },
  { name: 'u32_max_of_max', out: 'u32', expr: 'Math.max(Math.max(s, 3), Math.abs(4294967295))', ref: () => 4294967295 },
  {
    name: 'u32_lit_local_max',
    out: 'u32',
    body: 'let m = 0;\n    for (let j = 0; j < 4; j++) m = Math.max(m, (s >> j) ^ 5);\n    out[i] = m;',
    ref: (s) => Math.max(u((s >>> 0) ^ 5), u((s >>> 1) ^ 5), u((s >>> 2) ^ 5), u((s >>> 3) ^ 5)),
  },
  // Item 3, i32 context.
  { name: 'i32_conv_max_abs', out: 'i32', expr: 'i32(Math.max(t, Math.abs(-3)))', ref: (_, t) => Math.max(t, 3) },
  { name: 'i32_max_abs', out: 'i32', expr: 'Math.max(t, Math.abs(-3))', ref: (_, t) => Math.max(t, 3) },
  { name: 'i32_or_shift', out: 'i32', expr: 't | (1 << t)', ref: (_, t) => t | (1 << t) },
  { name: 'i32_plus_select', out: 'i32', expr: 't + (t > 1 ? -3 : 4)', ref: (_, t) => i(t + (t > 1 ? -3 : 4)) },
  { name: 'i32_minus_abs', out: 'i32', expr: 't - Math.abs(-5)', ref: (_, t) => i(t - 5) },
  { name: 'i32_min_nested', out: 'i32', expr: 'Math.min(t, Math.max(-7, 7), 2147483647)', ref: (_, t) => Math.min(t, 7) },
  { name: 'i32_abs', out: 'i32', expr: 'Math.abs(t)', ref: (_, t) => Math.abs(t) | 0 },
  { name: 'i32_neg_select_mul', out: 'i32', expr: '-(c ? 1 : 2) * t', ref: (_, t) => Math.imul(t < 0 ? -1 : -2, t) },
  { name: 'i32_max_big', out: 'i32', expr: 'Math.max(t, Math.min(2147483647, 2147483646))', ref: (_, t) => Math.max(t, 2147483646) },
  // A conversion's literal-only argument keeps its own type and converts as the host does.
  { name: 'u32_conv_select_neg', out: 'u32', expr: 'u32(c ? -1 : 1) ^ s', ref: (s, t) => u(u(t < 0 ? -1 : 1) ^ s) },
  { name: 'i32_conv_select_big', out: 'i32', expr: 'i32(c ? 3000000000 : 1) ^ t', ref: (_, t) => i(t < 0 ? 3000000000 : 1) ^ t },
  { name: 'u32_conv_abs_neg', out: 'u32', expr: 'u32(Math.abs(-3)) + s', ref: (s) => u(s + 3) },
  // Integer-only operators on literals in an f32 context give integers, then promote.
  { name: 'f32_bitwise_literals', out: 'f32', expr: 'f32(s & 255) + (3 & 1) + ~1 + (c ? 1 : 2) + (1 << 4)', ref: (s, t) => (s & 255) + 1 - 2 + (t < 0 ? 1 : 2) + 16 },
  // Item 5: i32 and u32 constant edge cases, combined with inputs.
  { name: 'i32_neg_min', out: 'i32', expr: 't ^ -(-2147483648)', ref: (_, t) => t ^ INT_MIN },
  // (Kept free of i32 overflow at run time: nvcc exploits signed overflow being undefined in C.)
  { name: 'i32_neg_conv_min', out: 'i32', expr: '(-i32(-2147483648) >> 4) + (t >> 1)', ref: (_, t) => (INT_MIN >> 4) + (t >> 1) },
  { name: 'i32_abs_min', out: 'i32', expr: 'Math.abs(-2147483648) ^ t', ref: (_, t) => INT_MIN ^ t },
  { name: 'i32_compare_min', out: 'i32', expr: 't < -2147483648 ? 1 : t == -2147483648 ? 2 : t <= -2147483647 ? 3 : 4', ref: (_, t) => (t === INT_MIN ? 2 : t <= -2147483647 ? 3 : 4) },
  { name: 'i32_max_min_const', out: 'i32', expr: 'Math.max(t, -2147483648) ^ Math.min(t, -2147483648)', ref: (_, t) => t ^ INT_MIN },
  { name: 'i32_overflow_const', out: 'i32', expr: '((2147483647 + 1) >> 1) - (t >> 1)', ref: (_, t) => (INT_MIN >> 1) - (t >> 1) },
  { name: 'i32_shift_consts', out: 'i32', expr: '((1 << 33) + t) ^ (-8 >> 33) ^ (-8 >>> 33)', ref: (_, t) => i(2 + t) ^ -4 ^ (-8 >>> 1) },
  { name: 'i32_shift_by_32', out: 'i32', expr: '(t << 32) + (t >> 35) + (t >>> 40)', ref: (_, t) => i(i(t + (t >> 3)) + (t >>> 8)) },
  { name: 'i32_conv_u32_max', out: 'i32', expr: 'i32(4294967295) + t', ref: (_, t) => i(t - 1) },
  { name: 'u32_max_const', out: 'u32', expr: 's + 4294967295', ref: (s) => u(s - 1) },
  { name: 'u32_shift_consts', out: 'u32', expr: '((4294967295 >> 33) ^ s) + ((1 << 31) | (s >> 32))', ref: (s) => u((0x7fffffff ^ s) + u(0x80000000 | s)) },
  { name: 'u32_conv_min', out: 'u32', expr: 'u32(-2147483648) + (~0 - s)', ref: (s) => u(0x80000000 + u(0xffffffff - s)) },
  { name: 'u32_neg', out: 'u32', expr: '-s', ref: (s) => u(-s) },
];

export const EDGES = [0, 1, 2, 3, 31, 32, 33, 0x7ffffffe, 0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff];
export const N = 1024;

export function source(c: Case): string {
  const body = c.body ?? `out[i] = ${c.expr};`;
  const locals = [
    /\bs\b/.test(body) ? 'const s = a[i];' : '',
    /\bt\b|\bc\b/.test(body) ? 'const t = b[i];' : '',
    /\bc\b/.test(body) ? 'const c = t < 0;' : '',
  ].filter(Boolean);
  const arr = { u32: 'Uint32Array', i32: 'Int32Array', f32: 'Float32Array' }[c.out];
  return `import { kernel, f32, i32, u32, blockIdx, blockDim, threadIdx } from 'kernelscript';
export const ${c.name} = kernel(function ${c.name}(a: Uint32Array, b: Int32Array, out: ${arr}, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    ${[...locals, body].join('\n    ')}
  }
});
`;
}

/** Random 32-bit patterns with every edge value in the first slots. */
export function bits(rng: Rng): Uint32Array {
  const a = new Uint32Array(N);
  for (let k = 0; k < N; k++) a[k] = k < EDGES.length ? (EDGES[k] as number) : rng.next() < 0.1 ? (EDGES[rng.int(0, EDGES.length)] as number) : u(rng.next() * 2 ** 32);
  return a;
}
