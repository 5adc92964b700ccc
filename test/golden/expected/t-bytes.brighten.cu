// KernelScript kernel 'brighten' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void brighten(const unsigned char* __restrict__ img, unsigned char* __restrict__ out, unsigned int gain, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) {
    unsigned int left = 0u;
    if (i > 0) {
      left = (unsigned int)img[(int)(i - 1u)];
    }
    out[i] = (unsigned char)((unsigned int)img[i] * gain + 7u);
    out[i] = (unsigned char)((unsigned int)out[i] + left);
  }
}
