import {
  kernel, blockDim, blockIdx, threadIdx, dot, load2, load4, store2, store4, vadd, vdiv, vec2i, vec4u, vmul, vscale, vsub,
  type i32, type u32,
} from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

// Integer vectors, exact on every target: vec2i (wrapping *, truncating /) and vec4u. `xs` is read
// both 2 and 4 wide and element by element (WGSL then views it as vec2s); the results are written
// 2 wide to an Int32Array and 4 wide to a Uint32Array.
export const vecInt = kernel(function vecInt(xs: Int32Array, us: Uint32Array, k: u32, outI: Int32Array, outU: Uint32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  const four = load4(xs, i);
  const lo = load2(xs, 2 * i);
  const hi = load2(xs, 2 * i + 1);
  const d = vdiv(vmul(lo, hi), vec2i(7, -3));
  const e = vsub(vadd(d, vec2i(four.z, four.w)), vec2i(xs[4 * i + 1]));
  store2(outI, i, e);
  const u = load4(us, i);
  let m = vscale(u, k);
  m.y = m.y ^ 0x5a5a5a5a;
  m = vdiv(m, vec4u(3));
  store4(outU, i, vadd(m, vec4u(dot(u, u), 0, 1, four.x === -1 ? 2 : 3)));
});

export const spec: CaseSpec = {
  kernel: 'vecInt',
  make(rng) {
    const n = rng.int(300, 700);
    const us = rng.u32Array(4 * n, 0, 2 ** 32 - 1);
    const xs = rng.i32Array(4 * n, -100000, 100000);
    return { args: [xs, us, rng.int(1, 2 ** 31), new Int32Array(2 * n), new Uint32Array(4 * n), n], grid: Math.ceil(n / 64), block: 64 };
  },
  reference([xs0, us0, k0, , , n]) {
    const xs = xs0 as Int32Array;
    const us = us0 as Uint32Array;
    const k = k0 as number;
    const outI = new Int32Array(2 * (n as number));
    const outU = new Uint32Array(4 * (n as number));
    const idiv = (a: number, b: number): number => Math.trunc(a / b) | 0;
    for (let i = 0; i < (n as number); i++) {
      const four = [0, 1, 2, 3].map((j) => xs[4 * i + j]!);
      const d = [idiv(Math.imul(four[0]!, four[2]!), 7), idiv(Math.imul(four[1]!, four[3]!), -3)];
      outI[2 * i] = (d[0]! + four[2]! - four[1]!) | 0;
      outI[2 * i + 1] = (d[1]! + four[3]! - four[1]!) | 0;
      const u = [0, 1, 2, 3].map((j) => us[4 * i + j]!);
      const m = u.map((x) => Math.imul(x, k) >>> 0);
      m[1] = (m[1]! ^ 0x5a5a5a5a) >>> 0;
      const q = m.map((x) => Math.floor(x / 3));
      const dd = u.reduce((acc, x) => (acc + Math.imul(x, x)) >>> 0, 0);
      const add = [dd, 0, 1, four[0] === -1 ? 2 : 3];
      q.forEach((x, j) => (outU[4 * i + j] = (x + add[j]!) >>> 0));
    }
    return { 3: outI, 4: outU };
  },
};
