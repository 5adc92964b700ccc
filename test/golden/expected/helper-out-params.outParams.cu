// KernelScript kernel 'outParams' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void outParams(const float* __restrict__ a, float* __restrict__ mm, float* __restrict__ spread, int* __restrict__ flags, int rows, int w, int h, float v) {
  const int r = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (r < rows) {
    const int m = (int)((unsigned int)w * h);
    const int off_1 = (int)((unsigned int)r * m);
    const int o_1 = (int)(2u * r);
    float lo_1 = a[off_1];
    float hi_1 = a[off_1];
    {
      int j_1 = 1;
      for (; j_1 < m; j_1 = (int)(j_1 + 1u)) {
        lo_1 = fminf(lo_1, a[(int)((unsigned int)off_1 + j_1)]);
        hi_1 = fmaxf(hi_1, a[(int)((unsigned int)off_1 + j_1)]);
      }
    }
    mm[o_1] = lo_1;
    mm[(int)(o_1 + 1u)] = hi_1;
    float t[2] = {};
    const int off_2 = (int)((unsigned int)r * m);
    float lo_2 = a[off_2];
    float hi_2 = a[off_2];
    {
      int j_2 = 1;
      for (; j_2 < m; j_2 = (int)(j_2 + 1u)) {
        lo_2 = fminf(lo_2, a[(int)((unsigned int)off_2 + j_2)]);
        hi_2 = fmaxf(hi_2, a[(int)((unsigned int)off_2 + j_2)]);
      }
    }
    t[0] = lo_2;
    t[1] = hi_2;
    float u[2] = {};
    {
      int j_3 = 0;
      #pragma unroll
      for (; j_3 < 2; j_3 = (int)(j_3 + 1u)) {
        u[j_3] = t[j_3] * 3.0f;
      }
    }
    spread[r] = u[1] - u[0];
    const int off_3 = (int)((unsigned int)r * m);
    bool markFirst_done = false;
    for (;;) {
      {
        int y_1 = 0;
        for (; y_1 < h; y_1 = (int)(y_1 + 1u)) {
          {
            int x_1 = 0;
            for (; x_1 < w; x_1 = (int)(x_1 + 1u)) {
              if (a[(int)(off_3 + (unsigned int)y_1 * w + x_1)] > v) {
                flags[(int)(off_3 + (unsigned int)y_1 * w + x_1)] = (int)(flags[(int)(off_3 + (unsigned int)y_1 * w + x_1)] + 1u);
                markFirst_done = true;
                break;
              }
            }
            if (markFirst_done) {
              break;
            }
          }
        }
        if (markFirst_done) {
          break;
        }
      }
      flags[off_3] = (int)(-(unsigned int)flags[off_3]);
      break;
    }
  }
}
