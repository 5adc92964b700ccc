// KernelScript kernel 'vecShared' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void vecShared(const float* __restrict__ x, float* __restrict__ y) {
  __shared__ __align__(16) float tile[256];
  const int t = (int)threadIdx.x;
  const int base = (int)(blockIdx.x * 256u);
  {
    int j = t;
    for (; j < 256; j = (int)(j + blockDim.x)) {
      tile[j] = x[(int)((unsigned int)base + j)];
    }
  }
  __syncthreads();
  float sum_x = 0.0f;
  float sum_y = 0.0f;
  float sum_z = 0.0f;
  float sum_w = 0.0f;
  if (t < 64) {
    const float4 ks_vec_tile4_x = reinterpret_cast<const float4*>(tile)[t];
    const float tile4_x = ks_vec_tile4_x.x;
    const float tile4_y = ks_vec_tile4_x.y;
    const float tile4_z = ks_vec_tile4_x.z;
    const float tile4_w = ks_vec_tile4_x.w;
    const float4 ks_vec_tile4_x_1 = reinterpret_cast<const float4*>(tile)[(int)(t + 1u) % 64];
    const float tile4_x_1 = ks_vec_tile4_x_1.x;
    const float tile4_y_1 = ks_vec_tile4_x_1.y;
    const float tile4_z_1 = ks_vec_tile4_x_1.z;
    const float tile4_w_1 = ks_vec_tile4_x_1.w;
    sum_x = tile4_x + tile4_x_1;
    sum_y = tile4_y + tile4_y_1;
    sum_z = tile4_z + tile4_z_1;
    sum_w = tile4_w + tile4_w_1;
  }
  __syncthreads();
  if (t < 64) {
    reinterpret_cast<float4*>(tile)[t] = make_float4(sum_x, sum_y, sum_z, sum_w);
  }
  __syncthreads();
  {
    int j_1 = t;
    for (; j_1 < 256; j_1 = (int)(j_1 + blockDim.x)) {
      y[(int)((unsigned int)base + j_1)] = tile[j_1];
    }
  }
}
