// Executes hand-built IR kernels through the JS target and compares with float64 references.
import { describe, expect, it } from 'vitest';
import { emitKernel } from '../../targets/index.js';
import { Rng, type HostArg } from '../helpers/case.js';
import { FIXTURES } from './fixtures.js';

type Run = (args: unknown[], grid: number[], block: number[]) => void;

const copy = (a: HostArg): HostArg => (typeof a === 'object' ? a.slice() : a);

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
      if (g !== w) return `element ${k}: got ${g}, want ${w}`;
      continue;
    }
    num += (g - w) ** 2;
    den += w * w;
  }
  const err = Math.sqrt(num / Math.max(den, 1e-30));
  return err <= tol ? null : `relative L2 error ${err} > ${tol}`;
}

describe('js target executes kernels', () => {
  for (const fx of FIXTURES) {
    it(fx.ir.name, () => {
      const rng = new Rng();
      const run = new Function(emitKernel(fx.ir, 'js').code)() as Run;
      const { args, grid, block } = fx.make(rng);
      const want = fx.reference(args.map(copy));
      run(args, grid, block);
      for (const [k, w] of Object.entries(want)) {
        const got = args[Number(k)] as Float32Array | Int32Array | Uint32Array;
        const msg = compare(got, w, !(got instanceof Float32Array), fx.tolerance ?? 1e-5);
        expect(msg, `${fx.ir.name} arg ${k} (seed ${rng.seed})`).toBeNull();
      }
    });
  }

  it('runs blocks of a barrier kernel faithfully when the block has one thread', () => {
    const scan = FIXTURES.find((f) => f.ir.name === 'scan');
    expect(scan).toBeDefined();
    const run = new Function(emitKernel(scan!.ir, 'js').code)() as Run;
    const x = Float32Array.from([1, 2, 3]);
    const y = new Float32Array(3);
    run([x, y, 3], [3, 1, 1], [1, 1, 1]);
    expect([...y]).toEqual([1, 2, 3]);
  });
});
