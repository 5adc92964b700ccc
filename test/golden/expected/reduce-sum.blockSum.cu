// KernelScript kernel 'blockSum' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void blockSum(const float* __restrict__ x, float* __restrict__ partial, float* __restrict__ total, int n) {
  __shared__ float s[256];
  const int t = (int)threadIdx.x;
  const int i = (int)(blockIdx.x * 256u * 2u + t);
  float v = 0.0f;
  if (i < n) {
    v = x[i];
  }
  if ((int)(i + 256u) < n) {
    v = v + x[(int)(i + 256u)];
  }
  s[t] = v;
  __syncthreads();
  {
    int stride = 128;
    for (; stride > 0; stride = stride >> 1) {
      if (t < stride) {
        s[t] = s[t] + s[(int)((unsigned int)t + stride)];
      }
      __syncthreads();
    }
  }
  if (t == 0) {
    partial[(int)blockIdx.x] = s[0];
    atomicAdd(&total[0], s[0]);
  }
}
