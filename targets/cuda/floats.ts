// How CUDA C spells f16 and f64. f16 is stored as its `unsigned short` bits (no cuda_fp16.h, which
// NVRTC may not find): after the f16 rule (targets/f16.ts) only conversions between f16 and f32
// remain, each one PTX instruction (`cvt.f32.f16` is exact; `cvt.rn.f16.f32` rounds to nearest
// even, overflowing to ±Infinity). f64 is `double`, with the double math library.
import type { Expr, KernelIR } from '../../core/ir/types.js';
import { someExprIn } from '../../core/ir/walk.js';
import { f16Bits } from '../../core/f16.js';
import { P, prim, type Printed } from '../c-like.js';

export const F16_TO_F32 = 'ks_f16_to_f32';
export const F32_TO_F16 = 'ks_f32_to_f16';

export const F16_HELPERS = [
  '// f16 is held as its bits: exact widening, and rounding to nearest even (PTX cvt).',
  `static __device__ __forceinline__ float ${F16_TO_F32}(unsigned short h) {`,
  '  float f;',
  '  asm("cvt.f32.f16 %0, %1;" : "=f"(f) : "h"(h));',
  '  return f;',
  '}',
  `static __device__ __forceinline__ unsigned short ${F32_TO_F16}(float f) {`,
  '  unsigned short h;',
  '  asm("cvt.rn.f16.f32 %0, %1;" : "=h"(h) : "f"(f));',
  '  return h;',
  '}',
];

/** Whether the kernel converts between f16 and f32 anywhere, so the printer defines the helpers. */
export function usesF16Casts(ir: KernelIR): boolean {
  const f16Cast = (e: Expr): boolean => e.k === 'cast' && (e.type === 'f16' || e.arg.type === 'f16') && e.type !== e.arg.type;
  return someExprIn(ir.body, f16Cast) || ir.helpers.some((h) => someExprIn(h.body, f16Cast));
}

/** An f16 constant: its bits, as the unsigned short that holds it. */
export function f16Literal(value: number): Printed {
  return { text: `(unsigned short)0x${f16Bits(value).toString(16).padStart(4, '0')}u`, prec: P.unary };
}

/** An f64 constant: the shortest decimal that reads back as the same double; non-finite ones from their bits. */
export function f64Literal(value: number): Printed {
  if (Number.isNaN(value)) return prim('__longlong_as_double(0x7ff8000000000000ll)');
  if (value === Infinity) return prim('__longlong_as_double(0x7ff0000000000000ll)');
  if (value === -Infinity) return { text: '-__longlong_as_double(0x7ff0000000000000ll)', prec: P.unary };
  let s = Object.is(value, -0) ? '-0.0' : String(value);
  if (!/[.e]/.test(s)) s += '.0';
  return { text: s, prec: s.startsWith('-') ? P.unary : P.primary };
}
