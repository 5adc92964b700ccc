// KernelScript kernel 'fused64' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void fused64(const double* __restrict__ a, const double* __restrict__ b, const double* __restrict__ c, double* __restrict__ out, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) {
    out[i] = fma(a[i], b[i], c[i]);
  }
}
