// KernelScript kernel 'votes' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void votes(const float* __restrict__ x, const float* __restrict__ t, unsigned int* __restrict__ out) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  const bool p = x[i] > t[i / 32];
  out[(int)(3u * i)] = (unsigned int)(__any_sync(0xffffffffu, p) != 0);
  out[(int)(3u * i + 1u)] = (unsigned int)(__all_sync(0xffffffffu, p) != 0);
  out[(int)(3u * i + 2u)] = __ballot_sync(0xffffffffu, p);
}
