// KernelScript kernel 'uintOps' (CUDA C). Generated code: edit the TypeScript source instead.

extern "C" __global__ void uintOps(const unsigned int* __restrict__ a, const unsigned int* __restrict__ b, const int* __restrict__ s, unsigned int* __restrict__ out, int n) {
  const int i = (int)blockIdx.x * (int)blockDim.x + (int)threadIdx.x;
  if (i < n) {
    const unsigned int x = a[i];
    const unsigned int y = b[i];
    const int sh = s[i];
    const int o = i * 17;
    out[o] = x + y;
    out[o + 1] = x - y;
    out[o + 2] = x * y;
    out[o + 3] = x / y;
    out[o + 4] = x % y;
    out[o + 5] = x & y;
    out[o + 6] = x | y;
    out[o + 7] = x ^ y;
    out[o + 8] = x << (sh & 31);
    out[o + 9] = x >> (sh & 31);
    out[o + 10] = x >> (y & 31);
    out[o + 11] = ~x;
    out[o + 12] = x * 2654435761u;
    out[o + 13] = min(x, y);
    out[o + 14] = max(x, y);
    out[o + 15] = (x << 7) | (x >> 25);
    out[o + 16] = x - 4000000000u;
  }
}
