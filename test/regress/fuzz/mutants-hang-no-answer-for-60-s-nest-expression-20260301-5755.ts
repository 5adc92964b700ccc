// [hang] no answer for 60 s (nest-expression)
// Found by the mutants fuzzer (seed 20260301, input 5755); the input as a kernel file:
//   // Launch shapes: 3-D grids and blocks reading every builtin axis, and a 1-D grid of more blocks than
//   // one WebGPU dispatch dimension allows (the webgpu backend folds it into 2-D).
//   import { kernel, blockDim, blockIdx, gridDim, threadIdx, type i32 } from 'kernelscript';
//   
//   export const grid3d = kernel(function grid3d(out: Int32Array, w: i32, h: i32, d: i32) {
//     const x = blockIdx.x * blockDim.x + threadIdx.x;
//     const y = blockIdx.y * blockDim.y + threadIdx.y;
//     const z = blockIdx.z * blockDim.z + threadIdx.z;
//     if (x < w && Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(y)))))))))))))))))))))))))))))))))))))))) < h && z < d) {
//       out[(z * h + y) * w + x] = gridDim.x * 1000000 + gridDim.y * 10000 + gridDim.z * 100 + blockDim.x * blockDim.y * blockDim.z;
//     }
//   });
//   
//   export const wideGrid = kernel(function wideGrid(out: Int32Array, n: i32) {
//     const i = blockIdx.x * blockDim.x + threadIdx.x;
//     if (i < n) {
//       out[i] = (blockIdx.x ^ 0x5555) + gridDim.x * 3 + blockIdx.y + gridDim.y;
//     }
//   });
import type { Reproducer } from '../../fuzz/reproducer.js';

export const reproducer: Reproducer = {
 "seed": 20260301,
 "index": 5755,
 "finding": "[hang] no answer for 60 s (nest-expression)",
 "fuzzer": "mutants",
 "origin": "test/cases/t-grid.ts",
 "fileName": "test/cases/fuzz-t-grid.ts",
 "source": "// Launch shapes: 3-D grids and blocks reading every builtin axis, and a 1-D grid of more blocks than\n// one WebGPU dispatch dimension allows (the webgpu backend folds it into 2-D).\nimport { kernel, blockDim, blockIdx, gridDim, threadIdx, type i32 } from 'kernelscript';\n\nexport const grid3d = kernel(function grid3d(out: Int32Array, w: i32, h: i32, d: i32) {\n  const x = blockIdx.x * blockDim.x + threadIdx.x;\n  const y = blockIdx.y * blockDim.y + threadIdx.y;\n  const z = blockIdx.z * blockDim.z + threadIdx.z;\n  if (x < w && Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(Math.abs(y)))))))))))))))))))))))))))))))))))))))) < h && z < d) {\n    out[(z * h + y) * w + x] = gridDim.x * 1000000 + gridDim.y * 10000 + gridDim.z * 100 + blockDim.x * blockDim.y * blockDim.z;\n  }\n});\n\nexport const wideGrid = kernel(function wideGrid(out: Int32Array, n: i32) {\n  const i = blockIdx.x * blockDim.x + threadIdx.x;\n  if (i < n) {\n    out[i] = (blockIdx.x ^ 0x5555) + gridDim.x * 3 + blockIdx.y + gridDim.y;\n  }\n});\n"
};
