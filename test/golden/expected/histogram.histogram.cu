// KernelScript kernel 'histogram' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void histogram(const unsigned int* __restrict__ data, unsigned int* __restrict__ bins, int n, unsigned int nbins) {
  {
    int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
    for (; i < n; i = (int)(i + blockDim.x * gridDim.x)) {
      atomicAdd(&bins[data[i] % nbins], 1u);
    }
  }
}
