// Math.imul, Math.clz32 and the bitcasts, compared exactly: imul wraps, clz32 counts the leading
// zeros of the 32 bits (u32 arguments keep their bits), and bitcasts round-trip every non-NaN
// pattern (-0, subnormals and infinities included). A NaN pattern comes back as some NaN
// (docs/language.md: which NaN is not fixed).
import { kernel, blockDim, blockIdx, threadIdx, bitcastF32, bitcastI32, bitcastU32, type i32 } from 'kernelscript';
import type { CaseSpec, HostArg } from '../helpers/case.js';

const K = 8;

export const bits = kernel(function bits(is: Int32Array, us: Uint32Array, fs: Float32Array, iout: Int32Array, uout: Uint32Array, fout: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    const a = is[i];
    const u = us[i];
    const o = i * 8;
    iout[o] = Math.imul(a, is[n - 1 - i]);
    iout[o + 1] = Math.imul(u, 2654435761);
    iout[o + 2] = Math.clz32(a);
    iout[o + 3] = Math.clz32(u >>> (i % 33));
    iout[o + 4] = bitcastI32(fs[i]);
    iout[o + 5] = bitcastI32(u);
    iout[o + 6] = bitcastI32(bitcastF32(a));
    iout[o + 7] = Math.imul(a, 3) + Math.clz32(0);
    const q = i * 4;
    uout[q] = bitcastU32(bitcastF32(u));
    uout[q + 1] = bitcastU32(fs[i]);
    uout[q + 2] = bitcastU32(a);
    uout[q + 3] = bitcastU32(bitcastF32(u) * 2);
    fout[i * 2] = bitcastF32(bitcastU32(fs[i]));
    fout[i * 2 + 1] = bitcastF32(a);
  }
});

const f32Bits = (x: number): number => new Uint32Array(Float32Array.of(x).buffer)[0] ?? 0;
const bitsF32 = (u: number): number => new Float32Array(Uint32Array.of(u >>> 0).buffer)[0] ?? 0;
const isNanBits = (u: number): boolean => (u & 0x7fffffff) >>> 0 > 0x7f800000;
const isSubnormalBits = (u: number): boolean => (u & 0x7f800000) === 0 && (u & 0x007fffff) !== 0;

export const spec: CaseSpec = {
  kernel: 'bits',
  make(rng) {
    const n = rng.int(300, 700);
    const is = new Int32Array(n);
    const us = new Uint32Array(n);
    const fs = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      is[i] = rng.int(-(2 ** 31), 2 ** 31);
      // Not NaN patterns: NaN payloads are not kept everywhere (uout[q] and [q + 3] accept any NaN).
      us[i] = rng.int(0, 2 ** 32);
      fs[i] = rng.f32(-1, 1) * 10 ** rng.int(-40, 38);
    }
    is.set([0, -1, 1, 2147483647, -2147483648, 0x7f800000, 0x00000001, 0x807fffff]);
    us.set([0, 1, 0xffffffff, 0x80000000, 0x7f800000, 0xff800000, 0x00400000, 0x7fc00001]);
    fs.set([0, -0, Infinity, -Infinity, 1e-45, -1.17549435e-38, 3.4028235e38, 1]);
    return { args: [is, us, fs, new Int32Array(n * K), new Uint32Array(n * 4), new Float32Array(n * 2), n], grid: Math.ceil(n / 64), block: 64 };
  },
  reference([is, us, fs, , , , n]: HostArg[]) {
    const N = n as number;
    const a = is as Int32Array, u = us as Uint32Array, f = fs as Float32Array;
    const iout = new Float64Array(N * K), uout = new Float64Array(N * 4), fout = new Float64Array(N * 2);
    for (let i = 0; i < N; i++) {
      const ai = a[i] ?? 0, ui = u[i] ?? 0, fi = f[i] ?? 0;
      iout.set([Math.imul(ai, a[N - 1 - i] ?? 0), Math.imul(ui, 2654435761), Math.clz32(ai), Math.clz32(ui >>> (i % 33) % 32), f32Bits(fi) | 0, ui | 0, ai, Math.imul(ai, 3) + 32 | 0], i * K);
      uout.set([ui, f32Bits(fi), ai >>> 0, f32Bits(Math.fround(bitsF32(ui) * 2))], i * 4);
      fout.set([fi, bitsF32(ai)], i * 2);
    }
    return { 3: iout, 4: uout, 5: fout };
  },
  elementwise: {
    // NaN patterns come back as some NaN (uout[q] and uout[q + 3]), everything else exactly; except
    // that WGSL may flush subnormals in arithmetic (docs/language.md), so on webgpu twice a
    // subnormal (uout[q + 3]) may be ±0.
    4: (got, ref, backend, k, [, us]) =>
      got === ref ||
      (isNanBits(ref) && isNanBits(got)) ||
      (backend === 'webgpu' && k % 4 === 3 && (got === 0 || got === 0x80000000) && isSubnormalBits((us as Uint32Array)[Math.floor(k / 4)] ?? 0)),
    // bitcastI32(bitcastF32(a)) of a NaN pattern is some NaN too.
    3: (got, ref, _b, k) => got === ref || (k % K === 6 && isNanBits(ref) && isNanBits(got)),
    5: (got, ref) => Object.is(got, ref) || (Number.isNaN(ref) && Number.isNaN(got)),
  },
};
