// KernelScript kernel 'printEach' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void printEach(bool verbose, const float* __restrict__ x, const int* __restrict__ y, float* __restrict__ out, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) {
    const float v = x[i] * 2.0f + (float)y[i];
    if (verbose) {
      printf("[printEach block (%d,%d,%d) thread (%d,%d,%d) t-print.ts:13] i=%d %i u=%u x=%x X=%X\n", (int)blockIdx.x, (int)blockIdx.y, (int)blockIdx.z, (int)threadIdx.x, (int)threadIdx.y, (int)threadIdx.z, (int)(i), (int)(y[i]), (unsigned int)((unsigned int)y[i]), (unsigned int)(y[i]), (unsigned int)((unsigned int)i * 7919u));
      printf("[printEach block (%d,%d,%d) thread (%d,%d,%d) t-print.ts:14] %f|%.3e|%g|%s|%5d|%-8.2f|%+d|%05x|100%%\n", (int)blockIdx.x, (int)blockIdx.y, (int)blockIdx.z, (int)threadIdx.x, (int)threadIdx.y, (int)threadIdx.z, (double)(x[i]), (double)(v), (double)(v), (i > 3) ? "true" : "false", (int)(i), (double)(x[i]), (int)(y[i]), (unsigned int)(i));
      printf("[printEach block (%d,%d,%d) thread (%d,%d,%d) t-print.ts:15] v = %g, odd %s y %d %u\n", (int)blockIdx.x, (int)blockIdx.y, (int)blockIdx.z, (int)threadIdx.x, (int)threadIdx.y, (int)threadIdx.z, (double)(v), ((i & 1) == 1) ? "true" : "false", (int)(y[i]), (unsigned int)((unsigned int)i));
      if (v > 0.0f) {
        printf("[printEach block (%d,%d,%d) thread (%d,%d,%d) t-print.ts:24] note %d: %.2f \"positive\"\?\n", (int)blockIdx.x, (int)blockIdx.y, (int)blockIdx.z, (int)threadIdx.x, (int)threadIdx.y, (int)threadIdx.z, (int)(i), (double)(v));
      }
    }
    out[i] = v;
  }
}
