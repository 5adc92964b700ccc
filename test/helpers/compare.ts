// Relative L2 error of an output against its float64 reference; a missing or NaN element makes it
// NaN, which fails every `toBeLessThan` bound.
export function relL2(out: ArrayLike<number>, ref: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < ref.length; i++) {
    const r = ref[i] as number;
    num += ((out[i] ?? NaN) - r) ** 2;
    den += r * r;
  }
  return Math.sqrt(num / Math.max(den, 1e-30));
}
