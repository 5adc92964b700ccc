// KernelScript kernel 'matmulNaive' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void matmulNaive(const float* __restrict__ a, const float* __restrict__ b, float* __restrict__ c, int m, int n, int k) {
  const int row = (int)(blockIdx.y * blockDim.y + threadIdx.y);
  const int col = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (row >= m || col >= n) {
    return;
  }
  float sum = 0.0f;
  {
    int p = 0;
    for (; p < k; p = (int)(p + 1u)) {
      sum = sum + a[(int)((unsigned int)row * k + p)] * b[(int)((unsigned int)p * n + col)];
    }
  }
  c[(int)((unsigned int)row * n + col)] = sum;
}
