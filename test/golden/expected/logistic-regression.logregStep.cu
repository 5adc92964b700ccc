// KernelScript kernel 'logregStep' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void logregStep(const float* __restrict__ X, const float* __restrict__ y, const float* __restrict__ p, float* __restrict__ w, float rate, int B, int D) {
  const int j = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (j >= D) {
    return;
  }
  float g = 0.0f;
  {
    int i = 0;
    for (; i < B; i = (int)(i + 1u)) {
      g = g + X[(int)((unsigned int)i * D + j)] * (y[i] - p[i]);
    }
  }
  w[j] = w[j] + rate * (g / (float)B);
}
