// Histograms with atomics: straight into global bins, and privatised in shared memory per block
// (zeroed, counted, then merged into the global bins). Bins start non-zero: counts accumulate.
import { kernel, atomicAdd, blockDim, blockIdx, gridDim, sharedArray, syncthreads, threadIdx, u32, type i32 } from 'kernelscript';
import type { CaseSpec, HostArg } from '../helpers/case.js';

const NBINS = 64;

export const histogram = kernel(function histogram(data: Uint32Array, bins: Uint32Array, n: i32, nbins: u32) {
  for (let i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {
    atomicAdd(bins, data[i] % nbins, 1);
  }
});

export const histogramShared = kernel(function histogramShared(data: Uint32Array, bins: Uint32Array, n: i32) {
  const counts = sharedArray(Uint32Array, NBINS);
  for (let b = threadIdx.x; b < NBINS; b += blockDim.x) {
    counts[b] = 0;
  }
  syncthreads();
  for (let i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {
    atomicAdd(counts, data[i] % u32(NBINS), 1);
  }
  syncthreads();
  for (let b = threadIdx.x; b < NBINS; b += blockDim.x) {
    atomicAdd(bins, b, counts[b]);
  }
});

function reference(data: Uint32Array, bins: Uint32Array, nbins: number): Record<number, ArrayLike<number>> {
  const out = Float64Array.from(bins);
  for (const v of data) out[v % nbins]++;
  return { 1: out };
}

export const specs: CaseSpec[] = [
  {
    kernel: 'histogram',
    make(rng) {
      const n = rng.int(5000, 30000);
      const nbins = rng.int(5, 300);
      return { args: [rng.u32Array(n, 0, 2 ** 32), rng.u32Array(nbins, 0, 100), n, nbins], grid: 24, block: 128 };
    },
    reference: ([data, bins, , nbins]: HostArg[]) => reference(data as Uint32Array, bins as Uint32Array, nbins as number),
  },
  {
    kernel: 'histogramShared',
    make(rng) {
      const n = rng.int(5000, 30000);
      return { args: [rng.u32Array(n, 0, 1000), rng.u32Array(NBINS, 0, 100), n], grid: 16, block: 96 };
    },
    reference: ([data, bins]: HostArg[]) => reference(data as Uint32Array, bins as Uint32Array, NBINS),
  },
];
