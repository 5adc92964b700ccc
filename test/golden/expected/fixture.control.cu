// KernelScript kernel 'control' (CUDA C). Generated code: edit the TypeScript source instead.

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
    for (; t < times; t = t + 1) {
      r = twice(r);
    }
  }
  return r;
}

extern "C" __global__ void control(const float* __restrict__ X, float* __restrict__ O, int* __restrict__ OI, bool flag, int m, int n) {
  const int gi = (int)blockIdx.x * (int)blockDim.x + (int)threadIdx.x;
  if (gi >= n) {
    return;
  }
  int acc = 0;
  {
    int j = 0;
    for (; j < gi % 37; j = j + 1) {
      if ((j & 1) == 0) {
        continue;
      }
      acc = acc + j;
    }
  }
  OI[gi * 4] = acc;
  int v = gi + 1;
  int steps = 0;
  for (;;) {
    if (v == 1 || steps >= 50) {
      break;
    }
    v = v % 2 == 0 ? v / 2 : v * 3 + 1;
    steps = steps + 1;
  }
  OI[gi * 4 + 1] = steps;
  int k = 0;
  int evens = 0;
  do {
    k = k + 1;
    if (k % 2 != 0) {
      continue;
    }
    evens = evens + 1;
  } while (k < gi % 11);
  OI[gi * 4 + 2] = evens;
  int p = 0;
  int q = 0;
  for (;;) {
    if (!(p < 10)) break;
    {
      if (p == 3) {
        goto ks_continue_1;
      }
      q = q + p;
    }
    ks_continue_1:;
    if (p < 5) {
      p = p + 1;
    } else {
      p = p + 2;
    }
  }
  OI[gi * 4 + 3] = q;
  float w[4] = {};
  {
    int j = 0;
    for (; j < 4; j = j + 1) {
      w[j] = X[(gi + j) % n];
    }
  }
  float best = -__int_as_float(0x7f800000);
  {
    int j2 = 0;
    for (; j2 < 4; j2 = j2 + 1) {
      best = fmaxf(best, w[j2]);
    }
  }
  O[gi * 3] = best;
  O[gi * 3 + 1] = scale(X[gi], flag, m);
  O[gi * 3 + 2] = !(X[gi] < 0.0f) ? __int_as_float(0x7f800000) : -1.5f;
}
