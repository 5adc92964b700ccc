// KernelScript kernel 'saxpy4' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void saxpy4(float a, const float* __restrict__ x, float* __restrict__ y, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  const int quads = n >> 2;
  if (i < quads) {
    const float4 ks_vec_x4_x = reinterpret_cast<const float4*>(x)[i];
    const float x4_x = ks_vec_x4_x.x;
    const float x4_y = ks_vec_x4_x.y;
    const float x4_z = ks_vec_x4_x.z;
    const float x4_w = ks_vec_x4_x.w;
    const float4 ks_vec_y4_x = reinterpret_cast<const float4*>(y)[i];
    const float y4_x = ks_vec_y4_x.x;
    const float y4_y = ks_vec_y4_x.y;
    const float y4_z = ks_vec_y4_x.z;
    const float y4_w = ks_vec_y4_x.w;
    reinterpret_cast<float4*>(y)[i] = make_float4(x4_x * a + y4_x, x4_y * a + y4_y, x4_z * a + y4_z, x4_w * a + y4_w);
  } else if (i == quads) {
    {
      int j = (int)(quads * 4u);
      for (; j < n; j = (int)(j + 1u)) {
        y[j] = a * x[j] + y[j];
      }
    }
  }
}
