// vec4h: four f16 components moved with one 8-byte access per load4/store4, each component
// operation rounded once to f16 (t-f16.ts), so the reference below is exact. Also a vec4h built
// from components, dot in f16, and scalar f16 accesses of the same arrays.
import { kernel, blockDim, blockIdx, threadIdx, dot, load4, store4, vadd, vec4h, vscale, Float16Array, type f16, type i32 } from 'kernelscript';
import type { CaseSpec, HostArg } from '../helpers/case.js';
import { f16round as r } from '../../core/f16.js';

export const axpy4h = kernel(function axpy4h(a: f16, x: Float16Array, y: Float16Array, dots: Float16Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    const xv = load4(x, i);
    const r4 = vadd(vscale(xv, a), load4(y, i));
    store4(y, i, vec4h(r4.w, r4.z, r4.y, r4.x));
    dots[i] = dot(xv, vec4h(1, 0.5, x[4 * i], -2));
  }
});

const f16Array = (rng: { f32(lo?: number, hi?: number): number }, n: number): Float16Array => {
  const a = new Float16Array(n);
  for (let k = 0; k < n; k++) a[k] = rng.f32(-1, 1);
  return a;
};

export const spec: CaseSpec = {
  kernel: 'axpy4h',
  tolerance: 0,
  make(rng) {
    const n = rng.int(300, 700);
    return { args: [r(rng.f32(-4, 4)), f16Array(rng, 4 * n), f16Array(rng, 4 * n), new Float16Array(n), n], grid: Math.ceil(n / 64), block: 64 };
  },
  reference([a0, x0, y0, , n]: HostArg[]) {
    const a = a0 as number;
    const x = x0 as Float16Array;
    const y = Float64Array.from(y0 as Float16Array);
    const dots = new Float64Array(n as number);
    for (let i = 0; i < (n as number); i++) {
      const xv = [0, 1, 2, 3].map((j) => x[4 * i + j] as number);
      const rv = xv.map((v, j) => r(r(v * a) + (y[4 * i + j] as number)));
      [3, 2, 1, 0].forEach((from, j) => (y[4 * i + j] = rv[from] as number));
      const w = [1, 0.5, xv[0] as number, -2];
      dots[i] = xv.reduce((acc, v, j) => (j === 0 ? r(v * (w[0] as number)) : r(acc + r(v * (w[j] as number)))), 0);
    }
    return { 2: y, 3: dots };
  },
};
