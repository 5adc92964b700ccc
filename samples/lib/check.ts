// Comparing device results with float64 references.

/** Relative L2 error ‖got − want‖ / ‖want‖ (absolute when want is all zeros). */
export function relativeError(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length !== want.length) {
    throw new Error(`length mismatch: got ${got.length} values, expected ${want.length}`);
  }
  let num = 0;
  let den = 0;
  for (let i = 0; i < want.length; i++) {
    const d = got[i] - want[i];
    num += d * d;
    den += want[i] * want[i];
  }
  return den > 0 ? Math.sqrt(num / den) : Math.sqrt(num);
}

/** Largest |got − want|. */
export function maxAbsDiff(got: ArrayLike<number>, want: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < want.length; i++) m = Math.max(m, Math.abs(got[i] - want[i]));
  return m;
}

/** Throws a clear error when a check fails (so a broken run exits non-zero). */
export function expectClose(what: string, err: number, tolerance: number): void {
  if (!(err <= tolerance)) {
    throw new Error(`${what}: error ${err.toExponential(3)} exceeds tolerance ${tolerance.toExponential(1)}`);
  }
}

/** Milliseconds as a short human string. */
export const fmtMs = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
