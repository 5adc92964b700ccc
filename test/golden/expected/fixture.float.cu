// KernelScript kernel 'float' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

static __device__ __forceinline__ float loop(float int_) {
  return int_ * int_;
}

extern "C" __global__ void float_(const float* __restrict__ select_, float* __restrict__ var, int u_ks_n, float this_) {
  const int threadIdx_ = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (threadIdx_ >= u_ks_n) {
    return;
  }
  const float min_ = select_[threadIdx_];
  const float Math = loop(min_);
  const float u__x = Math + this_;
  var[threadIdx_] = u__x;
}
