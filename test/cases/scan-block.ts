// Inclusive scan within each block (Hillis–Steele): log2(BLOCK) steps, each reading one half of a
// double buffer and writing the other, with a barrier inside the loop.
import { kernel, blockIdx, sharedArray, syncthreads, threadIdx, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

const SCAN_BLOCK = 256;

export const scanBlock = kernel(function scanBlock(x: Float32Array, y: Float32Array, n: i32) {
  const buf = sharedArray(Float32Array, 2 * SCAN_BLOCK);
  const t = threadIdx.x;
  const i = blockIdx.x * SCAN_BLOCK + t;
  buf[t] = i < n ? x[i] : 0;
  syncthreads();
  let src = 0;
  for (let offset = 1; offset < SCAN_BLOCK; offset *= 2) {
    const dst = 1 - src;
    let v = buf[src * SCAN_BLOCK + t];
    if (t >= offset) {
      v += buf[src * SCAN_BLOCK + t - offset];
    }
    buf[dst * SCAN_BLOCK + t] = v;
    syncthreads();
    src = dst;
  }
  if (i < n) {
    y[i] = buf[src * SCAN_BLOCK + t];
  }
});

export const spec: CaseSpec = {
  kernel: 'scanBlock',
  make(rng) {
    const n = rng.int(1000, 5000);
    return { args: [rng.f32Array(n, 0, 1), new Float32Array(n), n], grid: Math.ceil(n / SCAN_BLOCK), block: SCAN_BLOCK };
  },
  reference([x]) {
    const xs = x as Float32Array;
    const y = new Float64Array(xs.length);
    for (let i = 0; i < xs.length; i++) y[i] = xs[i] + (i % SCAN_BLOCK === 0 ? 0 : y[i - 1]);
    return { 1: y };
  },
};
