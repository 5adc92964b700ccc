// KernelScript kernel 'bits' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void bits(const int* __restrict__ is, const unsigned int* __restrict__ us, const float* __restrict__ fs, int* __restrict__ iout, unsigned int* __restrict__ uout, float* __restrict__ fout, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) {
    const int a = is[i];
    const unsigned int u = us[i];
    const int o = (int)(i * 8u);
    iout[o] = (int)((unsigned int)a * (unsigned int)is[(int)(n - 1u - i)]);
    iout[(int)(o + 1u)] = (int)((unsigned int)(int)u * (unsigned int)-1640531535);
    iout[(int)(o + 2u)] = __clz(a);
    iout[(int)(o + 3u)] = __clz((int)(u >> ((i % 33) & 31)));
    iout[(int)(o + 4u)] = __float_as_int(fs[i]);
    iout[(int)(o + 5u)] = (int)u;
    iout[(int)(o + 6u)] = __float_as_int(__int_as_float(a));
    iout[(int)(o + 7u)] = (int)((int)((unsigned int)a * (unsigned int)3) + 32u);
    const int q = (int)(i * 4u);
    uout[q] = __float_as_uint(__uint_as_float(u));
    uout[(int)(q + 1u)] = __float_as_uint(fs[i]);
    uout[(int)(q + 2u)] = (unsigned int)a;
    uout[(int)(q + 3u)] = __float_as_uint(__uint_as_float(u) * 2.0f);
    fout[(int)(i * 2u)] = __uint_as_float(__float_as_uint(fs[i]));
    fout[(int)(i * 2u + 1u)] = __int_as_float(a);
  }
}
