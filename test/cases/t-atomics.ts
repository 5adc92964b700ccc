// Every atomic on global and shared memory: i32 add/sub/min/max/exch/CAS (a CAS retry loop), u32
// min/max, f32 add on global and shared arrays. Returned old values are checked too: each
// atomicAdd ticket is handed out exactly once.
import {
  kernel, atomicAdd, atomicCAS, atomicExch, atomicMax, atomicMin, atomicSub, blockDim, blockIdx, sharedArray, syncthreads,
  threadIdx, u32, type i32,
} from 'kernelscript';
import type { CaseSpec, HostArg } from '../helpers/case.js';

export const intAtomics = kernel(function intAtomics(c: Int32Array, tickets: Int32Array, uc: Uint32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  const hist = sharedArray(Int32Array, 8);
  if (threadIdx.x < 8) {
    hist[threadIdx.x] = 0;
  }
  syncthreads();
  if (i < n) {
    const ticket = atomicAdd(c, 0, 1);
    tickets[ticket] += 1;
    atomicSub(c, 1, 3);
    atomicMin(c, 2, 500 - i);
    atomicMax(c, 3, i - 7);
    atomicExch(c, 4, 42);
    let seen = 0;
    do {
      seen = c[5];
    } while (atomicCAS(c, 5, seen, seen + 2) !== seen);
    atomicAdd(hist, i & 7, 1);
    atomicMax(uc, 0, u32(i) * 2654435761);
    atomicMin(uc, 1, u32(i) * 2654435761 + 12345);
  }
  syncthreads();
  if (threadIdx.x < 8) {
    atomicAdd(c, 8 + threadIdx.x, hist[threadIdx.x]);
  }
});

export const floatAtomics = kernel(function floatAtomics(x: Float32Array, sums: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  const part = sharedArray(Float32Array, 1);
  if (threadIdx.x === 0) {
    part[0] = 0;
  }
  syncthreads();
  if (i < n) {
    atomicAdd(sums, 0, x[i]);
    atomicAdd(part, 0, x[i] * x[i]);
  }
  syncthreads();
  if (threadIdx.x === 0) {
    atomicAdd(sums, 1, part[0]);
  }
});

export const specs: CaseSpec[] = [
  {
    kernel: 'intAtomics',
    make(rng) {
      const n = rng.int(300, 2000);
      const c = new Int32Array(16);
      c[2] = 1 << 30;
      c[3] = -(1 << 30);
      c[5] = rng.int(-100, 100);
      for (let j = 8; j < 16; j++) c[j] = rng.int(0, 50);
      const uc = Uint32Array.from([0, 4294967295]);
      return { args: [c, new Int32Array(n), uc, n], grid: Math.ceil(n / 64), block: 64 };
    },
    reference([c0, , , n]: HostArg[]) {
      const m = n as number;
      const c = Int32Array.from(c0 as Int32Array);
      c[0] = m;
      c[1] = -3 * m;
      c[2] = Math.min(c[2], 500 - (m - 1));
      c[3] = Math.max(c[3], m - 1 - 7);
      c[4] = 42;
      c[5] += 2 * m;
      for (let j = 0; j < m; j++) c[8 + (j & 7)] += 1;
      let umax = 0;
      let umin = 4294967295;
      for (let j = 0; j < m; j++) {
        const h = Number((BigInt(j) * 2654435761n) % 2n ** 32n);
        umax = Math.max(umax, h);
        umin = Math.min(umin, (h + 12345) % 2 ** 32);
      }
      return { 0: c, 1: new Int32Array(m).fill(1), 2: [umax, umin] };
    },
  },
  {
    kernel: 'floatAtomics',
    make(rng) {
      const n = rng.int(300, 3000);
      return { args: [rng.f32Array(n, 0, 1), rng.f32Array(2, 0, 1), n], grid: Math.ceil(n / 128), block: 128 };
    },
    reference([x, sums]: HostArg[]) {
      const xs = x as Float32Array;
      const s = Float64Array.from(sums as Float32Array);
      for (const v of xs) {
        s[0] += v;
        s[1] += v * v;
      }
      return { 1: s };
    },
    tolerance: 1e-5,
  },
];
