// KernelScript kernel 'exprfuzz' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void exprfuzz(const int* __restrict__ A, int* __restrict__ O, int n) {
  const int gi = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (gi < n) {
    const int a = A[(int)(gi * 3u)];
    const int b = A[(int)(gi * 3u + 1u)];
    const int c = A[(int)(gi * 3u + 2u)];
    O[(int)(gi * 24u + 0u)] = 4;
    O[(int)(gi * 24u + 1u)] = ((b > -7 && a == a ? (int)(-(unsigned int)c) : c | b) % 247) | (int)((unsigned int)(b != -34 && a != b ? a >> (a & 31) : b >> (c & 31)) * (-12 % ((b & 255) | 1)));
    O[(int)(gi * 24u + 2u)] = max((b & (b >> 2)) | (22 & (b ^ b)), (int)(19u + 11 / ((b & 255) | 1)) & (int)((unsigned int)(a >> (b & 31)) * min(a, c)));
    O[(int)(gi * 24u + 3u)] = ((int)((unsigned int)(a % ((b & 255) | 1)) >> ((unsigned int)((int)((unsigned int)c >> ((unsigned int)b & 31))) & 31)) / ((((c ^ c) % ((c & 255) | 1)) & 255) | 1)) ^ ((int)(-(unsigned int)b) == (b <= b ? 3 : a) ? (int)(-(unsigned int)(13 & a)) : (b ^ a) & c);
    O[(int)(gi * 24u + 4u)] = (int)(((unsigned int)(a >> ((int)(a * (unsigned int)-9) & 31)) << (((int)((unsigned int)-21 - b) / (((int)((unsigned int)-23 * c) & 255) | 1)) & 31)) << ((((int)((unsigned int)c >> (c & 31)) >> ((b % 3) & 31)) >> (c & 31)) & 31));
    O[(int)(gi * 24u + 5u)] = -39;
    O[(int)(gi * 24u + 6u)] = (int)((unsigned int)((int)((unsigned int)a * b) | (b >> 5)) * (unsigned int)((int)((a + 18u) << ((int)(a + (unsigned int)-39) & 31)))) % (((int)((unsigned int)b >> ((int)(34u + (b >> (c & 31))) & 31)) & 255) | 1);
    O[(int)(gi * 24u + 7u)] = -26;
    O[(int)(gi * 24u + 8u)] = (int)((-72 <= a ? c : (int)(34u * c * (b != -30 ? a : 7))) + (unsigned int)(b & (c % 245)) * (max(b, -5) % (((b % ((a & 255) | 1)) & 255) | 1)));
    O[(int)(gi * 24u + 9u)] = (int)((unsigned int)b >> (((c & 2) ^ (c >= 25 ? b : b)) & 31)) & ((int)(((unsigned int)b >> (a & 31)) >> ((b < b ? b : c) & 31)) / ((min(-16 | c, b) & 255) | 1));
    O[(int)(gi * 24u + 10u)] = (int)(-(unsigned int)c) >> ((int)((c == 16 ? (int)(-(unsigned int)a) : (a > c ? 0 : 14)) - ((unsigned int)-17 + ((unsigned int)a << 22))) & 31);
    O[(int)(gi * 24u + 11u)] = (int)((unsigned int)((int)((unsigned int)-1 >> ((int)((unsigned int)b >> (c & 31)) & 31))) >> ((unsigned int)((int)((unsigned int)-28 >> (c & 31)) ^ (int)((unsigned int)-28 - c)) & 31)) % 217;
    O[(int)(gi * 24u + 12u)] = (62 % (((int)((unsigned int)a - (unsigned int)c) & 255) | 1)) | (int)((unsigned int)b - (unsigned int)((int)(1u >> (c & 31)))) | (int)((unsigned int)c + (unsigned int)b);
    O[(int)(gi * 24u + 13u)] = c;
    O[(int)(gi * 24u + 14u)] = c;
    O[(int)(gi * 24u + 15u)] = ~((c & b) == (c >> 7) ? (int)((unsigned int)~c << ((c >> (b & 31)) & 31)) : max(31, -9 != a ? a : c));
    O[(int)(gi * 24u + 16u)] = (int)(b * -(unsigned int)max((int)(38u >> (c & 31)), a >> (a & 31)));
    O[(int)(gi * 24u + 17u)] = ((int)((unsigned int)-16 - c) ^ (int)((unsigned int)b - a)) != ~b / (((a <= c ? 20 : b) & 255) | 1) ? c ^ 52 ^ ((c == a ? -24 : -34) | a) : (int)((unsigned int)((int)((unsigned int)b >> (c & 31)) / ((b & 255) | 1)) * (unsigned int)a);
    O[(int)(gi * 24u + 18u)] = (int)((unsigned int)(14 >> (30 & c & 31)) + (a & (int)((unsigned int)b - b))) ^ a;
    O[(int)(gi * 24u + 19u)] = (int)(((int)((unsigned int)c >> (c & 31)) | (-30 % ((c & 255) | 1))) * (-(unsigned int)b >> ((int)((unsigned int)a >> (c & 31)) & 31))) % ((b & 255) | 1);
    O[(int)(gi * 24u + 20u)] = (int)(((unsigned int)((int)((unsigned int)(b > -30 ? c : a) >> (a & -28 & 31))) >> ((unsigned int)(c > c ? b | -34 : (22 >= a ? b : a)) & 31)) + ((int)(28u * (unsigned int)c) >= 0 ? (c == b || c <= -38 ? (int)((unsigned int)c + a) : (int)(3u - a)) : (-38 <= b ? c : b) | (int)(29u - a)));
    O[(int)(gi * 24u + 21u)] = (int)((unsigned int)a << (max((int)((unsigned int)(a > a ? 9 : c) - (unsigned int)(~a)), (int)((unsigned int)c << (b & 31))) & 31));
    O[(int)(gi * 24u + 22u)] = (int)((unsigned int)(((int)((unsigned int)-24 + a) | (b <= b ? c : a)) >> ((c ^ a ^ c) & 31)) * (unsigned int)b);
    O[(int)(gi * 24u + 23u)] = (int)((unsigned int)a >> 6) < (-16 < b ? 22 : c) || !(b >= 23) ? ((int)(b * 36u) >= (c >= b ? a : b) ? min(c & a, b != b ? b : b) : (int)(-(unsigned int)(-8 / ((c & 255) | 1)))) : ~b;
  }
}
