// KernelScript kernel 'uintOps' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void uintOps(const unsigned int* __restrict__ a, const unsigned int* __restrict__ b, const int* __restrict__ s, unsigned int* __restrict__ out, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) {
    const unsigned int x = a[i];
    const unsigned int y = b[i];
    const int sh = s[i];
    const int o = (int)(i * 17u);
    out[o] = x + y;
    out[(int)(o + 1u)] = x - y;
    out[(int)(o + 2u)] = x * y;
    out[(int)(o + 3u)] = x / y;
    out[(int)(o + 4u)] = x % y;
    out[(int)(o + 5u)] = x & y;
    out[(int)(o + 6u)] = x | y;
    out[(int)(o + 7u)] = x ^ y;
    out[(int)(o + 8u)] = x << (sh & 31);
    out[(int)(o + 9u)] = x >> (sh & 31);
    out[(int)(o + 10u)] = x >> (y & 31);
    out[(int)(o + 11u)] = ~x;
    out[(int)(o + 12u)] = x * 2654435761u;
    out[(int)(o + 13u)] = min(x, y);
    out[(int)(o + 14u)] = max(x, y);
    out[(int)(o + 15u)] = (x << 7) | (x >> 25);
    out[(int)(o + 16u)] = x - 4000000000u;
  }
}
