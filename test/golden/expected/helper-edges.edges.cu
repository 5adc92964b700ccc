// KernelScript kernel 'edges' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

static __device__ __forceinline__ float poly(float v) {
  return v + 2.0f * v * 3.0f * v;
}

extern "C" __global__ void edges(const float* __restrict__ x, float* __restrict__ w, float* __restrict__ out, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) {
    const int off_1 = (int)(blockIdx.x * blockDim.x);
    const float lane_result = x[(int)(off_1 + threadIdx.x)];
    const int j_1 = (int)(i + 1u) % n;
    float pick_result = 0.0f;
    for (;;) {
      if (x[i] > x[j_1]) {
        pick_result = x[i] - x[j_1];
        break;
      } else {
        pick_result = x[j_1] + 1.0f;
        break;
      }
    }
    const int i_1 = (int)(i + 2u) % n;
    float pick_result_1 = 0.0f;
    for (;;) {
      if (x[i_1] > x[i]) {
        pick_result_1 = x[i_1] - x[i];
        break;
      } else {
        pick_result_1 = x[i] + 1.0f;
        break;
      }
    }
    float s = lane_result + pick_result * pick_result_1;
    int visits = 0;
    {
      int j = (int)(8u * i);
      for (;;) {
        if (!(j < (int)(8u * i + 8u))) break;
        visits = (int)(visits + 1u);
        int step_result = 0;
        for (;;) {
          const bool up_1 = w[j] > 0.0f;
          w[j] = w[j] + 10.0f;
          if (up_1) {
            step_result = (int)(j + 2u);
            break;
          }
          step_result = (int)(j + 1u);
          break;
        }
        j = step_result;
      }
    }
    s = s + (poly(x[i]) + (float)visits);
    out[i] = s;
  }
}
