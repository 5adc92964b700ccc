// Executes hand-built IR kernels through the JS target and compares with float64 references.
import { describe, expect, it } from 'vitest';
import { emitKernel } from '../../targets/index.js';
import { Rng, type HostArg } from '../helpers/case.js';
import { compare } from './compare.js';
import { FIXTURES } from './fixtures.js';

type Run = (args: unknown[], grid: number[], block: number[]) => void;

const copy = (a: HostArg): HostArg => (typeof a === 'object' ? a.slice() : a);

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
