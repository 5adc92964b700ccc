// KernelScript kernel 'print64' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void print64(bool verbose, const double* __restrict__ x, double* __restrict__ out, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) {
    const double d = x[i] * 3.0;
    if (verbose) {
      printf("[print64 block (%d,%d,%d) thread (%d,%d,%d) t-print.ts:31] %.17g %e\n", (int)blockIdx.x, (int)blockIdx.y, (int)blockIdx.z, (int)threadIdx.x, (int)threadIdx.y, (int)threadIdx.z, d, x[i]);
    }
    out[i] = d;
  }
}
