// Arrays the cpu backend's code keeps between calls (targets/js/scratch.ts): one loaded module
// called again and again, with block shapes that shrink and grow and fresh random inputs, gives
// the float64 reference every time: shared arrays read as zeros where nothing was written this
// block, local arrays start at zero, and per-thread values carried across a barrier are this
// call's own.
import { describe, expect, it } from 'vitest';
import { compileToIR, listKernels } from '../../compiler/index.js';
import { emitKernel } from '../../targets/index.js';
import { Rng } from '../helpers/case.js';

type Run = (args: unknown[], grid: number[], block: number[]) => void;

const SOURCE = `
import { kernel, sharedArray, localArray, syncthreads, threadIdx, blockIdx, blockDim, f32, type i32 } from 'kernelscript';
export const gathered = kernel(function gathered(x: Float32Array, y: Float32Array, n: i32) {
  const buf = sharedArray(Float32Array, blockDim.x * 2);
  const t = threadIdx.x;
  const i = blockIdx.x * blockDim.x + t;
  const big = i < n && x[i] > 0.5;
  if (t == 0) {
    for (let j = 0; j < blockDim.x; j++) {
      const g = blockIdx.x * blockDim.x + j;
      if (g < n) buf[2 * j + 1] += x[g];
    }
  }
  syncthreads();
  if (i < n) y[i] = buf[2 * t + 1] + buf[2 * t] + (big ? 1 : 0);
});
export const weighted = kernel(function weighted(x: Float32Array, y: Float32Array, n: i32) {
  const acc = localArray(Float32Array, 4);
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    for (let r = 0; r < 3; r++) acc[(i + r) % 4] += x[i] * f32(r + 1);
    y[i] = acc[0] + acc[1] + acc[2] + acc[3];
  }
});
`;

function load(kernel: string): { code: string; run: Run } {
  const names = listKernels(SOURCE, 'scratch.ts');
  const name = names.find((n) => n === kernel) ?? '';
  const code = emitKernel(compileToIR(SOURCE, { kernel: name, fileName: 'scratch.ts' }), 'js').code;
  return { code, run: new Function(code)() as Run };
}

const want: Record<string, (x: number) => number> = {
  gathered: (x) => x + (x > 0.5 ? 1 : 0),
  weighted: (x) => 6 * x,
};

describe('js kept scratch arrays', () => {
  for (const kernel of ['gathered', 'weighted']) {
    it(`${kernel}: every call of one module gives the reference, block shapes changing`, () => {
      const { code, run } = load(kernel);
      expect(code).toContain('ks_kept(');
      const rng = new Rng();
      for (const block of [64, 32, 32, 96, 64, 1]) {
        const n = block * 3 - (block > 2 ? 5 : 1);
        const x = rng.f32Array(n, 0, 1);
        const y = new Float32Array(n).fill(NaN);
        run([x, y, n], [3, 1, 1], [block, 1, 1]);
        const err = Math.max(...Array.from(y, (v, i) => Math.abs(v - (want[kernel] ?? (() => NaN))(x[i] ?? NaN))));
        expect(err, `block ${block} (seed ${rng.seed})`).toBeLessThan(1e-5);
      }
    });
  }
});
