// KernelScript kernel 'sum16' (CUDA C). Generated code: edit the TypeScript source instead.
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

extern "C" __global__ void sum16(const unsigned short* __restrict__ x, unsigned short* __restrict__ partial, float* __restrict__ scaled, int n) {
  __shared__ unsigned short s[128];
  const int t = (int)threadIdx.x;
  const int i = (int)(blockIdx.x * 128u + t);
  unsigned short v = (unsigned short)0x0000u;
  if (i < n) {
    v = ks_f32_to_f16(ks_f16_to_f32(x[i]) * 0.5f);
  }
  s[t] = v;
  __syncthreads();
  {
    int stride = 64;
    for (; stride > 0; stride = stride >> 1) {
      if (t < stride) {
        s[t] = ks_f32_to_f16(ks_f16_to_f32(s[t]) + ks_f16_to_f32(s[(int)((unsigned int)t + stride)]));
      }
      __syncthreads();
    }
  }
  if (t == 0) {
    partial[(int)blockIdx.x] = s[0];
    scaled[(int)blockIdx.x] = ks_f16_to_f32(ks_f32_to_f16(ks_f16_to_f32(s[0]) * 0.099975586f));
  }
}
