// Broken kernels for the warp rules (compiler/passes/warp-uniformity.ts, compiler/frontend/warp.ts).
import type { ErrorCase } from './cases.js';

const H = `import { kernel, f32, i32, threadIdx, blockIdx, blockDim, laneId, warpSize, shfl, shflDown, warpSum, warpAny, warpBallot } from 'kernelscript';\n`;
const k = (body: string): string => `${H}export const k = kernel(function (x: Float32Array, n: i32) {\n${body}\n});\n`;

export const WARP_CASES: ErrorCase[] = [
  { code: 'KS3020', what: 'warp operation in an arm of ?:', src: k('  x[0] = n > 0 ? /*@*/warpSum(x[0]) : 0;') },
  { code: 'KS3020', what: 'warp operation on the right of &&', src: k('  const p = laneId < 3 && /*@*/warpAny(x[0] > 0);\n  x[0] = p ? 1 : 0;') },
  { code: 'KS3021', what: 'warpSum of a bool', src: k('  const s = warpSum(/*@*/x[0] > 0);\n  x[0] = s;') },
  { code: 'KS3021', what: 'shfl of an f64', src: `${H}export const k = kernel(function (x: Float64Array) {\n  x[0] = shfl(/*@*/x[1], 0);\n});\n` },
  { code: 'KS3022', what: 'float lane of shfl', src: k('  x[0] = shfl(x[0], /*@*/x[1]);') },
  { code: 'KS5010', what: 'warp operation under a lane-dependent condition', src: k('  const i = blockIdx.x * blockDim.x + threadIdx.x;\n  if (i < n) x[i] = /*@*/warpSum(x[i]);') },
  { code: 'KS5010', what: 'warp operation under laneId', src: k('  let v = x[threadIdx.x];\n  if (laneId < 16) v = /*@*/shflDown(v, 16);\n  x[threadIdx.x] = v;') },
  { code: 'KS5010', what: 'warp operation under threadIdx.x < 48 (not a multiple of 32)', src: k('  let v = x[threadIdx.x];\n  if (threadIdx.x < 48) v = /*@*/warpSum(v);\n  x[threadIdx.x] = v;') },
  { code: 'KS5010', what: 'warp operation in a helper, under a lane-dependent condition at the call', src: `${H}function red(a: f32): f32 {\n  let v = a;\n  for (let o = 16; o > 0; o >>= 1) v += /*@*/shflDown(v, o);\n  return v;\n}\nexport const k = kernel(function (x: Float32Array, n: i32) {\n  const t = threadIdx.x;\n  if (t % 2 == 0) x[t] = red(x[t]);\n});\n` },
  { code: 'KS5011', what: 'warp operation after a divergent return', src: k('  const i = blockIdx.x * blockDim.x + threadIdx.x;\n  if (i >= n) return;\n  x[i] = /*@*/warpSum(x[i]);') },
];
