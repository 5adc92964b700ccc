// KernelScript kernel 'order' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void order(float* __restrict__ x, float* __restrict__ out, int* __restrict__ calls, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) {
    const float tmp = x[i];
    const float old_1 = x[i];
    x[i] = old_1 * 2.0f + 1.0f;
    const float bump_result = old_1;
    const float a = tmp - bump_result * x[i];
    bool cond = x[i] > 0.0f;
    if (cond) {
      const float old_2 = x[i];
      x[i] = old_2 * 2.0f + 0.5f;
      const float bump_result_1 = old_2;
      cond = bump_result_1 > 1.0f;
    }
    float pick = 0.0f;
    if (cond) {
      const float old_3 = x[i];
      x[i] = old_3 * 2.0f + -1.0f;
      const float bump_result_2 = old_3;
      pick = bump_result_2;
    } else {
      const float tmp_1 = x[i];
      const float old_4 = x[i];
      x[i] = old_4 * 2.0f + 2.0f;
      const float bump_result_3 = old_4;
      pick = tmp_1 + bump_result_3;
    }
    const float b = pick;
    int k = 0;
    for (;;) {
      const float old_5 = x[i];
      x[i] = old_5 * 2.0f + 0.0f;
      const float bump_result_4 = old_5;
      if (!(bump_result_4 < 40.0f && k < 3)) {
        break;
      }
      k = (int)(k + 1u);
    }
    {
      int j = 0;
      for (; ; j = (int)(j + 1u)) {
        const float old_6 = x[i];
        x[i] = old_6 * 2.0f + -0.5f;
        const float bump_result_5 = old_6;
        if (!(fabsf(bump_result_5) < 200.0f && j < 4)) {
          break;
        }
        k = (int)(k + 10u);
      }
    }
    bool more = false;
    for (;;) {
      k = (int)(k + 100u);
      const float old_7 = x[i];
      x[i] = old_7 * 2.0f + 0.25f;
      const float bump_result_6 = old_7;
      more = bump_result_6 < 50.0f && k < 500;
      if (!(more)) break;
    }
    const float tmp_2 = (float)atomicAdd(&calls[i], 1);
    const float old_8 = x[i];
    x[i] = old_8 * 2.0f + 0.0f;
    const float bump_result_7 = old_8;
    const float c = tmp_2 + bump_result_7 + (float)calls[i];
    out[i] = a + b * 3.0f + (float)k + c;
    const float tmp_3 = x[i];
    const float old_9 = x[i];
    x[i] = old_9 * 2.0f + 0.5f;
    const float bump_result_8 = old_9;
    x[i] = tmp_3 + bump_result_8;
  }
}
