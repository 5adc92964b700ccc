// Broken kernels for the Language v2 builtins (fma, the bitcasts, threadfence, the new Math functions).
import type { ErrorCase } from './cases.js';

const H = `import { kernel, f16, i32, u32, fma, bitcastF32, bitcastU32, bitcastI32, threadfence } from 'kernelscript';\n`;
const k = (body: string): string => `${H}export const k = kernel(function (x: Float32Array, u: Uint32Array, h: Float16Array, n: i32) {\n${body}\n});\n`;

export const BUILTIN_CASES: ErrorCase[] = [
  { code: 'KS2060', what: 'bitcastF32 of an f32', src: k('  x[0] = bitcastF32(/*@*/x[1]);') },
  { code: 'KS2060', what: 'bitcastU32 of a u32', src: k('  u[0] = bitcastU32(/*@*/u[1]);') },
  { code: 'KS2060', what: 'bitcastI32 of an f16 (16 bits)', src: k('  u[0] = u32(bitcastI32(/*@*/h[0]));') },
  { code: 'KS2060', what: 'bitcastU32 of a bool', src: k('  u[0] = bitcastU32(/*@*/n > 0);') },
  { code: 'KS4050', what: 'threadfence() used as a value', src: k('  const v = /*@*/threadfence();\n  x[0] = v;') },
  { code: 'KS2009', what: 'fma with two arguments', src: k('  x[0] = /*@*/fma(x[1], x[2]);') },
  { code: 'KS2009', what: 'Math.hypot with three arguments', src: k('  x[0] = /*@*/Math.hypot(x[1], x[2], x[3]);') },
  { code: 'KS2009', what: 'threadfence with an argument', src: k('  /*@*/threadfence(1);') },
  { code: 'KS3013', what: 'fma written as Math.fma', src: k('  x[0] = /*@*/Math.fma(x[1], x[2], x[3]);') },
];
