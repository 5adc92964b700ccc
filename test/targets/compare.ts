// Output comparison for fixture runs: relative L2 error for f32, exact equality for integers.

/** Relative L2 error for floats; exact equality for integer arrays. */
export function compare(got: ArrayLike<number>, want: ArrayLike<number>, exact: boolean, tol: number): string | null {
  if (got.length !== want.length) return `length ${got.length} != ${want.length}`;
  if (exact) {
    for (let k = 0; k < got.length; k++) if (got[k] !== want[k]) return `element ${k}: got ${got[k]}, want ${want[k]}`;
    return null;
  }
  let num = 0, den = 0;
  for (let k = 0; k < got.length; k++) {
    const g = got[k]!, w = want[k]!;
    if (!Number.isFinite(w)) {
      if (!Object.is(g, w)) return `element ${k}: got ${g}, want ${w}`;
      continue;
    }
    num += (g - w) ** 2;
    den += w * w;
  }
  const err = Math.sqrt(num / Math.max(den, 1e-30));
  return err <= tol ? null : `relative L2 error ${err} > ${tol}`;
}
