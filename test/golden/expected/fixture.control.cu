// KernelScript kernel 'control' (CUDA C). Generated code: edit the TypeScript source instead.
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

extern "C" __global__ void control(const float* __restrict__ X, float* __restrict__ O, int* __restrict__ OI, bool flag, int m, int n) {
  const int gi = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (gi >= n) {
    return;
  }
  int acc = 0;
  {
    int j = 0;
    for (; j < gi % 37; j = (int)(j + 1u)) {
      if ((j & 1) == 0) {
        continue;
      }
      acc = (int)((unsigned int)acc + j);
    }
  }
  OI[(int)(gi * 4u)] = acc;
  int v = (int)(gi + 1u);
  int steps = 0;
  for (;;) {
    if (v == 1 || steps >= 50) {
      break;
    }
    v = v % 2 == 0 ? v / 2 : (int)(v * 3u + 1u);
    steps = (int)(steps + 1u);
  }
  OI[(int)(gi * 4u + 1u)] = steps;
  int k = 0;
  int evens = 0;
  do {
    k = (int)(k + 1u);
    if (k % 2 != 0) {
      continue;
    }
    evens = (int)(evens + 1u);
  } while (k < gi % 11);
  OI[(int)(gi * 4u + 2u)] = evens;
  int p = 0;
  int q = 0;
  for (;;) {
    if (!(p < 10)) break;
    {
      if (p == 3) {
        goto ks_continue_1;
      }
      q = (int)((unsigned int)q + p);
    }
    ks_continue_1:;
    if (p < 5) {
      p = (int)(p + 1u);
    } else {
      p = (int)(p + 2u);
    }
  }
  OI[(int)(gi * 4u + 3u)] = q;
  float w[4] = {};
  {
    int j = 0;
    #pragma unroll
    for (; j < 4; j = (int)(j + 1u)) {
      w[j] = X[(int)((unsigned int)gi + j) % n];
    }
  }
  float best = -__int_as_float(0x7f800000);
  {
    int j2 = 0;
    #pragma unroll
    for (; j2 < 4; j2 = (int)(j2 + 1u)) {
      best = fmaxf(best, w[j2]);
    }
  }
  O[(int)(gi * 3u)] = best;
  O[(int)(gi * 3u + 1u)] = scale(X[gi], flag, m);
  O[(int)(gi * 3u + 2u)] = !(X[gi] < 0.0f) ? __int_as_float(0x7f800000) : -1.5f;
}
