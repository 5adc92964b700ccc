// KernelScript kernel 'histogram' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void histogram(const int* __restrict__ keys, int* __restrict__ hist, int n) {
  __shared__ int local[16];
  const int t = (int)threadIdx.x;
  if (t < 16) {
    local[t] = 0;
  }
  __syncthreads();
  const int i = (int)(blockIdx.x * 128u + t);
  if (i < n) {
    const int key_1 = keys[i];
    atomicAdd(&local[key_1], 1);
  }
  __syncthreads();
  if (t < 16) {
    const int by_1 = local[t];
    atomicAdd(&hist[t], by_1);
  }
}
