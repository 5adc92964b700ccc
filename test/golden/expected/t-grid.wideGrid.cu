// KernelScript kernel 'wideGrid' (CUDA C). Generated code: edit the TypeScript source instead.

extern "C" __global__ void wideGrid(int* __restrict__ out, int n) {
  const int i = (int)blockIdx.x * (int)blockDim.x + (int)threadIdx.x;
  if (i < n) {
    out[i] = ((int)blockIdx.x ^ 21845) + (int)gridDim.x * 3 + (int)blockIdx.y + (int)gridDim.y;
  }
}
