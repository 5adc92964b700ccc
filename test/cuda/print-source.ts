// The printing kernel of the CUDA printf test (print.test.ts runs it in print-child.ts).
import { fileURLToPath } from 'node:url';

export const PRINT_FILE = fileURLToPath(new URL('./print-kernels.ts', import.meta.url));
export const PRINT_SOURCE = `import { kernel, blockDim, blockIdx, threadIdx, type i32 } from 'kernelscript';
export const show = kernel(function show(x: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) console.log('i=%d x=%.3e %g %s', i, x[i], x[i] * 2, x[i] > 0);
});
`;
