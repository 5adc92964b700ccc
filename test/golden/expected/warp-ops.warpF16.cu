// KernelScript kernel 'warpF16' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

// f16 is held as its bits: exact widening, and rounding to nearest even (PTX cvt).
static __device__ __forceinline__ float ks_f16_to_f32(unsigned short h) {
  float f;
  asm("cvt.f32.f16 %0, %1;" : "=f"(f) : "h"(h));
  return f;
}
static __device__ __forceinline__ unsigned short ks_f32_to_f16(float f) {
  unsigned short h;
  asm("cvt.rn.f16.f32 %0, %1;" : "=h"(h) : "f"(f));
  return h;
}

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

extern "C" __global__ void warpF16(const unsigned short* __restrict__ x, const int* __restrict__ a, unsigned short* __restrict__ out) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  const unsigned short v = x[i];
  const int k = a[i];
  out[(int)(7u * i)] = ks_f32_to_f16(__shfl_sync(0xffffffffu, ks_f16_to_f32(v), (int)(k)));
  out[(int)(7u * i + 1u)] = ks_f32_to_f16(ks_shfl_up_f32(ks_f16_to_f32(v), (unsigned int)(k)));
  out[(int)(7u * i + 2u)] = ks_f32_to_f16(ks_shfl_down_f32(ks_f16_to_f32(v), (unsigned int)(k)));
  out[(int)(7u * i + 3u)] = ks_f32_to_f16(ks_shfl_xor_f32(ks_f16_to_f32(v), (unsigned int)(k)));
  out[(int)(7u * i + 4u)] = ks_f32_to_f16(ks_warp_add_f32(ks_f16_to_f32(v)));
  out[(int)(7u * i + 5u)] = ks_f32_to_f16(ks_warp_min_f32(ks_f16_to_f32(v)));
  out[(int)(7u * i + 6u)] = ks_f32_to_f16(ks_warp_max_f32(ks_f16_to_f32(v)));
}
