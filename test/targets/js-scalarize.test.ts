// The JS target's local arrays turned into scalars (targets/js/scalarize.ts) against the same kernel
// printed with its arrays: bit-identical outputs on random inputs, out-of-range reads included.
import { describe, expect, it } from 'vitest';
import { compileToIR, listKernels } from '../../compiler/index.js';
import type { KernelIR } from '../../core/ir/types.js';
import { emitKernel } from '../../targets/index.js';
import { foldKernel } from '../../targets/fold.js';
import { emitJs } from '../../targets/js/emit.js';
import { Rng } from '../helpers/case.js';
import { compare } from './compare.js';

type Run = (args: unknown[], grid: number[], block: number[]) => void;

const load = (code: string): Run => new Function(code)() as Run;
const bits = (a: Float32Array | Int32Array): number[] => [...new Uint32Array(a.buffer, a.byteOffset, a.length)];

// Accumulates into local arrays through short loops (unrolled, then scalars), across a barrier, and
// fills them from reads that may fall outside x and ix (undefined in JS, NaN or 0 once stored).
const SOURCE = `
import { kernel, localArray, sharedArray, syncthreads, threadIdx, blockIdx, blockDim, type i32 } from 'kernelscript';
export const locals = kernel(function locals(x: Float32Array, ix: Int32Array, y: Float32Array, iy: Int32Array, n: i32, off: i32) {
  const acc = localArray(Float32Array, 4);
  const cnt = localArray(Int32Array, 3);
  const buf = sharedArray(Float32Array, 64);
  const t = threadIdx.x;
  const i = blockIdx.x * blockDim.x + t;
  for (let j = 0; j < 8; j++) {
    for (let c = 0; c < 4; c++) {
      acc[c] += x[(i * 8 + j) % n] * f32(c + 1);
    }
  }
  buf[t] = acc[0];
  syncthreads();
  for (let c = 0; c < 3; c++) {
    cnt[c] = ix[i + off + c];
  }
  acc[3] = x[i + off];
  y[i * 6] = acc[1] + buf[(t + 1) % 64];
  y[i * 6 + 1] = acc[2];
  y[i * 6 + 2] = acc[3] == acc[3] ? 1 : 0;
  y[i * 6 + 3] = acc[0] - acc[3];
  iy[i * 3] = cnt[0] + 1;
  iy[i * 3 + 1] = cnt[1] == cnt[1] ? cnt[2] * 2 : -1;
  iy[i * 3 + 2] = cnt[2];
});
`.replace('type i32 }', 'type i32, f32 }');

function irOf(): KernelIR {
  const [name = ''] = listKernels(SOURCE, 'locals.ts');
  return compileToIR(SOURCE, { kernel: name, fileName: 'locals.ts' });
}

describe('js local arrays as scalars', () => {
  it('turns constant-indexed local arrays into scalars', () => {
    const code = emitKernel(irOf(), 'js').code;
    expect(code).not.toMatch(/new (Float32|Int32)Array\((4|3)\)/);
    expect(code).toContain('acc_3');
  });

  for (const off of [0, 1 << 20]) {
    it(`matches the array form bit for bit${off ? ', reading outside the inputs' : ''}`, () => {
      const rng = new Rng();
      const ir = irOf();
      const blocks = 2;
      const threads = 64 * blocks;
      const n = threads * 8;
      const x = rng.f32Array(n);
      const ix = Int32Array.from({ length: threads + 3 }, () => rng.int(-1000, 1000));
      const make = (): unknown[] => [x, ix, new Float32Array(threads * 6), new Int32Array(threads * 3), n, off];
      const fast = make();
      const slow = make();
      load(emitKernel(ir, 'js').code)(fast, [blocks, 1, 1], [64, 1, 1]);
      load(emitJs(foldKernel(ir)).code)(slow, [blocks, 1, 1], [64, 1, 1]);
      expect(bits(fast[2] as Float32Array), `seed ${rng.seed}`).toEqual(bits(slow[2] as Float32Array));
      expect(bits(fast[3] as Int32Array), `seed ${rng.seed}`).toEqual(bits(slow[3] as Int32Array));
      // And right: acc[c] = (c + 1) · Σ_j x[i·8 + j], against float64.
      const y = fast[2] as Float32Array;
      const want: number[] = [];
      const got: number[] = [];
      for (let i = 0; i < threads; i++) {
        let s = 0;
        for (let j = 0; j < 8; j++) s += x[(i * 8 + j) % n] ?? 0;
        want.push(3 * s);
        got.push(y[i * 6 + 1] ?? NaN);
      }
      expect(compare(Float32Array.from(got), want, false, 1e-5), `seed ${rng.seed}`).toBeNull();
      if (off) expect(y[2]).toBe(0);
    });
  }
});
