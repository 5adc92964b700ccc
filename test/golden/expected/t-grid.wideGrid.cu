// KernelScript kernel 'wideGrid' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void wideGrid(int* __restrict__ out, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) {
    out[i] = (int)(((int)blockIdx.x ^ 21845) + gridDim.x * 3u + blockIdx.y + gridDim.y);
  }
}
