// KernelScript kernel 'loops' (CUDA C). Generated code: edit the TypeScript source instead.

extern "C" __global__ void loops(int* __restrict__ out, int n) {
  const int i = (int)blockIdx.x * (int)blockDim.x + (int)threadIdx.x;
  if (i >= n) {
    return;
  }
  int odd = 0;
  {
    int j = 0;
    for (; j < i % 37; j = j + 1) {
      if ((j & 1) == 0) {
        continue;
      }
      odd = odd + j;
    }
  }
  int v = i + 1;
  int steps = 0;
  while (true) {
    if (v == 1 || steps >= 60) {
      break;
    }
    v = v % 2 == 0 ? v / 2 : 3 * v + 1;
    steps = steps + 1;
  }
  int k = 0;
  int evens = 0;
  do {
    k = k + 1;
    if (k % 2 != 0) {
      continue;
    }
    evens = evens + 1;
  } while (k < i % 11);
  int pairs = 0;
  {
    int a = 0;
    for (; a < 6; a = a + 1) {
      {
        int b = 0;
        for (; b < 6; b = b + 1) {
          if (b > a) {
            break;
          }
          if ((a + b) % 3 == 0) {
            continue;
          }
          pairs = pairs + (a * 10 + b);
        }
      }
    }
  }
  int w = i;
  int guard = 0;
  while (w > 0 && guard < 100) {
    w = w - 7;
    guard = guard + 1;
  }
  out[i * 5] = odd;
  out[i * 5 + 1] = steps;
  out[i * 5 + 2] = evens;
  out[i * 5 + 3] = pairs;
  out[i * 5 + 4] = w + guard;
}
