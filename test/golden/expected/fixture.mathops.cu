// KernelScript kernel 'mathops' (CUDA C). Generated code: edit the TypeScript source instead.

static __device__ __forceinline__ float ks_round(float x) {
  const float r = floorf(x);
  return (x - r >= 0.5f) ? r + 1.0f : r;
}

extern "C" __global__ void mathops(const float* __restrict__ X, const float* __restrict__ Y, float* __restrict__ O, int n) {
  const int gi = (int)blockIdx.x * (int)blockDim.x + (int)threadIdx.x;
  if (gi < n) {
    const float x = X[gi];
    const float y = Y[gi];
    O[gi * 19 + 0] = expf(x);
    O[gi * 19 + 1] = logf(fabsf(x) + 0.5f);
    O[gi * 19 + 2] = sqrtf(fabsf(x));
    O[gi * 19 + 3] = fabsf(x);
    O[gi * 19 + 4] = fminf(x, y);
    O[gi * 19 + 5] = fmaxf(x, y);
    O[gi * 19 + 6] = powf(fabsf(x) + 0.1f, y);
    O[gi * 19 + 7] = powf(x, 3.0f);
    O[gi * 19 + 8] = floorf(x * 3.0f);
    O[gi * 19 + 9] = ceilf(x * 3.0f);
    O[gi * 19 + 10] = ks_round(floorf(x * 8.0f) * 0.5f);
    O[gi * 19 + 11] = sinf(x);
    O[gi * 19 + 12] = cosf(x);
    O[gi * 19 + 13] = tanf(x);
    O[gi * 19 + 14] = tanhf(x * 2.0f);
    O[gi * 19 + 15] = atan2f(x, y);
    O[gi * 19 + 16] = (float)((x > 0.0f) - (x < 0.0f));
    O[gi * 19 + 17] = 3.1415927f * x;
    O[gi * 19 + 18] = fmodf(x * 7.0f, y);
  }
}
