// KernelScript kernel 'matmulTiled' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void matmulTiled(const float* __restrict__ a, const float* __restrict__ b, float* __restrict__ c, int m, int n, int k) {
  __shared__ float ta[256];
  __shared__ float tb[256];
  const int tx = (int)threadIdx.x;
  const int ty = (int)threadIdx.y;
  const int row = (int)(blockIdx.y * 16u + ty);
  const int col = (int)(blockIdx.x * 16u + tx);
  float sum = 0.0f;
  {
    int t = 0;
    for (; t < k; t = (int)(t + 16u)) {
      ta[(int)(ty * 16u + tx)] = row < m && (int)((unsigned int)t + tx) < k ? a[(int)((unsigned int)row * k + t + tx)] : 0.0f;
      tb[(int)(ty * 16u + tx)] = col < n && (int)((unsigned int)t + ty) < k ? b[(int)(((unsigned int)t + ty) * n + col)] : 0.0f;
      __syncthreads();
      {
        int p = 0;
        #pragma unroll
        for (; p < 16; p = (int)(p + 1u)) {
          sum = sum + ta[(int)(ty * 16u + p)] * tb[(int)(p * 16u + tx)];
        }
      }
      __syncthreads();
    }
  }
  if (row < m && col < n) {
    c[(int)((unsigned int)row * n + col)] = sum;
  }
}
