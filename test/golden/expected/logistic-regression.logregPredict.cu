// KernelScript kernel 'logregPredict' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void logregPredict(const float* __restrict__ X, const float* __restrict__ w, float* __restrict__ p, int B, int D) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i >= B) {
    return;
  }
  float z = 0.0f;
  {
    int j = 0;
    for (; j < D; j = (int)(j + 1u)) {
      z = z + X[(int)((unsigned int)i * D + j)] * w[j];
    }
  }
  p[i] = 1.0f / (1.0f + expf(-z));
}
