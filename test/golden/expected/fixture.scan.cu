// KernelScript kernel 'scan' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void scan(const float* __restrict__ x, float* __restrict__ y, int n) {
  __shared__ float s[64];
  const int gi = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  s[(int)threadIdx.x] = gi < n ? x[gi] : 0.0f;
  __syncthreads();
  int off = 1;
  for (; off < (int)blockDim.x; off = (int)((unsigned int)off << 1)) {
    float v = 0.0f;
    if ((int)threadIdx.x >= off) {
      v = s[(int)(threadIdx.x - off)];
    }
    __syncthreads();
    s[(int)threadIdx.x] = s[(int)threadIdx.x] + v;
    __syncthreads();
  }
  if (gi < n) {
    y[gi] = s[(int)threadIdx.x];
  }
}
