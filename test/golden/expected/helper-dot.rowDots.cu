// KernelScript kernel 'rowDots' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void rowDots(const float* __restrict__ a, const float* __restrict__ b, float* __restrict__ out, int* __restrict__ first, int rows, int m, float v) {
  const int r = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (r < rows) {
    const int off_1 = (int)((unsigned int)r * m);
    float s_1 = 0.0f;
    {
      int j_1 = 0;
      for (; j_1 < m; j_1 = (int)(j_1 + 1u)) {
        s_1 = s_1 + a[(int)((unsigned int)off_1 + j_1)] * b[(int)((unsigned int)off_1 + j_1)];
      }
    }
    const float dot_result = s_1;
    const int off_2 = (int)((unsigned int)r * m);
    float s_2 = 0.0f;
    {
      int j_2 = 0;
      for (; j_2 < m; j_2 = (int)(j_2 + 1u)) {
        s_2 = s_2 + a[(int)((unsigned int)off_2 + j_2)] * a[(int)((unsigned int)off_2 + j_2)];
      }
    }
    const float dot_result_1 = s_2;
    out[r] = dot_result * 0.5f + dot_result_1;
    const int off_3 = (int)((unsigned int)r * m);
    int firstAbove_result = 0;
    bool firstAbove_done = false;
    for (;;) {
      {
        int j_3 = 0;
        for (; j_3 < m; j_3 = (int)(j_3 + 1u)) {
          if (b[(int)((unsigned int)off_3 + j_3)] > v) {
            firstAbove_result = j_3;
            firstAbove_done = true;
            break;
          }
        }
        if (firstAbove_done) {
          break;
        }
      }
      firstAbove_result = -1;
      break;
    }
    first[r] = firstAbove_result;
  }
}
