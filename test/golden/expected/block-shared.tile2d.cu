// KernelScript kernel 'tile2d' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void tile2d(const float* __restrict__ x, float* __restrict__ out, int width) {
  extern __shared__ __align__(16) unsigned char ks_dyn_smem[];
  float* const tile = reinterpret_cast<float*>(ks_dyn_smem + 0u);
  const int tx = (int)threadIdx.x;
  const int ty = (int)threadIdx.y;
  const int gx = (int)(blockIdx.x * blockDim.x + tx);
  const int gy = (int)(blockIdx.y * blockDim.y + ty);
  const int local = (int)(ty * blockDim.x + tx);
  tile[local] = x[(int)((unsigned int)gy * width + gx)];
  __syncthreads();
  out[(int)((unsigned int)gy * width + gx)] = tile[(int)(blockDim.x * blockDim.y - 1u - local)] * 2.0f;
}
