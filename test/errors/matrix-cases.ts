// Broken kernels for warp-level matrices (compiler/frontend/matrix.ts, passes/warp-uniformity.ts, passes/bounds.ts).
import type { ErrorCase } from './cases.js';

const H = `import { kernel, f32, i32, threadIdx, blockIdx, blockDim, laneId, localArray, sharedArray, matrixLoadA, matrixLoadB, matrixLoadAcc, matrixFill, matrixMma, matrixStore, type MatrixA, type MatrixAcc } from 'kernelscript';\n`;
const P = 'a: Float16Array, b: Float16Array, c: Float32Array, n: i32';
const k = (body: string, params = P): string => `${H}export const k = kernel(function (${params}) {\n${body}\n});\n`;
const AB = `  const fa = matrixLoadA(a, 0, 16, 'row');\n  const fb = matrixLoadB(b, 0, 16, 'col');\n`;

export const MATRIX_CASES: ErrorCase[] = [
  { code: 'KS2070', what: 'fragment copied', src: k(`  const acc = matrixFill(0);\n  const d = /*@*/acc;\n  matrixStore(c, 0, 16, acc, 'row');`) },
  { code: 'KS2070', what: 'fragment reassigned from another', src: k(`  let acc = matrixFill(0);\n  const d = matrixFill(1);\n  acc = /*@*/d;\n  matrixStore(c, 0, 16, acc, 'row');`) },
  { code: 'KS2070', what: 'fragment in an expression', src: k(`  const acc = matrixFill(0);\n  c[0] = /*@*/acc + 1;`) },
  { code: 'KS2070', what: 'fragments compared', src: k(`  const x = matrixFill(0);\n  const y = matrixFill(0);\n  if (/*@*/x === y) c[0] = 1;`) },
  { code: 'KS2070', what: 'fragment in an array literal', src: k(`  const acc = matrixFill(0);\n  const arr = [/*@*/acc];\n  c[0] = 1;`) },
  { code: 'KS2070', what: 'fragment in an object literal', src: k(`  const acc = matrixFill(0);\n  const o = { v: /*@*/acc };\n  c[0] = 1;`) },
  { code: 'KS2070', what: 'fragment passed to a helper', src: `${H}function h(x: f32): f32 {\n  return x;\n}\nexport const k = kernel(function (${P}) {\n  const acc = matrixFill(0);\n  c[0] = h(/*@*/acc);\n});\n` },
  { code: 'KS2070', what: 'compound assignment to a fragment', src: k(`  let acc = matrixFill(0);\n  /*@*/acc += 1;\n  matrixStore(c, 0, 16, acc, 'row');`) },
  { code: 'KS2071', what: 'fragment declared without initializer', src: k(`  let /*@*/acc: MatrixAcc;\n  c[0] = 1;`) },
  { code: 'KS2071', what: 'fragment annotation with a number', src: k(`  const acc: MatrixAcc = /*@*/1;\n  c[0] = 1;`) },
  { code: 'KS2072', what: 'layout not a literal', src: k(`  const l = 'row';\n  const fa = matrixLoadA(a, 0, 16, /*@*/l);\n  c[0] = 1;`) },
  { code: 'KS2072', what: 'layout a wrong string', src: k(`  const acc = matrixFill(0);\n  matrixStore(c, 0, 16, acc, /*@*/'diag');`) },
  { code: 'KS2073', what: 'A loaded from a Float32Array', src: k(`  const fa = matrixLoadA(/*@*/c, 0, 16, 'row');\n  c[0] = 1;`) },
  { code: 'KS2073', what: 'accumulator stored to a Float16Array', src: k(`  const acc = matrixFill(0);\n  matrixStore(/*@*/a, 0, 16, acc, 'row');`) },
  { code: 'KS2073', what: 'load from a local array', src: k(`  const t = localArray(Float16Array, 256);\n  const fa = matrixLoadA(/*@*/t, 0, 16, 'row');\n  c[0] = 1;`) },
  { code: 'KS2074', what: 'matrixMma with B where A goes', src: k(`${AB}  const acc = matrixFill(0);\n  const d = matrixMma(/*@*/fb, fb, acc);\n  matrixStore(c, 0, 16, d, 'row');`) },
  { code: 'KS2074', what: 'matrixMma with a number as accumulator', src: k(`${AB}  const d = matrixMma(fa, fb, /*@*/n);\n  matrixStore(c, 0, 16, d, 'row');`) },
  { code: 'KS2074', what: 'matrixStore of an A fragment', src: k(`${AB}  matrixStore(c, 0, 16, /*@*/fa, 'row');`) },
  { code: 'KS2075', what: 'A fragment reloaded with another layout', src: k(`  let fa = matrixLoadA(a, 0, 16, 'row');\n  fa = matrixLoadA(a, 0, 16, /*@*/'col');\n  c[0] = 1;`) },
  { code: 'KS2076', what: 'matrix call in a helper', src: `${H}function h(x: Float32Array): void {\n  const acc = /*@*/matrixFill(0);\n  matrixStore(x, 0, 16, acc, 'row');\n}\nexport const k = kernel(function (${P}) {\n  h(c);\n});\n` },
  { code: 'KS2077', what: 'matrix call as a value', src: k(`  c[0] = /*@*/matrixFill(0);`) },
  { code: 'KS2077', what: 'matrix call result dropped', src: k(`  /*@*/matrixFill(0);\n  c[0] = 1;`) },
  { code: 'KS2078', what: 'accumulator assigned to an A fragment', src: k(`  let fa = matrixLoadA(a, 0, 16, 'row');\n  fa = /*@*/matrixFill(0);\n  c[0] = 1;`) },
  { code: 'KS2078', what: 'annotation of another role', src: k(`  const fa: MatrixA = /*@*/matrixFill(0);\n  c[0] = 1;`) },
  { code: 'KS2079', what: 'offset differing between lanes', src: k(`  const acc = matrixFill(0);\n  matrixStore(c, /*@*/threadIdx.x * 16, 16, acc, 'row');`) },
  { code: 'KS2079', what: 'fill value read per lane', src: k(`  const acc = matrixFill(/*@*/c[laneId]);\n  matrixStore(c, 0, 16, acc, 'row');`) },
  { code: 'KS2011', what: 'const fragment reassigned', src: k(`  const acc = matrixFill(0);\n  /*@*/acc = matrixFill(1);\n  matrixStore(c, 0, 16, acc, 'row');`) },
  { code: 'KS2009', what: 'matrixLoadA without its layout', src: k(`  const fa = /*@*/matrixLoadA(a, 0, 16);\n  c[0] = 1;`) },
  { code: 'KS3022', what: 'float stride', src: k(`  const acc = matrixFill(0);\n  matrixStore(c, 0, /*@*/16.5, acc, 'row');`) },
  { code: 'KS4050', what: 'matrixStore as a value', src: k(`  const acc = matrixFill(0);\n  const v = /*@*/matrixStore(c, 0, 16, acc, 'row');`) },
  { code: 'KS4060', what: 'misaligned constant offset', src: k(`  const fa = matrixLoadA(a, /*@*/8, 16, 'row');\n  c[0] = 1;`) },
  { code: 'KS4060', what: 'constant stride below 16', src: k(`  const acc = matrixFill(0);\n  matrixStore(c, 0, /*@*/8, acc, 'row');`) },
  { code: 'KS4061', what: 'footprint beyond a shared array', src: k(`  const s = sharedArray(Float32Array, 200);\n  const acc = matrixFill(0);\n  /*@*/matrixStore(s, 0, 16, acc, 'row');\n  c[0] = s[0];`) },
  { code: 'KS5010', what: 'matrix operation under a lane-dependent condition', src: k(`  const acc = matrixFill(0);\n  if (laneId < 16) /*@*/matrixStore(c, 0, 16, acc, 'row');`) },
  { code: 'KS5011', what: 'matrix operation after a divergent return', src: k(`  if (threadIdx.x >= n) return;\n  const acc = /*@*/matrixFill(0);\n  matrixStore(c, 0, 16, acc, 'row');`) },
];
