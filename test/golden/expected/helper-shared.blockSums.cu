// KernelScript kernel 'blockSums' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void blockSums(const float* __restrict__ x, float* __restrict__ partial, int n) {
  __shared__ float s[128];
  const int t = (int)threadIdx.x;
  const int base_1 = (int)(blockIdx.x * 128u);
  s[t] = 0.0f;
  if ((int)((unsigned int)base_1 + t) < n) {
    s[t] = x[(int)((unsigned int)base_1 + t)];
  }
  __syncthreads();
  {
    int stride = 64;
    for (; stride > 0; stride = stride >> 1) {
      if (t < stride) {
        s[t] = s[t] + s[(int)((unsigned int)t + stride)];
      }
      __syncthreads();
    }
  }
  if (t == 0) {
    partial[(int)blockIdx.x] = s[0];
  }
}
