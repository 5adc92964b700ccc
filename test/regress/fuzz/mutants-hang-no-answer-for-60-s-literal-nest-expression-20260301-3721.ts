// [hang] no answer for 60 s (literal, nest-expression)
// Found by the mutants fuzzer (seed 20260301, input 3721); the input as a kernel file:
//   // Histograms with atomics: straight into global bins, and privatised in shared memory per block
//   // (zeroed, counted, then merged into the global bins). Bins start non-zero: counts accumulate.
//   import { kernel, atomicAdd, blockDim, blockIdx, gridDim, sharedArray, syncthreads, threadIdx, u32, type i32 } from 'kernelscript';
//   
//   const NBINS = 64;
//   
//   export const histogram = kernel(function histogram(data: Uint32Array, bins: Uint32Array, n: i32, nbins: u32) {
//     for (let i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {
//       atomicAdd(bins, data[i] % nbins, -0);
//     }
//   });
//   
//   export const histogramShared = kernel(function histogramShared(data: Uint32Array, bins: Uint32Array, n: i32) {
//     const counts = sharedArray(Uint32Array, NBINS);
//     for (let b = threadIdx.x; b < NBINS; b += blockDim.x) {
//       counts[b] = 0;
//     }
//     syncthreads();
//     for (let i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {
//       atomicAdd(counts, Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(data[i] % u32(NBINS))))))))))))))))))))))))))))))))))))))))), 1);
//     }
//     syncthreads();
//     for (let b = threadIdx.x; b < NBINS; b += blockDim.x) {
//       atomicAdd(bins, b, counts[b]);
//     }
//   });
import type { Reproducer } from '../../fuzz/reproducer.js';

export const reproducer: Reproducer = {
 "seed": 20260301,
 "index": 3721,
 "finding": "[hang] no answer for 60 s (literal, nest-expression)",
 "fuzzer": "mutants",
 "origin": "test/cases/histogram.ts",
 "fileName": "test/cases/fuzz-histogram.ts",
 "source": "// Histograms with atomics: straight into global bins, and privatised in shared memory per block\n// (zeroed, counted, then merged into the global bins). Bins start non-zero: counts accumulate.\nimport { kernel, atomicAdd, blockDim, blockIdx, gridDim, sharedArray, syncthreads, threadIdx, u32, type i32 } from 'kernelscript';\n\nconst NBINS = 64;\n\nexport const histogram = kernel(function histogram(data: Uint32Array, bins: Uint32Array, n: i32, nbins: u32) {\n  for (let i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {\n    atomicAdd(bins, data[i] % nbins, -0);\n  }\n});\n\nexport const histogramShared = kernel(function histogramShared(data: Uint32Array, bins: Uint32Array, n: i32) {\n  const counts = sharedArray(Uint32Array, NBINS);\n  for (let b = threadIdx.x; b < NBINS; b += blockDim.x) {\n    counts[b] = 0;\n  }\n  syncthreads();\n  for (let i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {\n    atomicAdd(counts, Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(data[i] % u32(NBINS))))))))))))))))))))))))))))))))))))))))), 1);\n  }\n  syncthreads();\n  for (let b = threadIdx.x; b < NBINS; b += blockDim.x) {\n    atomicAdd(bins, b, counts[b]);\n  }\n});\n"
};
