// KernelScript kernel 'mathMore' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void mathMore(const float* __restrict__ a, const float* __restrict__ p, const float* __restrict__ u, const float* __restrict__ s, float* __restrict__ out, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) {
    const int o = (int)(i * 15u);
    out[o] = truncf(a[i]);
    out[(int)(o + 1u)] = log2f(p[i]);
    out[(int)(o + 2u)] = exp2f(s[i] * 4.0f);
    out[(int)(o + 3u)] = log10f(p[i]);
    out[(int)(o + 4u)] = log1pf(u[i]);
    out[(int)(o + 5u)] = expm1f(s[i]);
    out[(int)(o + 6u)] = asinf(u[i]);
    out[(int)(o + 7u)] = acosf(u[i]);
    out[(int)(o + 8u)] = atanf(a[i]);
    out[(int)(o + 9u)] = sinhf(s[i]);
    out[(int)(o + 10u)] = coshf(s[i]);
    out[(int)(o + 11u)] = hypotf(a[i], p[i]);
    out[(int)(o + 12u)] = a[i];
    out[(int)(o + 13u)] = (float)((int)(i * 16777217u));
    out[(int)(o + 14u)] = log1pf(p[i]);
  }
}
