// KernelScript kernel 'narrowShared' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void narrowShared(const unsigned char* __restrict__ x, int* __restrict__ out, int n) {
  __shared__ unsigned char tile[64];
  __shared__ short wide[64];
  __shared__ unsigned short half[64];
  const int t = (int)threadIdx.x;
  const int i = (int)(blockIdx.x * blockDim.x + t);
  signed char loc[4] = {};
  unsigned short acc[3] = {};
  int v = 0;
  if (i < n) {
    v = (int)((unsigned int)x[i]);
  }
  tile[t] = (unsigned char)((unsigned int)((int)(v + 200u)));
  wide[t] = (short)((int)(v * (unsigned int)-300));
  half[t] = (unsigned short)((unsigned int)((int)(v * 1000u)));
  __syncthreads();
  {
    int k = 0;
    #pragma unroll
    for (; k < 4; k = (int)(k + 1u)) {
      loc[k] = (signed char)((int)((unsigned int)tile[(int)((unsigned int)t + k) & 63] + k * 100u));
    }
  }
  acc[t % 3] = (unsigned short)((unsigned int)half[(int)(t + 5u) & 63] + 65530u);
  if (i < n) {
    out[i] = (int)((unsigned int)(int)loc[0] + (int)loc[1] + (int)loc[2] + (int)loc[3] + (int)wide[(int)(t + 1u) & 63] + (unsigned int)acc[t % 3] + (int)loc[t & 3]);
  }
}
