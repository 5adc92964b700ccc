// KernelScript kernel 'exprfuzz' (CUDA C). Generated code: edit the TypeScript source instead.

extern "C" __global__ void exprfuzz(const int* __restrict__ A, int* __restrict__ O, int n) {
  const int gi = (int)blockIdx.x * (int)blockDim.x + (int)threadIdx.x;
  if (gi < n) {
    const int a = A[gi * 3];
    const int b = A[gi * 3 + 1];
    const int c = A[gi * 3 + 2];
    O[gi * 24 + 0] = 4;
    O[gi * 24 + 1] = ((b > -7 && a == a ? -c : c | b) % 247) | ((b != -34 && a != b ? a >> (a & 31) : b >> (c & 31)) * (-12 % ((b & 255) | 1)));
    O[gi * 24 + 2] = max((b & (b >> 2)) | (22 & (b ^ b)), (19 + 11 / ((b & 255) | 1)) & ((a >> (b & 31)) * min(a, c)));
    O[gi * 24 + 3] = ((int)((unsigned int)(a % ((b & 255) | 1)) >> ((unsigned int)((int)((unsigned int)c >> ((unsigned int)b & 31))) & 31)) / ((((c ^ c) % ((c & 255) | 1)) & 255) | 1)) ^ (-b == (b <= b ? 3 : a) ? -(13 & a) : (b ^ a) & c);
    O[gi * 24 + 4] = ((a >> ((a * -9) & 31)) << (((-21 - b) / (((-23 * c) & 255) | 1)) & 31)) << ((((int)((unsigned int)c >> (c & 31)) >> ((b % 3) & 31)) >> (c & 31)) & 31);
    O[gi * 24 + 5] = -39;
    O[gi * 24 + 6] = (int)((unsigned int)((a * b) | (b >> 5)) * (unsigned int)((a + 18) << ((a + -39) & 31))) % (((int)((unsigned int)b >> ((34 + (b >> (c & 31))) & 31)) & 255) | 1);
    O[gi * 24 + 7] = -26;
    O[gi * 24 + 8] = (-72 <= a ? c : 34 * c * (b != -30 ? a : 7)) + (b & (c % 245)) * (max(b, -5) % (((b % ((a & 255) | 1)) & 255) | 1));
    O[gi * 24 + 9] = (int)((unsigned int)b >> (((c & 2) ^ (c >= 25 ? b : b)) & 31)) & ((int)((unsigned int)((int)((unsigned int)b >> (a & 31))) >> ((b < b ? b : c) & 31)) / ((min(-16 | c, b) & 255) | 1));
    O[gi * 24 + 10] = -c >> (((c == 16 ? -a : (a > c ? 0 : 14)) - (-17 + (a << 22))) & 31);
    O[gi * 24 + 11] = (int)((unsigned int)((int)((unsigned int)(-1) >> ((int)((unsigned int)b >> (c & 31)) & 31))) >> ((unsigned int)((int)((unsigned int)(-28) >> (c & 31)) ^ (-28 - c)) & 31)) % 217;
    O[gi * 24 + 12] = (62 % (((int)((unsigned int)a - (unsigned int)c) & 255) | 1)) | (int)((unsigned int)b - (unsigned int)((int)((unsigned int)1 >> (c & 31)))) | (int)((unsigned int)c + (unsigned int)b);
    O[gi * 24 + 13] = c;
    O[gi * 24 + 14] = c;
    O[gi * 24 + 15] = ~((c & b) == (c >> 7) ? ~c << ((c >> (b & 31)) & 31) : max(31, -9 != a ? a : c));
    O[gi * 24 + 16] = b * -max((int)((unsigned int)38 >> (c & 31)), a >> (a & 31));
    O[gi * 24 + 17] = ((-16 - c) ^ (b - a)) != ~b / (((a <= c ? 20 : b) & 255) | 1) ? c ^ 52 ^ ((c == a ? -24 : -34) | a) : (int)((unsigned int)((int)((unsigned int)b >> (c & 31)) / ((b & 255) | 1)) * (unsigned int)a);
    O[gi * 24 + 18] = ((14 >> (30 & c & 31)) + (a & (b - b))) ^ a;
    O[gi * 24 + 19] = ((int)((unsigned int)c >> (c & 31)) | (-30 % ((c & 255) | 1))) * (int)((unsigned int)(-b) >> ((int)((unsigned int)a >> (c & 31)) & 31)) % ((b & 255) | 1);
    O[gi * 24 + 20] = (int)((unsigned int)((int)((unsigned int)(b > -30 ? c : a) >> (a & -28 & 31))) >> ((unsigned int)(c > c ? b | -34 : (22 >= a ? b : a)) & 31)) + ((int)(28u * (unsigned int)c) >= 0 ? (c == b || c <= -38 ? c + a : 3 - a) : (-38 <= b ? c : b) | (29 - a));
    O[gi * 24 + 21] = a << (max((int)((unsigned int)(a > a ? 9 : c) - (unsigned int)(~a)), c << (b & 31)) & 31);
    O[gi * 24 + 22] = (int)((unsigned int)(((-24 + a) | (b <= b ? c : a)) >> ((c ^ a ^ c) & 31)) * (unsigned int)b);
    O[gi * 24 + 23] = (int)((unsigned int)a >> 6) < (-16 < b ? 22 : c) || !(b >= 23) ? (b * 36 >= (c >= b ? a : b) ? min(c & a, b != b ? b : b) : -(-8 / ((c & 255) | 1))) : ~b;
  }
}
