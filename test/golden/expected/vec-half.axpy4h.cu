// KernelScript kernel 'axpy4h' (CUDA C). Generated code: edit the TypeScript source instead.
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

extern "C" __global__ void axpy4h(unsigned short a, const unsigned short* __restrict__ x, unsigned short* __restrict__ y, unsigned short* __restrict__ dots, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) {
    const uint2 ks_vec_xv_x = reinterpret_cast<const uint2*>(x)[i];
    const unsigned short xv_x = (unsigned short)(ks_vec_xv_x.x & 0xffffu);
    const unsigned short xv_y = (unsigned short)(ks_vec_xv_x.x >> 16);
    const unsigned short xv_z = (unsigned short)(ks_vec_xv_x.y & 0xffffu);
    const unsigned short xv_w = (unsigned short)(ks_vec_xv_x.y >> 16);
    const uint2 ks_vec_y4_x = reinterpret_cast<const uint2*>(y)[i];
    const unsigned short y4_x = (unsigned short)(ks_vec_y4_x.x & 0xffffu);
    const unsigned short y4_y = (unsigned short)(ks_vec_y4_x.x >> 16);
    const unsigned short y4_z = (unsigned short)(ks_vec_y4_x.y & 0xffffu);
    const unsigned short y4_w = (unsigned short)(ks_vec_y4_x.y >> 16);
    const unsigned short r4_x = ks_f32_to_f16(ks_f16_to_f32(ks_f32_to_f16(ks_f16_to_f32(xv_x) * ks_f16_to_f32(a))) + ks_f16_to_f32(y4_x));
    const unsigned short r4_y = ks_f32_to_f16(ks_f16_to_f32(ks_f32_to_f16(ks_f16_to_f32(xv_y) * ks_f16_to_f32(a))) + ks_f16_to_f32(y4_y));
    const unsigned short r4_z = ks_f32_to_f16(ks_f16_to_f32(ks_f32_to_f16(ks_f16_to_f32(xv_z) * ks_f16_to_f32(a))) + ks_f16_to_f32(y4_z));
    const unsigned short r4_w = ks_f32_to_f16(ks_f16_to_f32(ks_f32_to_f16(ks_f16_to_f32(xv_w) * ks_f16_to_f32(a))) + ks_f16_to_f32(y4_w));
    reinterpret_cast<uint2*>(y)[i] = make_uint2((unsigned int)(r4_w) | ((unsigned int)(r4_z) << 16), (unsigned int)(r4_y) | ((unsigned int)(r4_x) << 16));
    dots[i] = ks_f32_to_f16(ks_f16_to_f32(ks_f32_to_f16(ks_f16_to_f32(ks_f32_to_f16(ks_f16_to_f32(ks_f32_to_f16(ks_f16_to_f32(xv_x) * 1.0f)) + ks_f16_to_f32(ks_f32_to_f16(ks_f16_to_f32(xv_y) * 0.5f)))) + ks_f16_to_f32(ks_f32_to_f16(ks_f16_to_f32(xv_z) * ks_f16_to_f32(x[(int)(4u * i)]))))) + ks_f16_to_f32(ks_f32_to_f16(ks_f16_to_f32(xv_w) * -2.0f)));
  }
}
