// KernelScript kernel 'matmulTiled' (CUDA C). Generated code: edit the TypeScript source instead.

extern "C" __global__ void matmulTiled(const float* __restrict__ a, const float* __restrict__ b, float* __restrict__ c, int m, int n, int k) {
  __shared__ float ta[256];
  __shared__ float tb[256];
  const int tx = (int)threadIdx.x;
  const int ty = (int)threadIdx.y;
  const int row = (int)blockIdx.y * 16 + ty;
  const int col = (int)blockIdx.x * 16 + tx;
  float sum = 0.0f;
  {
    int t = 0;
    for (; t < k; t = t + 16) {
      ta[ty * 16 + tx] = row < m && t + tx < k ? a[row * k + t + tx] : 0.0f;
      tb[ty * 16 + tx] = col < n && t + ty < k ? b[(t + ty) * n + col] : 0.0f;
      __syncthreads();
      {
        int p = 0;
        for (; p < 16; p = p + 1) {
          sum = sum + ta[ty * 16 + p] * tb[p * 16 + tx];
        }
      }
      __syncthreads();
    }
  }
  if (row < m && col < n) {
    c[row * n + col] = sum;
  }
}
