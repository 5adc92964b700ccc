// Arrays the cpu backend's code keeps between calls (targets/js/scratch.ts): one loaded module
// called again and again, with block shapes that shrink and grow and fresh random inputs, gives
// the float64 reference every time, on the region path and the generator path: shared arrays read
// as zeros where nothing was written this block, local arrays start at zero, per-thread values
// carried across a barrier are this call's own, and per-thread local arrays too large to keep
// (over KEEP_MAX_BYTES) are made afresh.
import { describe, expect, it } from 'vitest';
import { compileToIR, listKernels } from '../../compiler/index.js';
import { emitKernel } from '../../targets/index.js';
import { foldKernel } from '../../targets/fold.js';
import { emitJs } from '../../targets/js/emit.js';
import { KEEP_MAX_BYTES } from '../../targets/js/scratch.js';
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
export const spread = kernel(function spread(x: Float32Array, y: Float32Array, n: i32, shift: i32) {
  const own = localArray(Float32Array, 1024);
  const t = threadIdx.x;
  const i = blockIdx.x * blockDim.x + t;
  if (i < n) own[(t * 7 + shift) % 1024] = x[i];
  syncthreads();
  if (i < n) y[i] = own[(t * 7 + shift) % 1024] + own[(t * 7 + shift + 1) % 1024];
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

function load(kernel: string, generators: boolean): { code: string; run: Run } {
  const names = listKernels(SOURCE, 'scratch.ts');
  const name = names.find((n) => n === kernel) ?? '';
  const ir = compileToIR(SOURCE, { kernel: name, fileName: 'scratch.ts' });
  const code = generators ? emitJs(foldKernel(ir), { generators: true }).code : emitKernel(ir, 'js').code;
  return { code, run: new Function(code)() as Run };
}

const want: Record<string, (x: number) => number> = {
  gathered: (x) => x + (x > 0.5 ? 1 : 0),
  spread: (x) => x,
  weighted: (x) => 6 * x,
};

/** Block sizes per kernel: spread's per-thread arrays are kept at 64 threads and too large to keep at 512. */
const BLOCKS: Record<string, number[]> = {
  gathered: [64, 32, 32, 96, 64, 1],
  spread: [64, 512, 64, 64, 512],
  weighted: [64, 32, 32, 96, 64, 1],
};

describe('js kept scratch arrays', () => {
  it('spread needs per-thread arrays on both sides of the keeping limit', () => {
    expect(64 * 1024 * 4).toBeLessThanOrEqual(KEEP_MAX_BYTES);
    expect(512 * 1024 * 4).toBeGreaterThan(KEEP_MAX_BYTES);
  });
  for (const [kernel, generators] of [['gathered', false], ['gathered', true], ['spread', false], ['weighted', false]] as const) {
    it(`${kernel}${generators ? ' (generators)' : ''}: every call of one module gives the reference, block shapes changing`, () => {
      const { code, run } = load(kernel, generators);
      expect(code).toContain('ks_kept(');
      const rng = new Rng();
      // A call's slots for spread: one past the previous call's, so stale values would be read.
      let shift = 9;
      for (const block of BLOCKS[kernel] ?? []) {
        shift--;
        const n = block * 3 - (block > 2 ? 5 : 1);
        const x = rng.f32Array(n, 0, 1);
        const y = new Float32Array(n).fill(NaN);
        run([x, y, n, shift], [3, 1, 1], [block, 1, 1]);
        const err = Math.max(...Array.from(y, (v, i) => Math.abs(v - (want[kernel] ?? (() => NaN))(x[i] ?? NaN))));
        expect(err, `block ${block} (seed ${rng.seed})`).toBeLessThan(1e-5);
      }
    });
  }
});
