// KernelScript kernel 'vecOps' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void vecOps(const float* __restrict__ a, const float* __restrict__ b, float s, float* __restrict__ out, float* __restrict__ sums, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i >= n) {
    return;
  }
  const float4 ks_vec_va_x = reinterpret_cast<const float4*>(a)[i];
  const float va_x = ks_vec_va_x.x;
  const float va_y = ks_vec_va_x.y;
  const float va_z = ks_vec_va_x.z;
  const float va_w = ks_vec_va_x.w;
  const float4 ks_vec_vb_x = reinterpret_cast<const float4*>(b)[i];
  const float vb_x = ks_vec_vb_x.x;
  const float vb_y = ks_vec_vb_x.y;
  const float vb_z = ks_vec_vb_x.z;
  const float vb_w = ks_vec_vb_x.w;
  float acc_x = 0.0f;
  float acc_y = 0.0f;
  float acc_z = 0.0f;
  float acc_w = 0.0f;
  acc_x = acc_x + va_x * vb_x;
  acc_y = acc_y + va_y * vb_y;
  acc_z = acc_z + va_z * vb_z;
  acc_w = acc_w + va_w * vb_w;
  acc_x = acc_x - vb_x * s;
  acc_y = acc_y - vb_y * s;
  acc_z = acc_z - vb_z * s;
  acc_w = acc_w - vb_w * s;
  acc_x = acc_x + 1.0f;
  acc_w = acc_w + va_y;
  const float q_x = (va_x * vb_x + s) / 2.0f;
  const float q_y = (va_y * vb_y + s) / 4.0f;
  const float q_z = (va_z * vb_z + s) / 8.0f;
  const float q_w = (va_w * vb_w + s) / 16.0f;
  const bool cond = i % 2 == 0;
  const float pick_x = cond ? q_x : acc_x;
  const float pick_y = cond ? q_y : acc_y;
  const float pick_z = cond ? q_z : acc_z;
  const float pick_w = cond ? q_w : acc_w;
  float swapped_x = pick_w;
  float swapped_y = pick_z;
  float swapped_z = pick_y;
  float swapped_w = pick_x;
  const float swapped_x_new = swapped_y;
  const float swapped_y_new = swapped_x;
  const float swapped_z_new = swapped_w;
  const float swapped_w_new = swapped_z;
  swapped_x = swapped_x_new;
  swapped_y = swapped_y_new;
  swapped_z = swapped_z_new;
  swapped_w = swapped_w_new;
  reinterpret_cast<float4*>(out)[i] = make_float4(swapped_x + q_x, swapped_y + 0.0f, swapped_z + 0.0f, swapped_w + acc_y);
  const float p_x = va_x;
  const float p_y = vb_y;
  const float t_x = va_z;
  const float t_y = vb_z;
  const float t_z = s;
  sums[(int)(2u * i)] = va_x * vb_x + va_y * vb_y + va_z * vb_z + va_w * vb_w;
  sums[(int)(2u * i + 1u)] = p_x * 1.5f + p_y * -2.0f + (t_x * t_x + t_y * t_y + t_z * t_z);
}
