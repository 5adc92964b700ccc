// KernelScript kernel 'matrixAdd' (CUDA C). Generated code: edit the TypeScript source instead.

extern "C" __global__ void matrixAdd(const float* __restrict__ a, const float* __restrict__ b, float* __restrict__ c, int rows, int cols, float alpha) {
  const int col = (int)blockIdx.x * (int)blockDim.x + (int)threadIdx.x;
  const int row = (int)blockIdx.y * (int)blockDim.y + (int)threadIdx.y;
  if (row < rows && col < cols) {
    const int k = row * cols + col;
    c[k] = a[k] + alpha * b[k];
  }
}
