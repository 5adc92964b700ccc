// Guarded barrier regions that loop over their guard's threads only (targets/js/narrow.ts) against
// the generator path, bit for bit: every guard form, periods that do and do not divide the block,
// x divided by constants, uniform bounds outside the block, 2-D blocks and per-thread locals
// carried across the guards.
import { describe, expect, it } from 'vitest';
import { compileToIR, listKernels } from '../../compiler/index.js';
import { emitKernel } from '../../targets/index.js';
import { foldKernel } from '../../targets/fold.js';
import { emitJs } from '../../targets/js/emit.js';
import { Rng } from '../helpers/case.js';
import { compare } from './compare.js';

type Run = (args: unknown[], grid: number[], block: number[]) => void;

const load = (code: string): Run => new Function(code)() as Run;
const bits = (a: Float32Array): number[] => [...new Uint32Array(a.buffer)];

const SOURCE = `
import { kernel, sharedArray, syncthreads, threadIdx, blockIdx, blockDim, type i32 } from 'kernelscript';
export const guards = kernel(function guards(x: Float32Array, y: Float32Array, h: i32) {
  const buf = sharedArray(Float32Array, 256);
  const t = threadIdx.x + threadIdx.y * blockDim.x;
  const tx = threadIdx.x;
  const lane = tx % 7;
  const i = blockIdx.x * blockDim.x * blockDim.y + t;
  let v = x[i];
  buf[t] = v;
  syncthreads();
  if (tx > h) {
    v += buf[(t + 1) % 256];
  }
  syncthreads();
  if (h <= lane) {
    v *= 2;
  }
  syncthreads();
  if (lane == h && tx >= 1) {
    v -= 1;
  }
  syncthreads();
  if (tx < h - 40) {
    v += 3;
  }
  syncthreads();
  if (tx / 4 < h) {
    v *= 3;
  }
  syncthreads();
  if (lane / 2 == h) {
    v += 5;
  }
  syncthreads();
  if (h >= tx / 3 / 2) {
    v -= 7;
  }
  syncthreads();
  y[i] = v;
});
`;

describe('js guarded regions', () => {
  for (const [bx, by] of [[64, 4], [45, 3], [256, 1]] as const) {
    it(`match the generators bit for bit, block ${bx}×${by}`, () => {
      const [name = ''] = listKernels(SOURCE, 'guards.ts');
      const ir = compileToIR(SOURCE, { kernel: name, fileName: 'guards.ts' });
      const fast = emitKernel(ir, 'js').code;
      expect(fast.match(/const ks_lo/g)).toHaveLength(7);
      const slow = emitJs(foldKernel(ir), { generators: true }).code;
      const rng = new Rng();
      const blocks = 3;
      const n = bx * by * blocks;
      const x = rng.f32Array(n);
      for (const h of [-3, 0, 2, 5, 6, 7, 44, 50, 300]) {
        const y1 = new Float32Array(n);
        const y2 = new Float32Array(n);
        load(fast)([x, y1, h], [blocks, 1, 1], [bx, by, 1]);
        load(slow)([x, y2, h], [blocks, 1, 1], [bx, by, 1]);
        expect(bits(y1), `h ${h} (seed ${rng.seed})`).toEqual(bits(y2));
        // And right, in float64 (the shared neighbour is the block's next thread, t + 1 mod 256).
        const want = Array.from({ length: n }, (_, i) => {
          const t = i % (bx * by);
          const tx = t % bx;
          const lane = tx % 7;
          let v = x[i] ?? 0;
          const b0 = i - t;
          if (tx > h) v += (t + 1) % 256 < bx * by ? (x[b0 + ((t + 1) % 256)] ?? 0) : 0;
          if (h <= lane) v *= 2;
          if (lane === h && tx >= 1) v -= 1;
          if (tx < h - 40) v += 3;
          if (Math.floor(tx / 4) < h) v *= 3;
          if (Math.floor(lane / 2) === h) v += 5;
          if (h >= Math.floor(tx / 6)) v -= 7;
          return v;
        });
        expect(compare(y1, want, false, 1e-5), `h ${h} (seed ${rng.seed})`).toBeNull();
      }
    });
  }
});
