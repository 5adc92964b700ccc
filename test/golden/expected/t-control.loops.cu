// KernelScript kernel 'loops' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void loops(int* __restrict__ out, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i >= n) {
    return;
  }
  int odd = 0;
  {
    int j = 0;
    for (; j < i % 37; j = (int)(j + 1u)) {
      if ((j & 1) == 0) {
        continue;
      }
      odd = (int)((unsigned int)odd + j);
    }
  }
  int v = (int)(i + 1u);
  int steps = 0;
  while (true) {
    if (v == 1 || steps >= 60) {
      break;
    }
    v = v % 2 == 0 ? v / 2 : (int)(3u * v + 1u);
    steps = (int)(steps + 1u);
  }
  int k = 0;
  int evens = 0;
  do {
    k = (int)(k + 1u);
    if (k % 2 != 0) {
      continue;
    }
    evens = (int)(evens + 1u);
  } while (k < i % 11);
  int pairs = 0;
  {
    int a = 0;
    #pragma unroll
    for (; a < 6; a = (int)(a + 1u)) {
      {
        int b = 0;
        for (; b < 6; b = (int)(b + 1u)) {
          if (b > a) {
            break;
          }
          if ((int)((unsigned int)a + b) % 3 == 0) {
            continue;
          }
          pairs = (int)(pairs + (a * 10u + b));
        }
      }
    }
  }
  int w = i;
  int guard = 0;
  while (w > 0 && guard < 100) {
    w = (int)(w - 7u);
    guard = (int)(guard + 1u);
  }
  out[(int)(i * 5u)] = odd;
  out[(int)(i * 5u + 1u)] = steps;
  out[(int)(i * 5u + 2u)] = evens;
  out[(int)(i * 5u + 3u)] = pairs;
  out[(int)(i * 5u + 4u)] = (int)((unsigned int)w + guard);
}
