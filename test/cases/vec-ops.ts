import {
  kernel, blockDim, blockIdx, threadIdx, dot, load4, store4, vadd, vdiv, vec2f, vec3f, vec4f, vfma, vmul, vscale, vsub,
  type f32, type i32,
} from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

// vec4f arithmetic per thread: constructors and splats, components read and written, element-wise
// operations, vscale, vfma (a*b + c, rounded twice), dot (summed x, y, z, w in order), a vector
// ?:, and vec2f/vec3f built from components. Writes 4 values per thread to out and 2 to sums.
export const vecOps = kernel(function vecOps(a: Float32Array, b: Float32Array, s: f32, out: Float32Array, sums: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  const va = load4(a, i);
  const vb = load4(b, i);
  let acc = vec4f(0);
  acc = vadd(acc, vmul(va, vb));
  acc = vsub(acc, vscale(vb, s));
  acc.x = acc.x + 1;
  acc.w += va.y;
  const q = vdiv(vfma(va, vb, vec4f(s)), vec4f(2, 4, 8, 16));
  const pick = i % 2 === 0 ? q : acc;
  let swapped = vec4f(pick.w, pick.z, pick.y, pick.x);
  swapped = vec4f(swapped.y, swapped.x, swapped.w, swapped.z);
  store4(out, i, vadd(swapped, vec4f(q.x, 0, 0, acc.y)));
  const p = vec2f(va.x, vb.y);
  const t = vec3f(va.z, vb.z, s);
  sums[2 * i] = dot(va, vb);
  sums[2 * i + 1] = dot(p, vec2f(1.5, -2)) + dot(t, t);
});

const f = Math.fround;

export const spec: CaseSpec = {
  kernel: 'vecOps',
  make(rng) {
    const n = rng.int(300, 700);
    return { args: [rng.f32Array(4 * n), rng.f32Array(4 * n), rng.f32(), new Float32Array(4 * n), new Float32Array(2 * n), n], grid: Math.ceil(n / 64), block: 64 };
  },
  reference([a, b, s0, , , n]) {
    const A = a as Float32Array;
    const B = b as Float32Array;
    const s = s0 as number;
    const out = new Float64Array(4 * (n as number));
    const sums = new Float64Array(2 * (n as number));
    for (let i = 0; i < (n as number); i++) {
      const va = [0, 1, 2, 3].map((j) => A[4 * i + j]!);
      const vb = [0, 1, 2, 3].map((j) => B[4 * i + j]!);
      const acc = va.map((x, j) => x * vb[j]! - vb[j]! * s);
      acc[0]! += 1;
      acc[3]! += va[1]!;
      const q = va.map((x, j) => (x * vb[j]! + s) / [2, 4, 8, 16][j]!);
      const pick = i % 2 === 0 ? q : acc;
      const sw = [pick[2]!, pick[3]!, pick[0]!, pick[1]!];
      const r = [sw[0]! + q[0]!, sw[1]!, sw[2]!, sw[3]! + acc[1]!];
      r.forEach((x, j) => (out[4 * i + j] = x));
      sums[2 * i] = va.reduce((m, x, j) => m + x * vb[j]!, 0);
      sums[2 * i + 1] = va[0]! * 1.5 - 2 * vb[1]! + va[2]! * va[2]! + vb[2]! * vb[2]! + f(s) * f(s);
    }
    return { 3: out, 4: sums };
  },
  tolerance: 1e-5,
};
