// KernelScript kernel 'values' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

static __device__ __forceinline__ float twice(float v) {
  return v * 2.0f;
}

static __device__ __forceinline__ float scale(float v, bool on, int times) {
  if (!on) {
    return v;
  }
  float r = v;
  {
    int t = 0;
    for (; t < times; t = (int)(t + 1u)) {
      r = twice(r);
    }
  }
  return r;
}

extern "C" __global__ void values(const float* __restrict__ x, float* __restrict__ out, bool on, int times, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i >= n) {
    return;
  }
  float window[4] = {};
  {
    int j = 0;
    #pragma unroll
    for (; j < 4; j = (int)(j + 1u)) {
      window[j] = x[(int)((unsigned int)i + j) % n];
    }
  }
  float best = -__int_as_float(0x7f800000);
  float worst = __int_as_float(0x7f800000);
  {
    int j_1 = 0;
    #pragma unroll
    for (; j_1 < 4; j_1 = (int)(j_1 + 1u)) {
      best = fmaxf(best, window[j_1]);
      worst = fminf(worst, window[j_1]);
    }
  }
  out[(int)(i * 4u)] = best;
  out[(int)(i * 4u + 1u)] = worst;
  out[(int)(i * 4u + 2u)] = scale(x[i], on, times);
  out[(int)(i * 4u + 3u)] = x[i] >= 0.0f && on ? x[i] : -x[i] * 0.5f;
}
