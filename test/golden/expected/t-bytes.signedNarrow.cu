// KernelScript kernel 'signedNarrow' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void signedNarrow(const signed char* __restrict__ a, short* __restrict__ b, signed char* __restrict__ s8, unsigned short* __restrict__ u16, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) {
    const int v = (int)a[i];
    b[i] = (short)((int)((int)b[i] * 3u + v * 300u));
    s8[i] = (signed char)((int)(v * 5u - 1u));
    u16[i] = (unsigned short)((unsigned int)((int)(v * 1000u)));
  }
}
