// KernelScript kernel 'mixedShared' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void mixedShared(const int* __restrict__ x, const float* __restrict__ y, float* __restrict__ out, unsigned int* __restrict__ bins) {
  __shared__ unsigned int c[8];
  extern __shared__ __align__(16) unsigned char ks_dyn_smem[];
  int* const a = reinterpret_cast<int*>(ks_dyn_smem + 0u);
  const unsigned int ks_smem_end0 = ((unsigned int)((int)(blockDim.x + 1u)) * 4u + 15u) & ~15u;
  float* const b = reinterpret_cast<float*>(ks_dyn_smem + ks_smem_end0);
  const int t = (int)threadIdx.x;
  const int n = (int)blockDim.x;
  const int i = (int)(blockIdx.x * n + t);
  a[t] = x[i];
  if (t == 0) {
    a[n] = (int)(x[(int)(blockIdx.x * n + n - 1u)] * 3u);
  }
  b[(int)(2u * t)] = y[i];
  b[(int)(2u * t + 1u)] = y[i] * 0.5f;
  if (t < 8) {
    c[t] = 0u;
  }
  __syncthreads();
  atomicAdd(&c[x[i] & 7], 1u);
  out[i] = (float)a[(int)((unsigned int)n - t)] + b[(int)(2u * (n - 1u - t))] + b[(int)(2u * t + 1u)];
  __syncthreads();
  if (t < 8) {
    bins[(int)(blockIdx.x * 8u + t)] = c[t];
  }
}
