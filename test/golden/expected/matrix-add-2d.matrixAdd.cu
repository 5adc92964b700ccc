// KernelScript kernel 'matrixAdd' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void matrixAdd(const float* __restrict__ a, const float* __restrict__ b, float* __restrict__ c, int rows, int cols, float alpha) {
  const int col = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  const int row = (int)(blockIdx.y * blockDim.y + threadIdx.y);
  if (row < rows && col < cols) {
    const int k = (int)((unsigned int)row * cols + col);
    c[k] = a[k] + alpha * b[k];
  }
}
