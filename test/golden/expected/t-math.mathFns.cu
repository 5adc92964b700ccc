// KernelScript kernel 'mathFns' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

static __device__ __forceinline__ float ks_round(float x) {
  const float r = floorf(x);
  return (x - r >= 0.5f) ? r + 1.0f : r;
}

extern "C" __global__ void mathFns(const float* __restrict__ xs, const float* __restrict__ ys, float* __restrict__ out, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) {
    const float x = xs[i];
    const float y = ys[i];
    const int o = (int)(i * 20u);
    out[o] = expf(x);
    out[(int)(o + 1u)] = logf(y);
    out[(int)(o + 2u)] = sqrtf(y);
    out[(int)(o + 3u)] = fabsf(x);
    out[(int)(o + 4u)] = fminf(x, y);
    out[(int)(o + 5u)] = fmaxf(x, y);
    out[(int)(o + 6u)] = powf(y, x);
    out[(int)(o + 7u)] = powf(x, 3.0f);
    out[(int)(o + 8u)] = floorf(x * 3.0f);
    out[(int)(o + 9u)] = ceilf(x * 3.0f);
    out[(int)(o + 10u)] = ks_round(floorf(x * 8.0f) * 0.5f);
    out[(int)(o + 11u)] = sinf(x);
    out[(int)(o + 12u)] = cosf(x);
    out[(int)(o + 13u)] = tanf(x);
    out[(int)(o + 14u)] = tanhf(x * 2.0f);
    out[(int)(o + 15u)] = atan2f(x, y);
    out[(int)(o + 16u)] = (float)((x > 0.0f) - (x < 0.0f));
    out[(int)(o + 17u)] = 3.1415927f * x + 2.7182817f;
    out[(int)(o + 18u)] = ks_round(x * 100.0f);
    out[(int)(o + 19u)] = powf(x, 2.0f);
  }
}
