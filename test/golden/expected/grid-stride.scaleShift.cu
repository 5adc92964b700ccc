// KernelScript kernel 'scaleShift' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void scaleShift(const float* __restrict__ x, float* __restrict__ y, int n, float scale, float shift) {
  const int stride = (int)(blockDim.x * gridDim.x);
  {
    int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
    for (; i < n; i = (int)((unsigned int)i + stride)) {
      y[i] = x[i] * scale + shift;
    }
  }
}
