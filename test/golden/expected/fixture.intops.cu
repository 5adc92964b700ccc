// KernelScript kernel 'intops' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void intops(const int* __restrict__ A, const int* __restrict__ B, const float* __restrict__ X, int* __restrict__ OI, unsigned int* __restrict__ OU, int n) {
  const int gi = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (gi >= n) {
    return;
  }
  const int a = A[gi];
  const int b = B[gi];
  const unsigned int ua = (unsigned int)a;
  const unsigned int ub = (unsigned int)b;
  const float x = X[gi];
  OI[(int)(gi * 24u + 0u)] = (int)((unsigned int)a + b);
  OI[(int)(gi * 24u + 1u)] = (int)((unsigned int)a - b);
  OI[(int)(gi * 24u + 2u)] = (int)((unsigned int)a * b);
  OI[(int)(gi * 24u + 3u)] = a / b;
  OI[(int)(gi * 24u + 4u)] = a % b;
  OI[(int)(gi * 24u + 5u)] = a & b;
  OI[(int)(gi * 24u + 6u)] = a | b;
  OI[(int)(gi * 24u + 7u)] = a ^ b;
  OI[(int)(gi * 24u + 8u)] = (int)((unsigned int)a << (b & 31));
  OI[(int)(gi * 24u + 9u)] = a >> (b & 31);
  OI[(int)(gi * 24u + 10u)] = (int)((unsigned int)a >> (b & 31));
  OI[(int)(gi * 24u + 11u)] = ~a;
  OI[(int)(gi * 24u + 12u)] = (int)(-(unsigned int)a);
  OI[(int)(gi * 24u + 13u)] = min(a, b);
  OI[(int)(gi * 24u + 14u)] = max(a, b);
  OI[(int)(gi * 24u + 15u)] = abs(a);
  OI[(int)(gi * 24u + 16u)] = max(a, (int)(-(unsigned int)b));
  OI[(int)(gi * 24u + 17u)] = (int)x;
  OI[(int)(gi * 24u + 18u)] = (int)ua;
  OI[(int)(gi * 24u + 19u)] = (int)(a < b);
  OI[(int)(gi * 24u + 20u)] = (int)(a != 0);
  OI[(int)(gi * 24u + 21u)] = (int)((unsigned int)a << 3);
  OI[(int)(gi * 24u + 22u)] = (int)(a * 2147483648u);
  OI[(int)(gi * 24u + 23u)] = a > b ? a : b;
  OU[(int)(gi * 24u + 0u)] = ua + ub;
  OU[(int)(gi * 24u + 1u)] = ua - ub;
  OU[(int)(gi * 24u + 2u)] = ua * ub;
  OU[(int)(gi * 24u + 3u)] = ua / ub;
  OU[(int)(gi * 24u + 4u)] = ua % ub;
  OU[(int)(gi * 24u + 5u)] = ua & ub;
  OU[(int)(gi * 24u + 6u)] = ua | ub;
  OU[(int)(gi * 24u + 7u)] = ua ^ ub;
  OU[(int)(gi * 24u + 8u)] = ua << (b & 31);
  OU[(int)(gi * 24u + 9u)] = ua >> (b & 31);
  OU[(int)(gi * 24u + 10u)] = ua >> (ub & 31);
  OU[(int)(gi * 24u + 11u)] = ~ua;
  OU[(int)(gi * 24u + 12u)] = -ua;
  OU[(int)(gi * 24u + 13u)] = min(ua, ub);
  OU[(int)(gi * 24u + 14u)] = max(ua, ub);
  OU[(int)(gi * 24u + 15u)] = ua;
  OU[(int)(gi * 24u + 16u)] = min(ua, ~ub);
  OU[(int)(gi * 24u + 17u)] = (unsigned int)fabsf(x);
  OU[(int)(gi * 24u + 18u)] = (unsigned int)a;
  OU[(int)(gi * 24u + 19u)] = (unsigned int)(ua < ub);
  OU[(int)(gi * 24u + 20u)] = 4294967295u;
  OU[(int)(gi * 24u + 21u)] = ua >> 1;
  OU[(int)(gi * 24u + 22u)] = ua * 2654435761u;
  OU[(int)(gi * 24u + 23u)] = (unsigned int)((float)(ua >> 8));
}
