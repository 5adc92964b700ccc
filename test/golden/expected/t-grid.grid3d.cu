// KernelScript kernel 'grid3d' (CUDA C). Generated code: edit the TypeScript source instead.

extern "C" __global__ void grid3d(int* __restrict__ out, int w, int h, int d) {
  const int x = (int)blockIdx.x * (int)blockDim.x + (int)threadIdx.x;
  const int y = (int)blockIdx.y * (int)blockDim.y + (int)threadIdx.y;
  const int z = (int)blockIdx.z * (int)blockDim.z + (int)threadIdx.z;
  if (x < w && y < h && z < d) {
    out[(z * h + y) * w + x] = (int)gridDim.x * 1000000 + (int)gridDim.y * 10000 + (int)gridDim.z * 100 + (int)blockDim.x * (int)blockDim.y * (int)blockDim.z;
  }
}
