// KernelScript kernel 'intAtomics' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void intAtomics(int* __restrict__ c, int* __restrict__ tickets, unsigned int* __restrict__ uc, int n) {
  __shared__ int hist[8];
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if ((int)threadIdx.x < 8) {
    hist[(int)threadIdx.x] = 0;
  }
  __syncthreads();
  if (i < n) {
    const int ticket = atomicAdd(&c[0], 1);
    tickets[ticket] = (int)(tickets[ticket] + 1u);
    atomicSub(&c[1], 3);
    atomicMin(&c[2], (int)(500u - i));
    atomicMax(&c[3], (int)(i - 7u));
    atomicExch(&c[4], 42);
    int seen = 0;
    do {
      seen = c[5];
    } while (atomicCAS(&c[5], seen, (int)(seen + 2u)) != seen);
    atomicAdd(&hist[i & 7], 1);
    atomicMax(&uc[0], (unsigned int)i * 2654435761u);
    atomicMin(&uc[1], (unsigned int)i * 2654435761u + 12345u);
  }
  __syncthreads();
  if ((int)threadIdx.x < 8) {
    atomicAdd(&c[(int)(8u + threadIdx.x)], hist[(int)threadIdx.x]);
  }
}
