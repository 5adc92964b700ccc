// Conversions: f32 -> i32/u32 truncate toward zero, i32 <-> u32 reinterpret the bits, bool -> int
// is 0/1, int -> bool is `!= 0`; plus bool scalar parameters and selects on them.
import { kernel, blockDim, blockIdx, threadIdx, f32, i32, u32, type bool } from 'kernelscript';
import type { CaseSpec, HostArg } from '../helpers/case.js';

export const casts = kernel(function casts(
  f: Float32Array, a: Int32Array, of: Float32Array, oi: Int32Array, ou: Uint32Array, flip: bool, n: i32,
) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    const x = f[i];
    const k = a[i];
    const o = i * 4;
    oi[o] = i32(x);
    oi[o + 1] = i32(u32(k) >> 1);
    oi[o + 2] = i32(x > 0) + i32(k !== 0) * 2;
    oi[o + 3] = flip ? -k : k;
    ou[o] = u32(k);
    ou[o + 1] = u32(Math.abs(x));
    ou[o + 2] = u32(flip) + u32(x < 0.5);
    ou[o + 3] = u32(i32(x * 10) & 255);
    of[o] = f32(k);
    of[o + 1] = f32(u32(k));
    of[o + 2] = x / 3 + k;
    of[o + 3] = f32(k) / 7 - f32(i32(x));
  }
});

export const spec: CaseSpec = {
  kernel: 'casts',
  make(rng) {
    const n = rng.int(200, 700);
    const f = rng.f32Array(n, -3000, 3000);
    const a = rng.i32Array(n, -100000, 100000);
    for (let i = 0; i < n; i += 7) a[i] = 0;
    return { args: [f, a, new Float32Array(n * 4), new Int32Array(n * 4), new Uint32Array(n * 4), rng.next() < 0.5, n], grid: Math.ceil(n / 64), block: 64 };
  },
  reference([f, a, , , , flip, n]: HostArg[]) {
    const m = n as number;
    const of = new Float64Array(m * 4);
    const oi = new Int32Array(m * 4);
    const ou = new Uint32Array(m * 4);
    for (let i = 0; i < m; i++) {
      const x = (f as Float32Array)[i];
      const k = (a as Int32Array)[i];
      oi.set([Math.trunc(x), (k >>> 0) >>> 1, (x > 0 ? 1 : 0) + (k !== 0 ? 2 : 0), flip ? -k : k], i * 4);
      ou.set([k >>> 0, Math.trunc(Math.abs(x)), (flip ? 1 : 0) + (x < 0.5 ? 1 : 0), Math.trunc(Math.fround(x * 10)) & 255], i * 4);
      of.set([k, Math.fround(k >>> 0), x / 3 + k, k / 7 - Math.trunc(x)], i * 4);
    }
    return { 2: of, 3: oi, 4: ou };
  },
};
