// KernelScript kernel 'grid2d' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void grid2d(int* __restrict__ O, int w, int h) {
  const int cx = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  const int cy = (int)(blockIdx.y * blockDim.y + threadIdx.y);
  if (cx < w && cy < h) {
    O[(int)((unsigned int)cy * w + cx)] = (int)(gridDim.x * 1000u + (gridDim.y * 100u + (blockIdx.y + 10u * blockIdx.x)));
  }
}
