// KernelScript kernel 'matmulNaive' (CUDA C). Generated code: edit the TypeScript source instead.

extern "C" __global__ void matmulNaive(const float* __restrict__ a, const float* __restrict__ b, float* __restrict__ c, int m, int n, int k) {
  const int row = (int)blockIdx.y * (int)blockDim.y + (int)threadIdx.y;
  const int col = (int)blockIdx.x * (int)blockDim.x + (int)threadIdx.x;
  if (row >= m || col >= n) {
    return;
  }
  float sum = 0.0f;
  {
    int p = 0;
    for (; p < k; p = p + 1) {
      sum = sum + a[row * k + p] * b[p * n + col];
    }
  }
  c[row * n + col] = sum;
}
