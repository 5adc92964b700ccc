// threadfence(): the last-block reduction. Each block writes its partial sum, fences, and takes a
// ticket with an atomic; the block that takes the last ticket fences and sums every block's
// partial, which the two fences guarantee it sees. (A single run rarely shows a missing fence; the
// CUDA golden shows both __threadfence() calls in place.) WGSL has no device-scope fence (KS8035), so cpu and cuda only.
import { kernel, blockDim, blockIdx, gridDim, threadIdx, sharedArray, syncthreads, threadfence, atomicAdd, u32, type i32 } from 'kernelscript';
import type { CaseSpec, HostArg } from '../helpers/case.js';

/** Publishes a block's partial sum: the fence orders it before the ticket. */
function publish(partial: Int32Array, count: Uint32Array, b: i32, sum: i32): u32 {
  partial[b] = sum;
  threadfence();
  return atomicAdd(count, 0, 1);
}

export const lastBlock = kernel(function lastBlock(xs: Int32Array, partial: Int32Array, count: Uint32Array, out: Int32Array, n: i32) {
  const t = threadIdx.x;
  const s = sharedArray(Int32Array, 64);
  const last = sharedArray(Int32Array, 1);
  const i = blockIdx.x * blockDim.x + t;
  s[t] = i < n ? xs[i] : 0;
  syncthreads();
  if (t === 0) {
    let sum = 0;
    for (let k = 0; k < 64; k++) sum += s[k];
    const ticket = publish(partial, count, blockIdx.x, sum);
    last[0] = ticket === u32(gridDim.x - 1) ? 1 : 0;
  }
  syncthreads();
  if (last[0] === 1 && t === 0) {
    // The reader's side: the ticket is taken, so fence before reading the partials.
    threadfence();
    let total = 0;
    for (let b = 0; b < gridDim.x; b++) total += partial[b];
    out[0] = total;
  }
});

export const spec: CaseSpec = {
  kernel: 'lastBlock',
  only: { backends: ['cpu', 'cuda'], reason: 'WGSL has no device-scope fence (KS8035)' },
  make(rng) {
    const blocks = rng.int(20, 60);
    const n = blocks * 64 - rng.int(0, 63);
    return { args: [rng.i32Array(n, -1000, 1000), new Int32Array(blocks), new Uint32Array(1), new Int32Array(1), n], grid: blocks, block: 64 };
  },
  reference([xs, partial, , , n]: HostArg[]) {
    const x = xs as Int32Array;
    const parts = new Float64Array((partial as Int32Array).length);
    for (let i = 0; i < (n as number); i++) parts[Math.floor(i / 64)] = (parts[Math.floor(i / 64)] ?? 0) + (x[i] ?? 0);
    return { 1: parts, 2: [parts.length], 3: [parts.reduce((a, b) => a + b, 0)] };
  },
};
