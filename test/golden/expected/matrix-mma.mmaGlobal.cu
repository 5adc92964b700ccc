// KernelScript kernel 'mmaGlobal' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

// Every element of an accumulator fragment = v: each lane holds 8 of them.
static __device__ __forceinline__ void ks_wmma_fill(float* r, float v) {
  for (int i = 0; i < 8; i++) r[i] = v;
}

// Loads an A fragment (row-major, stride in elements) from global memory.
static __device__ __forceinline__ void ks_wmma_load_a_row(unsigned int* r, const unsigned short* p, unsigned int stride) {
  asm volatile("wmma.load.a.sync.aligned.row.m16n16k16.f16 {%0, %1, %2, %3, %4, %5, %6, %7}, [%8], %9;"
               : "=r"(r[0]), "=r"(r[1]), "=r"(r[2]), "=r"(r[3]), "=r"(r[4]), "=r"(r[5]), "=r"(r[6]), "=r"(r[7])
               : "l"(p), "r"(stride) : "memory");
}

// Loads a B fragment (col-major, stride in elements) from global memory.
static __device__ __forceinline__ void ks_wmma_load_b_col(unsigned int* r, const unsigned short* p, unsigned int stride) {
  asm volatile("wmma.load.b.sync.aligned.col.m16n16k16.f16 {%0, %1, %2, %3, %4, %5, %6, %7}, [%8], %9;"
               : "=r"(r[0]), "=r"(r[1]), "=r"(r[2]), "=r"(r[3]), "=r"(r[4]), "=r"(r[5]), "=r"(r[6]), "=r"(r[7])
               : "l"(p), "r"(stride) : "memory");
}

// Loads a B fragment (row-major, stride in elements) from global memory.
static __device__ __forceinline__ void ks_wmma_load_b_row(unsigned int* r, const unsigned short* p, unsigned int stride) {
  asm volatile("wmma.load.b.sync.aligned.row.m16n16k16.f16 {%0, %1, %2, %3, %4, %5, %6, %7}, [%8], %9;"
               : "=r"(r[0]), "=r"(r[1]), "=r"(r[2]), "=r"(r[3]), "=r"(r[4]), "=r"(r[5]), "=r"(r[6]), "=r"(r[7])
               : "l"(p), "r"(stride) : "memory");
}

// d = a×b + c on the tensor cores (A row-major, B col-major, f32 accumulation); d may be c.
static __device__ __forceinline__ void ks_wmma_mma_row_col(float* d, const unsigned int* a, const unsigned int* b, const float* c) {
  asm("wmma.mma.sync.aligned.row.col.m16n16k16.f32.f32 {%0, %1, %2, %3, %4, %5, %6, %7}, {%8, %9, %10, %11, %12, %13, %14, %15}, {%16, %17, %18, %19, %20, %21, %22, %23}, {%24, %25, %26, %27, %28, %29, %30, %31};"
               : "=f"(d[0]), "=f"(d[1]), "=f"(d[2]), "=f"(d[3]), "=f"(d[4]), "=f"(d[5]), "=f"(d[6]), "=f"(d[7])
               : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(a[4]), "r"(a[5]), "r"(a[6]), "r"(a[7]),
                 "r"(b[0]), "r"(b[1]), "r"(b[2]), "r"(b[3]), "r"(b[4]), "r"(b[5]), "r"(b[6]), "r"(b[7]),
                 "f"(c[0]), "f"(c[1]), "f"(c[2]), "f"(c[3]), "f"(c[4]), "f"(c[5]), "f"(c[6]), "f"(c[7]));
}

// d = a×b + c on the tensor cores (A row-major, B row-major, f32 accumulation); d may be c.
static __device__ __forceinline__ void ks_wmma_mma_row_row(float* d, const unsigned int* a, const unsigned int* b, const float* c) {
  asm("wmma.mma.sync.aligned.row.row.m16n16k16.f32.f32 {%0, %1, %2, %3, %4, %5, %6, %7}, {%8, %9, %10, %11, %12, %13, %14, %15}, {%16, %17, %18, %19, %20, %21, %22, %23}, {%24, %25, %26, %27, %28, %29, %30, %31};"
               : "=f"(d[0]), "=f"(d[1]), "=f"(d[2]), "=f"(d[3]), "=f"(d[4]), "=f"(d[5]), "=f"(d[6]), "=f"(d[7])
               : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(a[4]), "r"(a[5]), "r"(a[6]), "r"(a[7]),
                 "r"(b[0]), "r"(b[1]), "r"(b[2]), "r"(b[3]), "r"(b[4]), "r"(b[5]), "r"(b[6]), "r"(b[7]),
                 "f"(c[0]), "f"(c[1]), "f"(c[2]), "f"(c[3]), "f"(c[4]), "f"(c[5]), "f"(c[6]), "f"(c[7]));
}

// Stores an accumulator fragment (row-major, stride in elements) to global memory. Each
// lane writes its own elements; the warp barrier orders them before the warp's next loads, which
// read other lanes' elements (a load sees what its warp stored before it, core/matrix.ts).
static __device__ __forceinline__ void ks_wmma_store_row(float* p, const float* r, unsigned int stride) {
  asm volatile("wmma.store.d.sync.aligned.row.m16n16k16.f32 [%0], {%1, %2, %3, %4, %5, %6, %7, %8}, %9;"
               :: "l"(p), "f"(r[0]), "f"(r[1]), "f"(r[2]), "f"(r[3]), "f"(r[4]), "f"(r[5]), "f"(r[6]), "f"(r[7]), "r"(stride) : "memory");
  __syncwarp();
}

extern "C" __global__ void mmaGlobal(const unsigned short* __restrict__ a, const unsigned short* __restrict__ b, float* __restrict__ c, float bias, bool bRowMajor, int M, int N, int K) {
  const int tilesN = N / 16;
  const int tile = (int)(blockIdx.x * blockDim.y + threadIdx.y);
  const int row = (int)(tile / tilesN * 16u);
  const int col = (int)(tile % tilesN * 16u);
  if (row < M) {
    float acc[8] = {};
    ks_wmma_fill(acc, bias);
    {
      int k = 0;
      for (; k < K; k = (int)(k + 16u)) {
        unsigned int fa[8] = {};
        ks_wmma_load_a_row(fa, &a[(int)((unsigned int)row * K + k)], K);
        if (bRowMajor) {
          unsigned int fb[8] = {};
          ks_wmma_load_b_row(fb, &b[(int)((unsigned int)k * N + col)], N);
          ks_wmma_mma_row_row(acc, fa, fb, acc);
        } else {
          unsigned int fb_1[8] = {};
          ks_wmma_load_b_col(fb_1, &b[(int)((unsigned int)col * K + k)], K);
          ks_wmma_mma_row_col(acc, fa, fb_1, acc);
        }
      }
    }
    ks_wmma_store_row(&c[(int)((unsigned int)row * N + col)], acc, N);
  }
}
