// KernelScript kernel 'constants' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void constants(int* __restrict__ OI, float* __restrict__ O, int k) {
  OI[0] = (int)(2147483648u + k);
  OI[1] = (int)(2147483648u + k);
  OI[2] = (int)(2147483648u + k);
  OI[3] = (int)(65536u + k);
  OI[4] = -4;
  O[0] = __int_as_float(0x7f800000) * (float)k;
  O[1] = __int_as_float(0x7fc00000);
  O[2] = -__int_as_float(0x7f800000) * (float)k;
  O[3] = -2.0f;
}
