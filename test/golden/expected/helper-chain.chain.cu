// KernelScript kernel 'chain' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void chain(float a, float* __restrict__ x, float* __restrict__ y, float* __restrict__ sums, int rows, int m) {
  const int r = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (r < rows) {
    const int off_1 = (int)((unsigned int)r * m);
    {
      int j_1 = 0;
      for (; j_1 < m; j_1 = (int)(j_1 + 1u)) {
        const int i_1 = (int)((unsigned int)off_1 + j_1);
        y[i_1] = a * x[i_1] + y[i_1];
      }
    }
    const float a_1 = -0.5f * a;
    {
      int j_2 = 0;
      for (; j_2 < m; j_2 = (int)(j_2 + 1u)) {
        const int i_2 = (int)((unsigned int)off_1 + j_2);
        x[i_2] = a_1 * y[i_2] + x[i_2];
      }
    }
    float s_1 = 0.0f;
    {
      int j_3 = 0;
      for (; j_3 < m; j_3 = (int)(j_3 + 1u)) {
        const int i_3 = (int)((unsigned int)off_1 + j_3);
        const float at_result = y[i_3];
        s_1 = s_1 + at_result;
      }
    }
    const float sumRange_result = s_1;
    const float twice_result = sumRange_result;
    const int off_2 = (int)((unsigned int)r * m);
    float s_2 = 0.0f;
    {
      int j_4 = 0;
      for (; j_4 < m; j_4 = (int)(j_4 + 1u)) {
        const int i_4 = (int)((unsigned int)off_2 + j_4);
        const float at_result_1 = x[i_4];
        s_2 = s_2 + at_result_1;
      }
    }
    const float sumRange_result_1 = s_2;
    sums[r] = twice_result + sumRange_result_1;
  }
}
