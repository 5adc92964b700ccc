// KernelScript kernel 'mix16' (CUDA C). Generated code: edit the TypeScript source instead.
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

extern "C" __global__ void mix16(const unsigned short* __restrict__ x, const float* __restrict__ f, unsigned short* __restrict__ o16, float* __restrict__ o32, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) {
    const unsigned short h = x[i];
    const float w = ks_f16_to_f32(h);
    o32[i] = w + f[i];
    o16[(int)(2u * i)] = ks_f32_to_f16(f[i]);
    o16[(int)(2u * i + 1u)] = ks_f16_to_f32(h) > 0.25f ? ks_f32_to_f16(sqrtf(ks_f16_to_f32(ks_f32_to_f16(fabsf(ks_f16_to_f32(h)))))) : ks_f32_to_f16(ks_f16_to_f32(ks_f32_to_f16(-ks_f16_to_f32(h))) * 3.0f);
  }
}
