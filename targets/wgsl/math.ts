// The Math functions WGSL lacks, as functions of ours (targets/wgsl/ops.ts spells the registry with
// them). Each keeps JS's special values (tested on the bits: drivers may assume there are no NaNs)
// and a relative accuracy of a few ULP, documented in docs/language.md.
import type { HelperFn } from '../spelling.js';

/** An f32 constant as WGSL text, exact (the double's shortest form reads back to the same f32). */
const c = (x: number): string => `${Math.fround(x)}f`;

/**
 * log1p: near 0, log(1 + x) loses the low bits of x (and WGSL's log is only accurate to 2^-21
 * absolute on [0.5, 2]). For -0.5 <= x < 1 it is 2·atanh(s), s = x / (2 + x), |s| <= 1/3, by its
 * odd series to s^15 (the next term is below 2^-29 relative); elsewhere 1 + x is exact or log's
 * relative bound holds. -1 gives -Infinity, below it NaN, as in JS: built from x's own bits
 * (bits of -1 | 0x7f800000 = -Infinity), because WGSL cannot write a non-finite constant.
 */
export const LOG1P: HelperFn = {
  call: 'ks_log1p',
  lines: [
    'fn ks_log1p(x: f32) -> f32 {',
    '  let b = bitcast<u32>(x);',
    '  if ((b & 0x7fffffffu) >= 0x7f800000u) { return select(x, bitcast<f32>(b | 0x7fc00000u), b == 0xff800000u); }',
    '  if (x <= -1.0f) { return bitcast<f32>(select(b | 0x7fc00000u, b | 0x7f800000u, x == -1.0f)); }',
    '  if (x < -0.5f || x >= 1.0f) { return log(1.0f + x); }',
    '  let s = x / (2.0f + x);',
    '  let z = s * s;',
    `  let p = ${[3, 5, 7, 9, 11, 13].map((k) => `${c(1 / k)} + z * (`).join('')}${c(1 / 15)}${')'.repeat(6)};`,
    '  return 2.0f * (s + s * (z * p));',
    '}',
  ],
};

/**
 * expm1: exp(x) - 1 cancels near 0. For |x| <= 0.5 its Taylor series to x^9/9! (the next term is
 * below 2^-30 relative); beyond, exp(x) - 1 loses at most a factor 2.6 of exp's relative error.
 */
export const EXPM1: HelperFn = {
  call: 'ks_expm1',
  lines: [
    'fn ks_expm1(x: f32) -> f32 {',
    '  if ((bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u) { return x; }',
    '  if (abs(x) > 0.5f) { return exp(x) - 1.0f; }',
    `  let p = ${[2, 6, 24, 120, 720, 5040, 40320].map((k) => `${c(1 / k)} + x * (`).join('')}${c(1 / 362880)}${')'.repeat(7)};`,
    '  return x + x * (x * p);',
    '}',
  ],
};

/**
 * hypot: sqrt(x*x + y*y) overflows and underflows long before the result does. Both arguments
 * are scaled by the larger one's power of two (exactly, with ldexp) into [0, 1), summed, and scaled
 * back; no division, which drivers may compute through a reciprocal that flushes to zero for
 * large divisors (NVIDIA's Vulkan driver does). An infinite argument gives +Infinity even beside a
 * NaN (as in JS); otherwise a NaN gives NaN (the two bit patterns or-ed are one).
 */
export const HYPOT: HelperFn = {
  call: 'ks_hypot',
  lines: [
    'fn ks_hypot(x: f32, y: f32) -> f32 {',
    '  let a = abs(x);',
    '  let b = abs(y);',
    '  let ba = bitcast<u32>(a);',
    '  let bb = bitcast<u32>(b);',
    '  if (ba == 0x7f800000u) { return a; }',
    '  if (bb == 0x7f800000u) { return b; }',
    '  if (ba > 0x7f800000u || bb > 0x7f800000u) { return bitcast<f32>(ba | bb); }',
    '  let m = max(a, b);',
    '  if (m == 0.0f) { return 0.0f; }',
    '  let e = frexp(m).exp;',
    '  let sa = ldexp(a, -e);',
    '  let sb = ldexp(b, -e);',
    '  return ldexp(sqrt(sa * sa + sb * sb), e);',
    '}',
  ],
};

/** log10 as log2(x) · log10(2): WGSL's log2 bounds, scaled, plus one rounding. */
export const LOG10: HelperFn = {
  call: 'ks_log10',
  lines: ['fn ks_log10(x: f32) -> f32 {', `  return log2(x) * ${c(Math.LOG10E / Math.LOG2E)};`, '}'],
};
