// KernelScript kernel 'grid2d' (CUDA C). Generated code: edit the TypeScript source instead.

extern "C" __global__ void grid2d(int* __restrict__ O, int w, int h) {
  const int cx = (int)blockIdx.x * (int)blockDim.x + (int)threadIdx.x;
  const int cy = (int)blockIdx.y * (int)blockDim.y + (int)threadIdx.y;
  if (cx < w && cy < h) {
    O[cy * w + cx] = (int)gridDim.x * 1000 + ((int)gridDim.y * 100 + ((int)blockIdx.y + 10 * (int)blockIdx.x));
  }
}
