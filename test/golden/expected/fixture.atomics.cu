// KernelScript kernel 'atomics' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void atomics(int* __restrict__ C, int* __restrict__ H, const float* __restrict__ X, float* __restrict__ S, unsigned int* __restrict__ UC, int n) {
  __shared__ int hist[8];
  __shared__ float sf[1];
  const int gi = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if ((int)threadIdx.x < 8) {
    hist[(int)threadIdx.x] = 0;
  }
  if ((int)threadIdx.x == 0) {
    sf[0] = 0.0f;
  }
  __syncthreads();
  if (gi < n) {
    const int old = atomicAdd(&C[0], 1);
    H[old] = 1;
    atomicSub(&C[1], 3);
    atomicMin(&C[2], (int)(500u - gi));
    atomicMax(&C[3], (int)(gi - 7u));
    atomicExch(&C[4], 42);
    int seen = 0;
    do {
      seen = C[5];
    } while (atomicCAS(&C[5], seen, (int)(seen + 2u)) != seen);
    atomicAdd(&S[0], X[gi]);
    atomicAdd(&hist[gi & 7], 1);
    atomicMax(&UC[0], (unsigned int)gi * 2654435761u);
    atomicAdd(&sf[0], 0.5f);
  }
  __syncthreads();
  if ((int)threadIdx.x < 8) {
    atomicAdd(&C[(int)(8u + threadIdx.x)], hist[(int)threadIdx.x]);
  }
  if ((int)threadIdx.x == 0) {
    atomicAdd(&S[1], sf[0]);
  }
}
