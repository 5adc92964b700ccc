// KernelScript kernel 'float' (CUDA C). Generated code: edit the TypeScript source instead.

static __device__ __forceinline__ float loop(float int_) {
  return int_ * int_;
}

extern "C" __global__ void float_(const float* __restrict__ select, float* __restrict__ var, int u_ks_n, float this_) {
  const int threadIdx_ = (int)blockIdx.x * (int)blockDim.x + (int)threadIdx.x;
  if (threadIdx_ >= u_ks_n) {
    return;
  }
  const float min_ = select[threadIdx_];
  const float Math = loop(min_);
  const float __x = Math + this_;
  var[threadIdx_] = __x;
}
