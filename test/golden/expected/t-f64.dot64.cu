// KernelScript kernel 'dot64' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

static __device__ __forceinline__ float f32Of(double v) {
  return v * 0.5 > 0.0 ? 1.0f : -1.0f;
}

extern "C" __global__ void dot64(int k, double a, const double* __restrict__ x, const double* __restrict__ y, double* __restrict__ out, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) {
    double acc = 0.0;
    {
      int j = 0;
      for (; j < k; j = (int)(j + 1u)) {
        acc = acc + x[(int)((unsigned int)i * k + j)] * y[(int)((unsigned int)i * k + j)];
      }
    }
    const double v = x[(int)((unsigned int)i * k)];
    out[(int)(3u * i)] = a * acc + 0.1;
    out[(int)(3u * i + 1u)] = v + 100000000.0 - 100000000.0;
    const float s = f32Of(v);
    out[(int)(3u * i + 2u)] = exp(v) + sqrt(fabs(y[(int)((unsigned int)i * k)])) + (double)s + fmod((double)i, 0.3);
  }
}
