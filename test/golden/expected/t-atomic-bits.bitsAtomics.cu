// KernelScript kernel 'bitsAtomics' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void bitsAtomics(const unsigned int* __restrict__ vs, const int* __restrict__ ws, unsigned int* __restrict__ g, int* __restrict__ gi, unsigned int* __restrict__ olds, unsigned int* __restrict__ blockOut, int n) {
  __shared__ unsigned int s[3];
  const int t = (int)threadIdx.x;
  const int i = (int)(blockIdx.x * blockDim.x + t);
  if (t < 3) {
    s[t] = t == 1 ? 4294967295u : 0u;
  }
  __syncthreads();
  if (i < n) {
    olds[i] = atomicOr(&g[0], vs[i]);
    atomicAnd(&g[1], ~vs[i]);
    atomicXor(&g[2], vs[i]);
    atomicXor(&gi[0], ws[i]);
    atomicAnd(&gi[1], ws[i] | 1073741824);
    atomicOr(&s[0], vs[i]);
    atomicAnd(&s[1], ~(vs[i] & 4278255360u));
    atomicXor(&s[2], vs[i]);
  }
  __syncthreads();
  if (t < 3) {
    blockOut[(int)(blockIdx.x * 3u + t)] = s[t];
  }
}
