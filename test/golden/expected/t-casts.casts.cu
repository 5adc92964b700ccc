// KernelScript kernel 'casts' (CUDA C). Generated code: edit the TypeScript source instead.

extern "C" __global__ void casts(const float* __restrict__ f, const int* __restrict__ a, float* __restrict__ of, int* __restrict__ oi, unsigned int* __restrict__ ou, bool flip, int n) {
  const int i = (int)blockIdx.x * (int)blockDim.x + (int)threadIdx.x;
  if (i < n) {
    const float x = f[i];
    const int k = a[i];
    const int o = i * 4;
    oi[o] = (int)x;
    oi[o + 1] = (int)((unsigned int)k >> 1);
    oi[o + 2] = (int)(x > 0.0f) + (int)(k != 0) * 2;
    oi[o + 3] = flip ? -k : k;
    ou[o] = (unsigned int)k;
    ou[o + 1] = (unsigned int)fabsf(x);
    ou[o + 2] = (unsigned int)flip + (unsigned int)(x < 0.5f);
    ou[o + 3] = (unsigned int)((int)(x * 10.0f) & 255);
    of[o] = (float)k;
    of[o + 1] = (float)((unsigned int)k);
    of[o + 2] = x / 3.0f + (float)k;
    of[o + 3] = (float)k / 7.0f - (float)((int)x);
  }
}
