// KernelScript kernel 'casts' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void casts(const float* __restrict__ f, const int* __restrict__ a, float* __restrict__ of, int* __restrict__ oi, unsigned int* __restrict__ ou, bool flip, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) {
    const float x = f[i];
    const int k = a[i];
    const int o = (int)(i * 4u);
    oi[o] = (int)x;
    oi[(int)(o + 1u)] = (int)((unsigned int)k >> 1);
    oi[(int)(o + 2u)] = (int)((int)(x > 0.0f) + (int)(k != 0) * 2u);
    oi[(int)(o + 3u)] = flip ? (int)(-(unsigned int)k) : k;
    ou[o] = (unsigned int)k;
    ou[(int)(o + 1u)] = (unsigned int)fabsf(x);
    ou[(int)(o + 2u)] = (unsigned int)flip + (unsigned int)(x < 0.5f);
    ou[(int)(o + 3u)] = (unsigned int)((int)(x * 10.0f) & 255);
    of[o] = (float)k;
    of[(int)(o + 1u)] = (float)((unsigned int)k);
    of[(int)(o + 2u)] = x / 3.0f + (float)k;
    of[(int)(o + 3u)] = (float)k / 7.0f - (float)((int)x);
  }
}
