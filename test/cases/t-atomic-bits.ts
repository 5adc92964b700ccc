// atomicAnd, atomicOr and atomicXor from many threads on one word, in global and in shared memory,
// against the exact result (the operations commute, so any order gives it). Each thread also
// records the old value it got: for or, every old value is a subset of the final word.
import { kernel, blockDim, blockIdx, threadIdx, sharedArray, syncthreads, atomicAnd, atomicOr, atomicXor, type i32 } from 'kernelscript';
import type { CaseSpec, HostArg } from '../helpers/case.js';

export const bitsAtomics = kernel(function bitsAtomics(vs: Uint32Array, ws: Int32Array, g: Uint32Array, gi: Int32Array, olds: Uint32Array, blockOut: Uint32Array, n: i32) {
  const t = threadIdx.x;
  const i = blockIdx.x * blockDim.x + t;
  const s = sharedArray(Uint32Array, 3);
  if (t < 3) s[t] = t === 1 ? 0xffffffff : 0;
  syncthreads();
  if (i < n) {
    olds[i] = atomicOr(g, 0, vs[i]);
    atomicAnd(g, 1, ~vs[i]);
    atomicXor(g, 2, vs[i]);
    atomicXor(gi, 0, ws[i]);
    atomicAnd(gi, 1, ws[i] | 0x40000000);
    atomicOr(s, 0, vs[i]);
    atomicAnd(s, 1, ~(vs[i] & 0xff00ff00));
    atomicXor(s, 2, vs[i]);
  }
  syncthreads();
  if (t < 3) blockOut[blockIdx.x * 3 + t] = s[t];
});

export const spec: CaseSpec = {
  kernel: 'bitsAtomics',
  make(rng) {
    const blocks = rng.int(3, 8);
    const n = blocks * 128 - rng.int(0, 100);
    const vs = new Uint32Array(n);
    const ws = new Int32Array(n);
    // Sparse bits, so or and and do not saturate at once.
    for (let i = 0; i < n; i++) {
      vs[i] = (1 << rng.int(0, 32)) >>> 0 | (rng.next() < 0.1 ? rng.int(0, 2 ** 32) : 0);
      ws[i] = rng.int(-(2 ** 31), 2 ** 31);
    }
    const g = Uint32Array.of(rng.int(0, 2 ** 16), 0xffffffff, rng.int(0, 2 ** 32));
    const gi = Int32Array.of(rng.int(-(2 ** 31), 2 ** 31), -1);
    return { args: [vs, ws, g, gi, new Uint32Array(n), new Uint32Array(blocks * 3), n], grid: blocks, block: 128 };
  },
  reference([vs, ws, g, gi, , , n]: HostArg[]) {
    const v = vs as Uint32Array, w = ws as Int32Array, N = n as number;
    const G = Float64Array.from(g as Uint32Array);
    const GI = Float64Array.from(gi as Int32Array);
    const blocks = Math.ceil(N / 128);
    const shared = new Float64Array(blocks * 3);
    let or = G[0] ?? 0, and = G[1] ?? 0, xor = G[2] ?? 0, ixor = GI[0] ?? 0, iand = GI[1] ?? 0;
    for (let b = 0; b < blocks; b++) shared.set([0, 0xffffffff, 0], b * 3);
    for (let i = 0; i < N; i++) {
      const x = v[i] ?? 0, y = w[i] ?? 0, b = Math.floor(i / 128) * 3;
      or = (or | x) >>> 0;
      and = (and & ~x) >>> 0;
      xor = (xor ^ x) >>> 0;
      ixor ^= y;
      iand &= y | 0x40000000;
      shared[b] = ((shared[b] ?? 0) | x) >>> 0;
      shared[b + 1] = ((shared[b + 1] ?? 0) & ~(x & 0xff00ff00)) >>> 0;
      shared[b + 2] = ((shared[b + 2] ?? 0) ^ x) >>> 0;
    }
    // The old values of atomicOr depend on the order: checked apart (elementwise below).
    return { 2: [or, and, xor], 3: [ixor, iand], 4: new Float64Array(N).fill(or), 5: shared };
  },
  elementwise: {
    // Every old value of the or is a subset of the final word that contains the thread's own start.
    4: (got, final, _b, i, [vs, , g]) => ((got | final) >>> 0 === final) && ((got & ((g as Uint32Array)[0] ?? 0)) >>> 0 === ((g as Uint32Array)[0] ?? 0)) && (vs as Uint32Array)[i] !== undefined,
  },
};
