// Regions run several threads at a time (targets/js/jam.ts) against the generator path, bit for
// bit: a carried f32 sum, a per-thread let before the loop, thread-varying branches and inner
// loops in its body, a bound from the block index, blocks whose width is and is not a multiple
// of the group, narrower than it, and 2-D. A loop that writes memory, or whose trip count a thread
// decides (a thread-dependent bound, a counter moved in the body, a break), is not jammed.
import { describe, expect, it } from 'vitest';
import { compileToIR } from '../../compiler/index.js';
import { emitKernel } from '../../targets/index.js';
import { foldKernel } from '../../targets/fold.js';
import { emitJs } from '../../targets/js/emit.js';
import { Rng } from '../helpers/case.js';

type Run = (args: unknown[], grid: number[], block: number[]) => void;

const load = (code: string): Run => new Function(code)() as Run;
const bits = (a: Float32Array): number[] => [...new Uint32Array(a.buffer)];

const SOURCE = `
import { kernel, sharedArray, syncthreads, threadIdx, blockIdx, blockDim, type f32, type i32 } from 'kernelscript';
export const jammed = kernel(function jammed(x: Float32Array, y: Float32Array, n: i32) {
  const buf = sharedArray(Float32Array, 64);
  const t = threadIdx.x + threadIdx.y * blockDim.x;
  const i = blockIdx.x * blockDim.x * blockDim.y + t;
  let acc: f32 = x[i % n];
  if (t < 64) {
    buf[t] = x[(i * 7) % n];
  }
  syncthreads();
  const off = x[(i + 1) % n];
  for (let p = 0; p < n + blockIdx.x; p += 2) {
    const v = buf[(p + threadIdx.x) % 64];
    if (v > 0.5) {
      acc += v * off;
    } else {
      acc -= v;
    }
    for (let q = 0; q < threadIdx.x % 3; q++) {
      acc *= 0.75;
    }
  }
  syncthreads();
  y[i] = acc;
});
export const written = kernel(function written(x: Float32Array, y: Float32Array, n: i32) {
  const buf = sharedArray(Float32Array, 64);
  const t = threadIdx.x;
  buf[t % 64] = x[t % n];
  syncthreads();
  for (let p = 0; p < 8; p++) {
    buf[(t + p) % 64] += 1;
  }
  syncthreads();
  y[blockIdx.x * blockDim.x + t] = buf[t % 64];
});
export const divergent = kernel(function divergent(x: Float32Array, y: Float32Array, n: i32) {
  const t = threadIdx.x;
  let acc: f32 = 0;
  for (let p = 0; p < n + t; p++) {
    acc += x[(p + t) % n];
  }
  syncthreads();
  y[blockIdx.x * blockDim.x + t] = acc;
});
export const moved = kernel(function moved(x: Float32Array, y: Float32Array, n: i32) {
  const t = threadIdx.x;
  let acc: f32 = 0;
  for (let p = 0; p < n; p++) {
    acc += x[(p + t) % n];
    if (acc > 2) p += 1;
  }
  syncthreads();
  y[blockIdx.x * blockDim.x + t] = acc;
});
export const broken = kernel(function broken(x: Float32Array, y: Float32Array, n: i32) {
  const t = threadIdx.x;
  let acc: f32 = 0;
  for (let p = 0; p < n; p++) {
    acc += x[(p + t) % n];
    if (acc > 3) break;
  }
  syncthreads();
  y[blockIdx.x * blockDim.x + t] = acc;
});
`;

const build = (kernel: string): { fast: string; slow: string } => {
  const ir = compileToIR(SOURCE, { kernel, fileName: 'jam.ts' });
  return { fast: emitKernel(ir, 'js').code, slow: emitJs(foldKernel(ir), { generators: true }).code };
};

describe('js jammed regions', () => {
  it('jam only a loop that writes no memory', () => {
    expect(build('jammed').fast).toContain('ks_j3_acc');
    expect(build('written').fast).not.toContain('ks_j1_');
  });
  // Threads that would not take the same counter values, or leave the loop on their own.
  for (const kernel of ['divergent', 'moved', 'broken']) {
    it(`leaves alone a loop whose trip count is per thread (${kernel}), and still matches`, () => {
      const { fast, slow } = build(kernel);
      expect(fast).not.toContain('ks_j1_');
      const rng = new Rng();
      const x = rng.f32Array(40);
      const y1 = new Float32Array(64);
      const y2 = new Float32Array(64);
      load(fast)([x, y1, 7], [2, 1, 1], [32, 1, 1]);
      load(slow)([x, y2, 7], [2, 1, 1], [32, 1, 1]);
      expect(bits(y1), `seed ${rng.seed}`).toEqual(bits(y2));
    });
  }
  for (const [bx, by] of [[16, 4], [13, 3], [3, 5], [64, 1]] as const) {
    it(`match the generators bit for bit, block ${bx}×${by}`, () => {
      const { fast, slow } = build('jammed');
      const rng = new Rng();
      const blocks = 3;
      const size = bx * by * blocks;
      const x = rng.f32Array(size);
      for (const n of [5, 37, size]) {
        const y1 = new Float32Array(size);
        const y2 = new Float32Array(size);
        load(fast)([x, y1, n], [blocks, 1, 1], [bx, by, 1]);
        load(slow)([x, y2, n], [blocks, 1, 1], [bx, by, 1]);
        expect(bits(y1), `n ${n} (seed ${rng.seed})`).toEqual(bits(y2));
      }
    });
  }
});
