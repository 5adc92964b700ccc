// console.log misuse in kernels (KS3030–KS3037), one broken kernel each, in the form of cases.ts
// (which lists them with the other rule tests).
import type { ErrorCase } from './cases.js';

const H = `import { kernel, f32, i32, u32, vec4f } from 'kernelscript';\nconst FMT = 'i = %d';\n`;
const k = (params: string, body: string): string => `${H}export const k = kernel(function (${params}) {\n${body}\n});\n`;

export const PRINT_CASES: ErrorCase[] = [
  { code: 'KS3030', what: 'console.log of a concatenated string', src: k('x: Float32Array, i: i32', "  console.log(/*@*/'i = ' + i);\n  x[0] = 1;") },
  { code: 'KS3030', what: 'console.log with a format from a constant', src: k('x: Float32Array, i: i32', '  console.log(/*@*/FMT, i);\n  x[0] = 1;') },
  { code: 'KS3031', what: 'console.log with an unknown conversion', src: k('x: Float32Array, i: i32', "  console.log(/*@*/'i = %q', i);\n  x[0] = 1;") },
  { code: 'KS3031', what: 'console.log with a precision on %d', src: k('x: Float32Array, i: i32', "  console.log(/*@*/'i = %.2d', i);\n  x[0] = 1;") },
  { code: 'KS3032', what: 'console.log with a value too many', src: k('x: Float32Array, i: i32', "  console.log('i = %d', i, /*@*/i);\n  x[0] = 1;") },
  { code: 'KS3032', what: 'console.log with a value too few', src: k('x: Float32Array, i: i32', "  console.log(/*@*/'i = %d %d', i);\n  x[0] = 1;") },
  { code: 'KS3033', what: 'console.log of an f32 with %d', src: k('x: Float32Array, i: i32', "  console.log('x = %d', /*@*/x[0]);\n  x[0] = 1;") },
  { code: 'KS3033', what: 'console.log of an i32 with %f', src: k('x: Float32Array, i: i32', "  console.log('i = %f', /*@*/i);\n  x[0] = 1;") },
  { code: 'KS3033', what: 'console.log of a string literal with %d', src: k('x: Float32Array, i: i32', "  console.log('%d', /*@*/'text');\n  x[0] = 1;") },
  { code: 'KS3034', what: 'console.log of an array', src: k('x: Float32Array, i: i32', '  console.log(/*@*/x);\n  x[0] = 1;') },
  { code: 'KS3034', what: 'console.log of a vector', src: k('x: Float32Array, i: i32', "  const v = vec4f(1, 2, 3, 4);\n  console.log('%f', /*@*/v);\n  x[0] = v.x;") },
  { code: 'KS3035', what: 'console.error', src: k('x: Float32Array, i: i32', "  /*@*/console.error('i', i);\n  x[0] = 1;") },
  { code: 'KS3036', what: 'console.log as a value', src: k('x: Float32Array, i: i32', "  const r = /*@*/console.log('i', i);\n  x[0] = 1;") },
  { code: 'KS3037', what: 'console.log with 27 values', src: k('x: Float32Array, i: i32', `  /*@*/console.log(${Array(27).fill('i').join(', ')});\n  x[0] = 1;`) },
];
