// KernelScript kernel 'grid3d' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void grid3d(int* __restrict__ out, int w, int h, int d) {
  const int x = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  const int y = (int)(blockIdx.y * blockDim.y + threadIdx.y);
  const int z = (int)(blockIdx.z * blockDim.z + threadIdx.z);
  if (x < w && y < h && z < d) {
    out[(int)(((unsigned int)z * h + y) * w + x)] = (int)(gridDim.x * 1000000u + gridDim.y * 10000u + gridDim.z * 100u + blockDim.x * blockDim.y * blockDim.z);
  }
}
