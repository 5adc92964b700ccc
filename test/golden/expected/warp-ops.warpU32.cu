// KernelScript kernel 'warpU32' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

static __device__ __forceinline__ unsigned int ks_shfl_up_u32(unsigned int v, unsigned int d) {
  return __shfl_up_sync(0xffffffffu, v, d < 32u ? d : 0u);
}

static __device__ __forceinline__ unsigned int ks_shfl_down_u32(unsigned int v, unsigned int d) {
  return __shfl_down_sync(0xffffffffu, v, d < 32u ? d : 0u);
}

static __device__ __forceinline__ unsigned int ks_shfl_xor_u32(unsigned int v, unsigned int d) {
  return __shfl_xor_sync(0xffffffffu, v, d < 32u ? d : 0u);
}

static __device__ __forceinline__ unsigned int ks_warp_add_u32(unsigned int v) {
  #if __CUDA_ARCH__ >= 800
  return __reduce_add_sync(0xffffffffu, v);
  #else
  for (int s = 16; s > 0; s >>= 1) v = v + __shfl_xor_sync(0xffffffffu, v, s);
  return v;
  #endif
}

static __device__ __forceinline__ unsigned int ks_warp_min_u32(unsigned int v) {
  #if __CUDA_ARCH__ >= 800
  return __reduce_min_sync(0xffffffffu, v);
  #else
  for (int s = 16; s > 0; s >>= 1) v = min(v, __shfl_xor_sync(0xffffffffu, v, s));
  return v;
  #endif
}

static __device__ __forceinline__ unsigned int ks_warp_max_u32(unsigned int v) {
  #if __CUDA_ARCH__ >= 800
  return __reduce_max_sync(0xffffffffu, v);
  #else
  for (int s = 16; s > 0; s >>= 1) v = max(v, __shfl_xor_sync(0xffffffffu, v, s));
  return v;
  #endif
}

extern "C" __global__ void warpU32(const unsigned int* __restrict__ x, const unsigned int* __restrict__ a, unsigned int* __restrict__ out) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  const unsigned int v = x[i];
  const unsigned int k = a[i];
  out[(int)(7u * i)] = __shfl_sync(0xffffffffu, v, (int)(k));
  out[(int)(7u * i + 1u)] = ks_shfl_up_u32(v, (unsigned int)(k));
  out[(int)(7u * i + 2u)] = ks_shfl_down_u32(v, (unsigned int)(k));
  out[(int)(7u * i + 3u)] = ks_shfl_xor_u32(v, (unsigned int)(k));
  out[(int)(7u * i + 4u)] = ks_warp_add_u32(v);
  out[(int)(7u * i + 5u)] = ks_warp_min_u32(v);
  out[(int)(7u * i + 6u)] = ks_warp_max_u32(v);
}
