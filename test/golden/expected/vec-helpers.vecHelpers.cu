// KernelScript kernel 'vecHelpers' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

static __device__ __forceinline__ float norm2(float x, float y) {
  const float v_x = x;
  const float v_y = y;
  return v_x * v_x + v_y * v_y;
}

extern "C" __global__ void vecHelpers(const float* __restrict__ x, float* __restrict__ out, int n) {
  __shared__ __align__(16) float t[256];
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i >= n) {
    return;
  }
  const float s_1 = x[(int)(4u * i)];
  reinterpret_cast<float4*>(t)[(int)threadIdx.x] = make_float4(s_1, 2.0f * s_1, 3.0f * s_1, 4.0f * s_1);
  const float4 ks_vec_v_x_1 = reinterpret_cast<const float4*>(x)[i];
  const float v_x_1 = ks_vec_v_x_1.x;
  const float v_y_1 = ks_vec_v_x_1.y;
  const float v_z_1 = ks_vec_v_x_1.z;
  const float v_w_1 = ks_vec_v_x_1.w;
  const float sum4_result = v_x_1 + v_y_1 + v_z_1 + v_w_1;
  out[(int)(2u * i)] = sum4_result + norm2(x[(int)(4u * i + 1u)], 1.0f);
  const float4 ks_vec_v_x_2 = reinterpret_cast<const float4*>(t)[(int)threadIdx.x];
  const float v_x_2 = ks_vec_v_x_2.x;
  const float v_y_2 = ks_vec_v_x_2.y;
  const float v_z_2 = ks_vec_v_x_2.z;
  const float v_w_2 = ks_vec_v_x_2.w;
  const float sum4_result_1 = v_x_2 + v_y_2 + v_z_2 + v_w_2;
  out[(int)(2u * i + 1u)] = sum4_result_1;
}
