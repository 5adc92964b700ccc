// Shortest decimal spelling of an f32 value: the fewest significant digits that still round to the
// same f32, so generated code reads like hand-written code and means exactly the IR's constant.
import { InternalCompilerError } from '../core/diagnostics/diagnostic.js';

/** Decimal text for a finite f32 `x` (no suffix); always contains '.' or 'e' so C reads it as floating. */
export function shortestF32(x: number): string {
  if (!Number.isFinite(x)) throw new InternalCompilerError(`shortestF32: ${x} is not finite`);
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const f = Math.fround(x);
  let text = String(f);
  for (let p = 1; p <= 9; p++) {
    const candidate = Number(f.toPrecision(p));
    if (Math.fround(candidate) === f) {
      text = String(candidate);
      break;
    }
  }
  return /[.e]/.test(text) ? text : `${text}.0`;
}
