// The accuracy of the Math builtins on each backend, as docs/language.md documents it ("More
// builtins"): the bound on |result - exact| for an f32 result next to its float64 reference `r`.
// cpu: the engine's double function rounded once to f32; cuda: the CUDA Math API's maximum ULP
// error, plus the half ULP between the exact value and its f32; webgpu: WGSL's accuracy table where
// WGSL has the function (several are "inherited" from a formula, and absolute near some points),
// and our own functions' bounds where it has none (targets/wgsl/math.ts).
export type Backend = 'cpu' | 'webgpu' | 'cuda';
export type Bound = (r: number) => number;

/** The distance between f32 values at magnitude |r| (subnormal spacing below 2^-126). */
export function ulp(r: number): number {
  const a = Math.abs(r);
  if (!(a >= 2 ** -126)) return 2 ** -149;
  return 2 ** (Math.floor(Math.log2(a)) - 23);
}

const ulps =
  (n: number): Bound =>
  (r) =>
    n * ulp(r);

const CPU = ulps(1);
/** WGSL's exp and exp2: 3 + 2·|x| ULP. */
const wgslExp = (x: number, r: number): number => (3 + 2 * Math.abs(x)) * ulp(r);

export const BOUNDS: Record<string, Record<Backend, Bound>> = {
  trunc: { cpu: ulps(0), cuda: ulps(0), webgpu: ulps(0) },
  fround: { cpu: ulps(0), cuda: ulps(0), webgpu: ulps(0) },
  // WGSL log2: 3 ULP outside [0.5, 2], absolute 2^-21 inside.
  log2: { cpu: CPU, cuda: ulps(1.5), webgpu: (r) => 3.5 * ulp(r) + (Math.abs(r) <= 1 ? 2 ** -21 : 0) },
  exp2: { cpu: CPU, cuda: ulps(2.5), webgpu: (r) => wgslExp(Math.log2(r), r) + ulp(r) / 2 },
  // log2(x) · log10(2): log2's bound scaled, one more rounding.
  log10: { cpu: CPU, cuda: ulps(2.5), webgpu: (r) => 4.5 * ulp(r) + (Math.abs(r) <= Math.LOG10E / Math.LOG2E ? 2 ** -21 * 0.30103 : 0) },
  log1p: { cpu: CPU, cuda: ulps(1.5), webgpu: ulps(6) },
  // |x| <= 0.5: the series; beyond, exp(x) - 1: exp's bound (at the scale of e^x), one more rounding.
  expm1: {
    cpu: CPU,
    cuda: ulps(1.5),
    webgpu: (r) => {
      const x = Math.log1p(r);
      if (Math.abs(x) <= 0.5) return 3 * ulp(r);
      return wgslExp(x, r + 1) + 1.5 * ulp(r);
    },
  },
  // WGSL: atan 4096 ULP; asin and acos inherited from atan2 (4096 ULP) of sqrt(1 - x*x).
  asin: { cpu: CPU, cuda: ulps(2.5), webgpu: (r) => 4096 * ulp(r) + 2 ** -22 },
  acos: { cpu: CPU, cuda: ulps(2.5), webgpu: (r) => 4096 * ulp(r) + 2 ** -22 },
  atan: { cpu: CPU, cuda: ulps(2.5), webgpu: ulps(4096) },
  // WGSL: inherited from (exp(x) ∓ exp(-x)) / 2: absolute, at the scale of e^|x|.
  sinh: { cpu: CPU, cuda: ulps(3.5), webgpu: (r) => wgslExp(Math.asinh(r), Math.exp(Math.abs(Math.asinh(r)))) + ulp(r) },
  cosh: { cpu: CPU, cuda: ulps(2.5), webgpu: (r) => wgslExp(Math.acosh(r), r) + ulp(r) },
  hypot: { cpu: CPU, cuda: ulps(3.5), webgpu: ulps(8) },
};

/** Whether `got` is within `bound` of the reference `r`: non-finite references must match exactly. */
export function withinBound(got: number, r: number, bound: Bound): boolean {
  if (Number.isNaN(r)) return Number.isNaN(got);
  // A reference beyond the f32 range is the f32 infinity.
  if (!Number.isFinite(Math.fround(r))) return got === Math.fround(r);
  return Math.abs(got - r) <= bound(r);
}
