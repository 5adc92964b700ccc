// KernelScript kernel 'intOps' (CUDA C). Generated code: edit the TypeScript source instead.

extern "C" __global__ void intOps(const int* __restrict__ a, const int* __restrict__ b, int* __restrict__ out, int n) {
  const int i = (int)blockIdx.x * (int)blockDim.x + (int)threadIdx.x;
  if (i >= n) {
    return;
  }
  const int x = a[i];
  const int y = b[i];
  const int o = i * 17;
  out[o] = x + y;
  out[o + 1] = x - y;
  out[o + 2] = x * y;
  out[o + 3] = x / y;
  out[o + 4] = x % y;
  out[o + 5] = x & y;
  out[o + 6] = x | y;
  out[o + 7] = x ^ y;
  out[o + 8] = x << (y & 31);
  out[o + 9] = x >> (y & 31);
  out[o + 10] = (int)((unsigned int)x >> (y & 31));
  out[o + 11] = ~x;
  out[o + 12] = -x;
  out[o + 13] = min(x, y);
  out[o + 14] = max(x, y);
  out[o + 15] = abs(x);
  out[o + 16] = (int)((float)(((float)x > 0.0f) - ((float)x < 0.0f)));
}
