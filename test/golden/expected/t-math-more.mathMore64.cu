// KernelScript kernel 'mathMore64' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void mathMore64(const double* __restrict__ a, const double* __restrict__ u, double* __restrict__ out, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) {
    const double x = a[i];
    const double y = u[i];
    const int o = (int)(i * 13u);
    out[o] = trunc(x * 1000.0);
    out[(int)(o + 1u)] = log2(fabs(x));
    out[(int)(o + 2u)] = exp2(x);
    out[(int)(o + 3u)] = log10(fabs(x));
    out[(int)(o + 4u)] = log1p(y);
    out[(int)(o + 5u)] = expm1(y);
    out[(int)(o + 6u)] = asin(y);
    out[(int)(o + 7u)] = acos(y);
    out[(int)(o + 8u)] = atan(x);
    out[(int)(o + 9u)] = sinh(y);
    out[(int)(o + 10u)] = cosh(x);
    out[(int)(o + 11u)] = hypot(x, y);
    out[(int)(o + 12u)] = (double)((float)x);
  }
}
