// KernelScript kernel 'rowSoftmax' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

static __device__ __forceinline__ float ks_warp_max_f32(float v) {
  for (int s = 16; s > 0; s >>= 1) v = fmaxf(v, __shfl_xor_sync(0xffffffffu, v, s));
  return v;
}

static __device__ __forceinline__ float ks_warp_add_f32(float v) {
  for (int s = 16; s > 0; s >>= 1) v = v + __shfl_xor_sync(0xffffffffu, v, s);
  return v;
}

extern "C" __global__ void rowSoftmax(const float* __restrict__ x, float* __restrict__ y, int rows, int cols) {
  const int warpsPerRow = (int)blockDim.x / 32;
  const int row = (int)((blockIdx.x * blockDim.y + threadIdx.y) * warpsPerRow + (int)threadIdx.x / 32);
  if (row < rows) {
    float m = -__int_as_float(0x7f800000);
    {
      int j = ((int)threadIdx.x & 31);
      for (; j < cols; j = (int)((unsigned int)j + 32)) {
        m = fmaxf(m, x[(int)((unsigned int)row * cols + j)]);
      }
    }
    m = ks_warp_max_f32(m);
    float s = 0.0f;
    {
      int j_1 = ((int)threadIdx.x & 31);
      for (; j_1 < cols; j_1 = (int)((unsigned int)j_1 + 32)) {
        s = s + expf(x[(int)((unsigned int)row * cols + j_1)] - m);
      }
    }
    s = ks_warp_add_f32(s);
    {
      int j_2 = ((int)threadIdx.x & 31);
      for (; j_2 < cols; j_2 = (int)((unsigned int)j_2 + 32)) {
        y[(int)((unsigned int)row * cols + j_2)] = expf(x[(int)((unsigned int)row * cols + j_2)] - m) / s;
      }
    }
  }
}
