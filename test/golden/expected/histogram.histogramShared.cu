// KernelScript kernel 'histogramShared' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void histogramShared(const unsigned int* __restrict__ data, unsigned int* __restrict__ bins, int n) {
  __shared__ unsigned int counts[64];
  {
    int b = (int)threadIdx.x;
    for (; b < 64; b = (int)(b + blockDim.x)) {
      counts[b] = 0u;
    }
  }
  __syncthreads();
  {
    int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
    for (; i < n; i = (int)(i + blockDim.x * gridDim.x)) {
      atomicAdd(&counts[data[i] % 64u], 1u);
    }
  }
  __syncthreads();
  {
    int b_1 = (int)threadIdx.x;
    for (; b_1 < 64; b_1 = (int)(b_1 + blockDim.x)) {
      atomicAdd(&bins[b_1], counts[b_1]);
    }
  }
}
