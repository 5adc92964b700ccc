// 8- and 16-bit integer arrays: elements read as u32 (unsigned) or i32 (signed, sign-extended) and
// stores keep the low bits. Every thread writes one byte, so neighbouring bytes of one 32-bit word
// are written by different threads (and, with 50-thread blocks, by different blocks): a store that
// rewrote its whole word would lose a neighbour's. Values overflow on purpose, so truncation shows.
import { kernel, blockDim, blockIdx, localArray, sharedArray, syncthreads, threadIdx, i32, type u32 } from 'kernelscript';
import type { CaseSpec, HostArg, Rng } from '../helpers/case.js';

export const brighten = kernel(function brighten(img: Uint8Array, out: Uint8Array, gain: u32, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    let left: u32 = 0;
    if (i > 0) left = img[i - 1];
    // u32 arithmetic that overflows the byte: the store keeps the low 8 bits.
    out[i] = img[i] * gain + 7;
    out[i] += left;
  }
});

export const signedNarrow = kernel(function signedNarrow(a: Int8Array, b: Int16Array, s8: Int8Array, u16: Uint16Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    const v = a[i];
    b[i] = b[i] * 3 + v * 300;
    s8[i] = v * 5 - 1;
    u16[i] = v * 1000;
  }
});

export const narrowShared = kernel(function narrowShared(x: Uint8Array, out: Int32Array, n: i32) {
  const t = threadIdx.x;
  const i = blockIdx.x * blockDim.x + t;
  const tile = sharedArray(Uint8Array, 64);
  const wide = sharedArray(Int16Array, 64);
  const half = sharedArray(Uint16Array, 64);
  const loc = localArray(Int8Array, 4);
  const acc = localArray(Uint16Array, 3);
  let v = 0;
  if (i < n) v = i32(x[i]);
  tile[t] = v + 200;
  wide[t] = v * -300;
  half[t] = v * 1000;
  syncthreads();
  for (let k = 0; k < 4; k++) {
    loc[k] = i32(tile[(t + k) & 63]) + k * 100;
  }
  acc[t % 3] = half[(t + 5) & 63] + 65530;
  if (i < n) {
    out[i] = loc[0] + loc[1] + loc[2] + loc[3] + wide[(t + 1) & 63] + i32(acc[t % 3]) + loc[t & 3];
  }
});

const bytesOf = (rng: Rng, n: number, lo: number, hi: number): number[] => Array.from({ length: n }, () => rng.int(lo, hi));
const u8 = (v: number): number => v & 0xff;
const s8 = (v: number): number => (v << 24) >> 24;
const u16 = (v: number): number => v & 0xffff;
const s16 = (v: number): number => (v << 16) >> 16;

export const specs: CaseSpec[] = [
  {
    kernel: 'brighten',
    make(rng) {
      const n = rng.int(1000, 3000) | 1;
      const img = Uint8Array.from(bytesOf(rng, n, 0, 256));
      return { args: [img, new Uint8Array(n), rng.int(2, 9), n], grid: Math.ceil(n / 50), block: 50 };
    },
    reference([img0, , gain, n]: HostArg[]) {
      const img = img0 as Uint8Array;
      const out = new Uint8Array(n as number);
      for (let i = 0; i < (n as number); i++) {
        const left = i > 0 ? (img[i - 1] as number) : 0;
        out[i] = u8(u8(Math.imul(img[i] as number, gain as number) + 7) + left);
      }
      return { 1: out };
    },
  },
  {
    kernel: 'signedNarrow',
    make(rng) {
      const n = rng.int(1000, 3000);
      const a = Int8Array.from(bytesOf(rng, n, -128, 128));
      const b = Int16Array.from(bytesOf(rng, n, -32768, 32768));
      return { args: [a, b, new Int8Array(n), new Uint16Array(n), n], grid: Math.ceil(n / 50), block: 50 };
    },
    reference([a0, b0, , , n]: HostArg[]) {
      const a = a0 as Int8Array;
      const b = Int16Array.from(b0 as Int16Array);
      const m = n as number;
      const o8 = new Int8Array(m);
      const o16 = new Uint16Array(m);
      for (let i = 0; i < m; i++) {
        const v = a[i] as number;
        b[i] = s16((b[i] as number) * 3 + v * 300);
        o8[i] = s8(v * 5 - 1);
        o16[i] = u16(v * 1000);
      }
      return { 1: b, 2: o8, 3: o16 };
    },
  },
  {
    kernel: 'narrowShared',
    make(rng) {
      const n = rng.int(500, 2000);
      return { args: [Uint8Array.from(bytesOf(rng, n, 0, 256)), new Int32Array(n), n], grid: Math.ceil(n / 64), block: 64 };
    },
    reference([x0, , n]: HostArg[]) {
      const x = x0 as Uint8Array;
      const m = n as number;
      const out = new Int32Array(m);
      const blocks = Math.ceil(m / 64);
      for (let bk = 0; bk < blocks; bk++) {
        const val = (t: number): number => (bk * 64 + t < m ? (x[bk * 64 + t] as number) : 0);
        for (let t = 0; t < 64; t++) {
          const i = bk * 64 + t;
          if (i >= m) continue;
          const loc = [0, 1, 2, 3].map((k) => s8(u8(val((t + k) & 63) + 200) + k * 100));
          const wide = s16(val((t + 1) & 63) * -300);
          const acc = u16(u16(val((t + 5) & 63) * 1000) + 65530);
          out[i] = loc.reduce((s, v) => s + v, 0) + wide + acc + (loc[t & 3] as number);
        }
      }
      return { 1: out };
    },
  },
];
