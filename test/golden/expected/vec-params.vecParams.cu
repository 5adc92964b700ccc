// KernelScript kernel 'vecParams' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

static __device__ __forceinline__ float lerpSum(float a_x, float a_y, float a_z, float a_w, float b_x, float b_y, float b_z, float b_w, float t) {
  const float scale = 1.0f - t;
  return (a_x * scale + b_x * t) * 1.0f + (a_y * scale + b_y * t) * 1.0f + (a_z * scale + b_z * t) * 1.0f + (a_w * scale + b_w * t) * 1.0f;
}

extern "C" __global__ void vecParams(const float* __restrict__ x, float* __restrict__ y, float t, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) {
    const float b_x = 1.0f;
    const float b_y = 2.0f;
    const float b_z = 3.0f;
    const float b_w = (float)i;
    const float4 ks_vec_x4_x = reinterpret_cast<const float4*>(x)[i];
    const float x4_x = ks_vec_x4_x.x;
    const float x4_y = ks_vec_x4_x.y;
    const float x4_z = ks_vec_x4_x.z;
    const float x4_w = ks_vec_x4_x.w;
    y[i] = lerpSum(x4_x, x4_y, x4_z, x4_w, b_x, b_y, b_z, b_w, t) + lerpSum(b_x, b_y, b_z, b_w, b_x, b_y, b_z, b_w, t);
  }
}
