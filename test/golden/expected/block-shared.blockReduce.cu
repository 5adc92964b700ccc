// KernelScript kernel 'blockReduce' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void blockReduce(const float* __restrict__ x, float* __restrict__ partial, int n) {
  extern __shared__ __align__(16) unsigned char ks_dyn_smem[];
  float* const s = reinterpret_cast<float*>(ks_dyn_smem + 0u);
  const int t = (int)threadIdx.x;
  const int i = (int)(blockIdx.x * blockDim.x + t);
  s[t] = i < n ? x[i] : 0.0f;
  __syncthreads();
  {
    int d = 1;
    for (; d < (int)blockDim.x; d = (int)(d * 2u)) {
      if (t % (int)(2u * d) == 0 && (int)((unsigned int)t + d) < (int)blockDim.x) {
        s[t] = s[t] + s[(int)((unsigned int)t + d)];
      }
      __syncthreads();
    }
  }
  if (t == 0) {
    partial[(int)blockIdx.x] = s[0];
  }
}
