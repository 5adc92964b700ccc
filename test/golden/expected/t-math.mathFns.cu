// KernelScript kernel 'mathFns' (CUDA C). Generated code: edit the TypeScript source instead.

static __device__ __forceinline__ float ks_round(float x) {
  const float r = floorf(x);
  return (x - r >= 0.5f) ? r + 1.0f : r;
}

extern "C" __global__ void mathFns(const float* __restrict__ xs, const float* __restrict__ ys, float* __restrict__ out, int n) {
  const int i = (int)blockIdx.x * (int)blockDim.x + (int)threadIdx.x;
  if (i < n) {
    const float x = xs[i];
    const float y = ys[i];
    const int o = i * 20;
    out[o] = expf(x);
    out[o + 1] = logf(y);
    out[o + 2] = sqrtf(y);
    out[o + 3] = fabsf(x);
    out[o + 4] = fminf(x, y);
    out[o + 5] = fmaxf(x, y);
    out[o + 6] = powf(y, x);
    out[o + 7] = powf(x, 3.0f);
    out[o + 8] = floorf(x * 3.0f);
    out[o + 9] = ceilf(x * 3.0f);
    out[o + 10] = ks_round(floorf(x * 8.0f) * 0.5f);
    out[o + 11] = sinf(x);
    out[o + 12] = cosf(x);
    out[o + 13] = tanf(x);
    out[o + 14] = tanhf(x * 2.0f);
    out[o + 15] = atan2f(x, y);
    out[o + 16] = (float)((x > 0.0f) - (x < 0.0f));
    out[o + 17] = 3.1415927f * x + 2.7182817f;
    out[o + 18] = ks_round(x * 100.0f);
    out[o + 19] = powf(x, 2.0f);
  }
}
