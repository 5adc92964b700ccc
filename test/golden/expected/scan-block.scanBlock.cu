// KernelScript kernel 'scanBlock' (CUDA C). Generated code: edit the TypeScript source instead.

extern "C" __global__ void scanBlock(const float* __restrict__ x, float* __restrict__ y, int n) {
  __shared__ float buf[512];
  const int t = (int)threadIdx.x;
  const int i = (int)blockIdx.x * 256 + t;
  buf[t] = i < n ? x[i] : 0.0f;
  __syncthreads();
  int src = 0;
  {
    int offset = 1;
    for (; offset < 256; offset = offset * 2) {
      const int dst = 1 - src;
      float v = buf[src * 256 + t];
      if (t >= offset) {
        v = v + buf[src * 256 + t - offset];
      }
      buf[dst * 256 + t] = v;
      __syncthreads();
      src = dst;
    }
  }
  if (i < n) {
    y[i] = buf[src * 256 + t];
  }
}
