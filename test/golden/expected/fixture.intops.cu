// KernelScript kernel 'intops' (CUDA C). Generated code: edit the TypeScript source instead.

extern "C" __global__ void intops(const int* __restrict__ A, const int* __restrict__ B, const float* __restrict__ X, int* __restrict__ OI, unsigned int* __restrict__ OU, int n) {
  const int gi = (int)blockIdx.x * (int)blockDim.x + (int)threadIdx.x;
  if (gi >= n) {
    return;
  }
  const int a = A[gi];
  const int b = B[gi];
  const unsigned int ua = (unsigned int)a;
  const unsigned int ub = (unsigned int)b;
  const float x = X[gi];
  OI[gi * 24 + 0] = a + b;
  OI[gi * 24 + 1] = a - b;
  OI[gi * 24 + 2] = a * b;
  OI[gi * 24 + 3] = a / b;
  OI[gi * 24 + 4] = a % b;
  OI[gi * 24 + 5] = a & b;
  OI[gi * 24 + 6] = a | b;
  OI[gi * 24 + 7] = a ^ b;
  OI[gi * 24 + 8] = a << (b & 31);
  OI[gi * 24 + 9] = a >> (b & 31);
  OI[gi * 24 + 10] = (int)((unsigned int)a >> (b & 31));
  OI[gi * 24 + 11] = ~a;
  OI[gi * 24 + 12] = -a;
  OI[gi * 24 + 13] = min(a, b);
  OI[gi * 24 + 14] = max(a, b);
  OI[gi * 24 + 15] = abs(a);
  OI[gi * 24 + 16] = ((a > 0) - (a < 0));
  OI[gi * 24 + 17] = (int)x;
  OI[gi * 24 + 18] = (int)ua;
  OI[gi * 24 + 19] = (int)(a < b);
  OI[gi * 24 + 20] = (int)(a != 0);
  OI[gi * 24 + 21] = a << 3;
  OI[gi * 24 + 22] = a * (-2147483647 - 1);
  OI[gi * 24 + 23] = a > b ? a : b;
  OU[gi * 24 + 0] = ua + ub;
  OU[gi * 24 + 1] = ua - ub;
  OU[gi * 24 + 2] = ua * ub;
  OU[gi * 24 + 3] = ua / ub;
  OU[gi * 24 + 4] = ua % ub;
  OU[gi * 24 + 5] = ua & ub;
  OU[gi * 24 + 6] = ua | ub;
  OU[gi * 24 + 7] = ua ^ ub;
  OU[gi * 24 + 8] = ua << (b & 31);
  OU[gi * 24 + 9] = ua >> (b & 31);
  OU[gi * 24 + 10] = ua >> (ub & 31);
  OU[gi * 24 + 11] = ~ua;
  OU[gi * 24 + 12] = -ua;
  OU[gi * 24 + 13] = min(ua, ub);
  OU[gi * 24 + 14] = max(ua, ub);
  OU[gi * 24 + 15] = ua;
  OU[gi * 24 + 16] = (unsigned int)(ua != 0u);
  OU[gi * 24 + 17] = (unsigned int)fabsf(x);
  OU[gi * 24 + 18] = (unsigned int)a;
  OU[gi * 24 + 19] = (unsigned int)(ua < ub);
  OU[gi * 24 + 20] = 4294967295u;
  OU[gi * 24 + 21] = ua >> 1;
  OU[gi * 24 + 22] = ua * 2654435761u;
  OU[gi * 24 + 23] = (unsigned int)((float)(ua >> 8));
}
