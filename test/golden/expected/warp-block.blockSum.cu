// KernelScript kernel 'blockSum' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

static __device__ __forceinline__ float ks_warp_add_f32(float v) {
  for (int s = 16; s > 0; s >>= 1) v = v + __shfl_xor_sync(0xffffffffu, v, s);
  return v;
}

extern "C" __global__ void blockSum(const float* __restrict__ x, float* __restrict__ out, int n) {
  __shared__ float part[32];
  float v = 0.0f;
  {
    int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
    for (; i < n; i = (int)(i + blockDim.x * 4u)) {
      v = v + x[i];
    }
  }
  v = ks_warp_add_f32(v);
  if (((int)threadIdx.x & 31) == 0) {
    part[(int)threadIdx.x / 32] = v;
  }
  __syncthreads();
  if ((int)threadIdx.x < 32) {
    const int warps = (int)blockDim.x / 32;
    const float p = (int)threadIdx.x < warps ? part[(int)threadIdx.x] : 0.0f;
    const float s = ks_warp_add_f32(p);
    if (((int)threadIdx.x & 31) == 0) {
      atomicAdd(&out[(int)blockIdx.x], s);
    }
  }
}
