// KernelScript kernel 'softmaxRows' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void softmaxRows(const float* __restrict__ x, float* __restrict__ y, int cols) {
  __shared__ float red[128];
  const int t = (int)threadIdx.x;
  const int base = (int)(blockIdx.x * cols);
  float m = x[base];
  {
    int c = t;
    for (; c < cols; c = (int)(c + 128u)) {
      m = fmaxf(m, x[(int)((unsigned int)base + c)]);
    }
  }
  red[t] = m;
  __syncthreads();
  {
    int s = 64;
    for (; s > 0; s = s >> 1) {
      if (t < s) {
        red[t] = fmaxf(red[t], red[(int)((unsigned int)t + s)]);
      }
      __syncthreads();
    }
  }
  const float rowMax = red[0];
  __syncthreads();
  float sum = 0.0f;
  {
    int c_1 = t;
    for (; c_1 < cols; c_1 = (int)(c_1 + 128u)) {
      sum = sum + expf(x[(int)((unsigned int)base + c_1)] - rowMax);
    }
  }
  red[t] = sum;
  __syncthreads();
  {
    int s_1 = 64;
    for (; s_1 > 0; s_1 = s_1 >> 1) {
      if (t < s_1) {
        red[t] = red[t] + red[(int)((unsigned int)t + s_1)];
      }
      __syncthreads();
    }
  }
  const float total = red[0];
  {
    int c_2 = t;
    for (; c_2 < cols; c_2 = (int)(c_2 + 128u)) {
      y[(int)((unsigned int)base + c_2)] = expf(x[(int)((unsigned int)base + c_2)] - rowMax) / total;
    }
  }
}
