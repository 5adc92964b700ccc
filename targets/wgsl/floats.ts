// How WGSL spells f16 and f64. f16 is native (`enable f16;`, the 'shader-f16' device feature); after
// the f16 rule (targets/f16.ts) only constants, storage and f16 ↔ f32 conversions remain. WGSL has
// no f64: wgslLimits refuses every kernel that uses it (KS8015), at the first use.
import { makeDiagnostic, type Diagnostic } from '../../core/diagnostics/diagnostic.js';
import type { Expr, KernelIR, Span, Stmt } from '../../core/ir/types.js';
import { someExpr, someExprIn, stmtExprs, visitStmts } from '../../core/ir/walk.js';
import { f16round } from '../../core/f16.js';
import { P, prim, type Printed } from '../c-like.js';

/** An f16 constant: the shortest decimal that rounds to it, `h`-suffixed; non-finite ones converted from f32 bits. */
export function f16Literal(value: number): Printed {
  if (Number.isNaN(value)) return prim('f16(ks_f32_bits(0x7fc00000u))');
  if (value === Infinity) return prim('f16(ks_f32_bits(0x7f800000u))');
  if (value === -Infinity) return prim('f16(ks_f32_bits(0xff800000u))');
  let text = Object.is(value, -0) ? '-0.0' : String(value);
  for (let p = 1; p <= 5 && value !== 0; p++) {
    const candidate = Number(value.toPrecision(p));
    if (f16round(candidate) === value) {
      text = String(candidate);
      break;
    }
  }
  if (!/[.e]/.test(text)) text += '.0';
  return { text: `${text}h`, prec: text.startsWith('-') ? P.unary : P.primary };
}

export const F16_ROUND = 'ks_f16_round';

/**
 * f32 → f16 rounding done on the bits: WGSL leaves the rounding direction of `f16(x)` to the
 * implementation, and drivers drop an `f32(f16(x))` round trip as if it were exact (Mesa does),
 * fusing what the f16 rule keeps apart. The result is the f32 value of the f16 nearest x (ties to
 * even, beyond ±65504 ±Infinity), which `f16(...)` then converts exactly.
 */
export const F16_ROUND_HELPER = [
  `fn ${F16_ROUND}(x: f32) -> f32 {`,
  '  let b = bitcast<u32>(x);',
  '  let a = b & 0x7fffffffu;',
  '  let s = b & 0x80000000u;',
  '  if (a >= 0x7f800000u) { return x; }',
  '  if (a >= 0x477ff000u) { return bitcast<f32>(s | 0x7f800000u); }',
  '  let e = a >> 23u;',
  '  if (e >= 113u) {',
  '    // An f16 normal: keep 10 of the 23 fraction bits, ties to even (a carry moves the exponent).',
  '    let r = (a + 0xfffu + ((a >> 13u) & 1u)) & 0xffffe000u;',
  '    return bitcast<f32>(s | r);',
  '  }',
  '  // An f16 subnormal or zero: a multiple of 2^-24.',
  '  let d = 126u - e;',
  '  if (d > 25u) { return bitcast<f32>(s); }',
  '  let m = (a & 0x7fffffu) | 0x800000u;',
  '  var q = m >> d;',
  '  let rest = m & ((1u << d) - 1u);',
  '  let half = 1u << (d - 1u);',
  '  if (rest > half || (rest == half && (q & 1u) == 1u)) { q = q + 1u; }',
  '  let v = f32(q) * 5.9604644775390625e-8f;',
  '  return select(v, -v, s != 0u);',
  '}',
];

/** Whether the kernel converts an f32 to f16 anywhere, so the printer defines F16_ROUND. */
export function roundsToF16(ir: KernelIR): boolean {
  const narrowing = (e: Expr): boolean => e.k === 'cast' && e.type === 'f16' && e.arg.type === 'f32';
  return someExprIn(ir.body, narrowing) || ir.helpers.some((h) => someExprIn(h.body, narrowing));
}

/** Where a kernel first uses f64 (a parameter, array, local, helper or expression), or null. */
export function firstF64(ir: KernelIR): Span | null {
  for (const p of ir.params) if ((p.kind === 'array' ? p.elem : p.type) === 'f64') return p.span;
  for (const s of ir.shared) if (s.elem === 'f64') return s.span;
  const bodies = [...ir.helpers.map((h) => ({ span: h.span, f64: h.returnType === 'f64', body: h.body })), { span: ir.span, f64: false, body: ir.body }];
  for (const b of bodies) {
    if (b.f64) return b.span;
    let at: Span | null = null;
    visitStmts(b.body, (s: Stmt) => {
      if (at) return;
      if ((s.k === 'let' && s.type === 'f64') || (s.k === 'localArray' && s.elem === 'f64')) at = s.span;
      for (const e of stmtExprs(s)) {
        someExpr(e, (x) => {
          if (!at && x.type === 'f64') at = x.span;
          return at !== null;
        });
      }
    });
    if (at) return at;
  }
  return null;
}

/** KS8015 at the kernel's first use of f64, if it has one. */
export function f64Limit(ir: KernelIR): Diagnostic[] {
  const at = firstF64(ir);
  return at ? [makeDiagnostic(at, 'KS8015', 'wgsl')] : [];
}
