// KernelScript kernel 'intOps' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void intOps(const int* __restrict__ a, const int* __restrict__ b, int* __restrict__ out, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i >= n) {
    return;
  }
  const int x = a[i];
  const int y = b[i];
  const int o = (int)(i * 17u);
  out[o] = (int)((unsigned int)x + y);
  out[(int)(o + 1u)] = (int)((unsigned int)x - y);
  out[(int)(o + 2u)] = (int)((unsigned int)x * y);
  out[(int)(o + 3u)] = x / y;
  out[(int)(o + 4u)] = x % y;
  out[(int)(o + 5u)] = x & y;
  out[(int)(o + 6u)] = x | y;
  out[(int)(o + 7u)] = x ^ y;
  out[(int)(o + 8u)] = (int)((unsigned int)x << (y & 31));
  out[(int)(o + 9u)] = x >> (y & 31);
  out[(int)(o + 10u)] = (int)((unsigned int)x >> (y & 31));
  out[(int)(o + 11u)] = ~x;
  out[(int)(o + 12u)] = (int)(-(unsigned int)x);
  out[(int)(o + 13u)] = min(x, y);
  out[(int)(o + 14u)] = max(x, y);
  out[(int)(o + 15u)] = abs(x);
  out[(int)(o + 16u)] = (int)((float)(((float)x > 0.0f) - ((float)x < 0.0f)));
}
