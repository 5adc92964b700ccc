// KernelScript kernel 'scanBlock' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void scanBlock(const float* __restrict__ x, float* __restrict__ y, int n) {
  __shared__ float buf[512];
  const int t = (int)threadIdx.x;
  const int i = (int)(blockIdx.x * 256u + t);
  buf[t] = i < n ? x[i] : 0.0f;
  __syncthreads();
  int src = 0;
  {
    int offset = 1;
    for (; offset < 256; offset = (int)(offset * 2u)) {
      const int dst = (int)(1u - src);
      float v = buf[(int)(src * 256u + t)];
      if (t >= offset) {
        v = v + buf[(int)(src * 256u + t - offset)];
      }
      buf[(int)(dst * 256u + t)] = v;
      __syncthreads();
      src = dst;
    }
  }
  if (i < n) {
    y[i] = buf[(int)(src * 256u + t)];
  }
}
