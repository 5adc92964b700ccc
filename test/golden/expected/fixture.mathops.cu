// KernelScript kernel 'mathops' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

static __device__ __forceinline__ float ks_round(float x) {
  const float r = floorf(x);
  return (x - r >= 0.5f) ? r + 1.0f : r;
}

extern "C" __global__ void mathops(const float* __restrict__ X, const float* __restrict__ Y, float* __restrict__ O, int n) {
  const int gi = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (gi < n) {
    const float x = X[gi];
    const float y = Y[gi];
    O[(int)(gi * 19u + 0u)] = expf(x);
    O[(int)(gi * 19u + 1u)] = logf(fabsf(x) + 0.5f);
    O[(int)(gi * 19u + 2u)] = sqrtf(fabsf(x));
    O[(int)(gi * 19u + 3u)] = fabsf(x);
    O[(int)(gi * 19u + 4u)] = fminf(x, y);
    O[(int)(gi * 19u + 5u)] = fmaxf(x, y);
    O[(int)(gi * 19u + 6u)] = powf(fabsf(x) + 0.1f, y);
    O[(int)(gi * 19u + 7u)] = powf(x, 3.0f);
    O[(int)(gi * 19u + 8u)] = floorf(x * 3.0f);
    O[(int)(gi * 19u + 9u)] = ceilf(x * 3.0f);
    O[(int)(gi * 19u + 10u)] = ks_round(floorf(x * 8.0f) * 0.5f);
    O[(int)(gi * 19u + 11u)] = sinf(x);
    O[(int)(gi * 19u + 12u)] = cosf(x);
    O[(int)(gi * 19u + 13u)] = tanf(x);
    O[(int)(gi * 19u + 14u)] = tanhf(x * 2.0f);
    O[(int)(gi * 19u + 15u)] = atan2f(x, y);
    O[(int)(gi * 19u + 16u)] = (float)((x > 0.0f) - (x < 0.0f));
    O[(int)(gi * 19u + 17u)] = 3.1415927f * x;
    O[(int)(gi * 19u + 18u)] = fmodf(x * 7.0f, y);
  }
}
