// KernelScript kernel 'warpScan' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

static __device__ __forceinline__ int ks_shfl_up_i32(int v, unsigned int d) {
  return __shfl_up_sync(0xffffffffu, v, d < 32u ? d : 0u);
}

extern "C" __global__ void warpScan(const int* __restrict__ x, int* __restrict__ out) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  int v = x[i];
  {
    int d = 1;
    for (; d < 32; d = (int)((unsigned int)d << 1)) {
      const int t = ks_shfl_up_i32(v, (unsigned int)(d));
      if (((int)threadIdx.x & 31) >= d) {
        v = (int)((unsigned int)v + t);
      }
    }
  }
  out[i] = v;
}
