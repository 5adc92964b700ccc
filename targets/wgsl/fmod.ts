// f32 `%` for WGSL. WGSL defines it as x - y * trunc(x / y), which loses everything once x / y
// stops being exact (1e7 % 0.7 gives 0, 3e9 % 7 gives 0), while JS and CUDA's fmodf compute the
// exact remainder, which is always representable. The helper computes it exactly with integer
// operations only, on the bit patterns, so no driver can flush, fuse or reassociate any of it:
//   |x| = mx * 2^ex, |y| = my * 2^ey (24-bit integer significands, unbiased denormals included);
//   mx * 2^(ex - ey) mod my is reduced eight bits at a time (r < my < 2^24, so r << 8 fits in u32),
//   at most 32 rounds for the largest exponent gap (253);
//   the remainder r * 2^ey is exact in f32 and is rebuilt as bits, denormal results included.
// Special cases follow IEEE fmod and JS: NaN for y = 0, infinite x or a NaN operand; x itself when
// |x| < |y| (infinite y, zeros); the result has the sign of x.
import type { Expr, KernelIR } from '../../core/ir/types.js';
import { visitAllExprs } from '../../core/ir/walk.js';

export const FMOD_HELPER = [
  'fn ks_fmod(x: f32, y: f32) -> f32 {',
  '  let sx = bitcast<u32>(x) & 0x80000000u;',
  '  let ax = bitcast<u32>(x) & 0x7fffffffu;',
  '  let ay = bitcast<u32>(y) & 0x7fffffffu;',
  '  if (ay == 0u || ax >= 0x7f800000u || ay > 0x7f800000u) { return bitcast<f32>(ax | 0x7fc00000u); }',
  '  if (ax < ay) { return x; }',
  '  // Exponent fields; a denormal (field 0) scales like field 1 without the implicit bit.',
  '  let ex = max(ax >> 23u, 1u);',
  '  let ey = max(ay >> 23u, 1u);',
  '  let my = select(ay & 0x7fffffu, (ay & 0x7fffffu) | 0x800000u, ay >= 0x800000u);',
  '  var r = select(ax & 0x7fffffu, (ax & 0x7fffffu) | 0x800000u, ax >= 0x800000u) % my;',
  '  var d = ex - ey;',
  '  while (d > 0u && r != 0u) {',
  '    let s = min(d, 8u);',
  '    r = (r << s) % my;',
  '    d = d - s;',
  '  }',
  '  if (r == 0u) { return bitcast<f32>(sx); }',
  '  // Normalise r * 2^ey to a significand in [2^23, 2^24), or stop at the denormal exponent.',
  '  let sh = min(countLeadingZeros(r) - 8u, ey - 1u);',
  '  // (e - 1) << 23 plus a significand with its implicit bit set adds that bit into the exponent.',
  '  return bitcast<f32>(sx | (((ey - sh - 1u) << 23u) + (r << sh)));',
  '}',
];

/** Whether the kernel or one of its helpers takes an f32 remainder. */
export function usesF32Mod(ir: KernelIR): boolean {
  let found = false;
  const visit = (e: Expr): void => {
    if (e.k === 'binary' && e.op === '%' && e.type === 'f32') found = true;
  };
  visitAllExprs(ir.body, visit);
  for (const h of ir.helpers) visitAllExprs(h.body, visit);
  return found;
}
