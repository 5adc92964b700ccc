// KernelScript kernel 'vectorAdd' (CUDA C). Generated code: edit the TypeScript source instead.

extern "C" __global__ void vectorAdd(const float* __restrict__ a, const float* __restrict__ b, float* __restrict__ c, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) {
    c[i] = a[i] + b[i];
  }
}
