// KernelScript kernel 'axpy16' (CUDA C). Generated code: edit the TypeScript source instead.
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

extern "C" __global__ void axpy16(unsigned short a, const unsigned short* __restrict__ x, unsigned short* __restrict__ y, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) {
    y[i] = ks_f32_to_f16(ks_f16_to_f32(ks_f32_to_f16(ks_f16_to_f32(a) * ks_f16_to_f32(x[i]))) + ks_f16_to_f32(y[i]));
  }
}
