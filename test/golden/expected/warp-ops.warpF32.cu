// KernelScript kernel 'warpF32' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

static __device__ __forceinline__ float ks_shfl_up_f32(float v, unsigned int d) {
  return __shfl_up_sync(0xffffffffu, v, d < 32u ? d : 0u);
}

static __device__ __forceinline__ float ks_shfl_down_f32(float v, unsigned int d) {
  return __shfl_down_sync(0xffffffffu, v, d < 32u ? d : 0u);
}

static __device__ __forceinline__ float ks_shfl_xor_f32(float v, unsigned int d) {
  return __shfl_xor_sync(0xffffffffu, v, d < 32u ? d : 0u);
}

static __device__ __forceinline__ float ks_warp_add_f32(float v) {
  for (int s = 16; s > 0; s >>= 1) v = v + __shfl_xor_sync(0xffffffffu, v, s);
  return v;
}

static __device__ __forceinline__ float ks_warp_min_f32(float v) {
  for (int s = 16; s > 0; s >>= 1) v = fminf(v, __shfl_xor_sync(0xffffffffu, v, s));
  return v;
}

static __device__ __forceinline__ float ks_warp_max_f32(float v) {
  for (int s = 16; s > 0; s >>= 1) v = fmaxf(v, __shfl_xor_sync(0xffffffffu, v, s));
  return v;
}

extern "C" __global__ void warpF32(const float* __restrict__ x, const int* __restrict__ a, float* __restrict__ out) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  const float v = x[i];
  const int k = a[i];
  out[(int)(7u * i)] = __shfl_sync(0xffffffffu, v, (int)(k));
  out[(int)(7u * i + 1u)] = ks_shfl_up_f32(v, (unsigned int)(k));
  out[(int)(7u * i + 2u)] = ks_shfl_down_f32(v, (unsigned int)(k));
  out[(int)(7u * i + 3u)] = ks_shfl_xor_f32(v, (unsigned int)(k));
  out[(int)(7u * i + 4u)] = ks_warp_add_f32(v);
  out[(int)(7u * i + 5u)] = ks_warp_min_f32(v);
  out[(int)(7u * i + 6u)] = ks_warp_max_f32(v);
}
