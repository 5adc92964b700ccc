// KernelScript kernel 'floatAtomics' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void floatAtomics(const float* __restrict__ x, float* __restrict__ sums, int n) {
  __shared__ float part[1];
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if ((int)threadIdx.x == 0) {
    part[0] = 0.0f;
  }
  __syncthreads();
  if (i < n) {
    atomicAdd(&sums[0], x[i]);
    atomicAdd(&part[0], x[i] * x[i]);
  }
  __syncthreads();
  if ((int)threadIdx.x == 0) {
    atomicAdd(&sums[1], part[0]);
  }
}
