// The pipelined SGEMM of samples/lib/matmul-kernels.ts (128×128 block tiles, float4 loads, two
// shared buffers, 8×8 per thread) at small sizes that are multiples of its tile, and specialized to
// a deeper k-step and to smaller block tiles.
import type { CaseSpec } from '../helpers/case.js';
import { matmulRef } from './lib/matmul-ref.js';
import { PBK, PBM, PBN, matmulPipelined, pipelinedThreads } from '../../samples/lib/matmul-kernels.js';

export { matmulPipelined };
// 128×128 tiles with PBK = 16 take 33280 B of shared memory, over WebGPU's common 32768.
export const matmulPipelinedK16 = matmulPipelined.specialize({ PBN: 64, PBK: 16 });
export const matmulPipelined64 = matmulPipelined.specialize({ PBM: 64, PBN: 64 });
export const matmulPipelined64x128 = matmulPipelined.specialize({ PBM: 64, PBN: 128, PBK: 16 });

function pipelined(name: string, [m, n, k]: [number, number, number], bm = PBM, bn = PBN): CaseSpec {
  return {
    kernel: name,
    make(rng) {
      return {
        args: [rng.f32Array(m * k), rng.f32Array(k * n), new Float32Array(m * n), m, n, k],
        grid: [n / bn, m / bm],
        block: pipelinedThreads(bm, bn),
      };
    },
    reference([a, b]) {
      return { 2: matmulRef(a as Float32Array, b as Float32Array, m, n, k) };
    },
  };
}

export const specs: CaseSpec[] = [
  pipelined('matmulPipelined', [128, 128, 64]),
  pipelined('matmulPipelined', [256, 128, 128]),
  pipelined('matmulPipelined', [128, 256, PBK]),
  pipelined('matmulPipelinedK16', [256, 128, 96], 128, 64),
  pipelined('matmulPipelined64', [192, 128, 40], 64, 64),
  pipelined('matmulPipelined64x128', [128, 256, 48], 64, 128),
];
