// KernelScript kernel 'softmaxRows' (CUDA C). Generated code: edit the TypeScript source instead.

extern "C" __global__ void softmaxRows(const float* __restrict__ x, float* __restrict__ y, int cols) {
  __shared__ float red[128];
  const int t = (int)threadIdx.x;
  const int base = (int)blockIdx.x * cols;
  float m = x[base];
  {
    int c = t;
    for (; c < cols; c = c + 128) {
      m = fmaxf(m, x[base + c]);
    }
  }
  red[t] = m;
  __syncthreads();
  {
    int s = 64;
    for (; s > 0; s = s >> 1) {
      if (t < s) {
        red[t] = fmaxf(red[t], red[t + s]);
      }
      __syncthreads();
    }
  }
  const float rowMax = red[0];
  __syncthreads();
  float sum = 0.0f;
  {
    int c_1 = t;
    for (; c_1 < cols; c_1 = c_1 + 128) {
      sum = sum + expf(x[base + c_1] - rowMax);
    }
  }
  red[t] = sum;
  __syncthreads();
  {
    int s_1 = 64;
    for (; s_1 > 0; s_1 = s_1 >> 1) {
      if (t < s_1) {
        red[t] = red[t] + red[t + s_1];
      }
      __syncthreads();
    }
  }
  const float total = red[0];
  {
    int c_2 = t;
    for (; c_2 < cols; c_2 = c_2 + 128) {
      y[base + c_2] = expf(x[base + c_2] - rowMax) / total;
    }
  }
}
