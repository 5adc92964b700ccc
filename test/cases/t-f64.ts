// f64: double precision on cuda and cpu (WGSL has none: the compiler refuses these kernels for it,
// KS8015). The references compute in double; the outputs show what f32 would lose (`(x + 1e8) - 1e8`
// keeps x's digits only in f64). An f64 scalar after an i32 one checks the CUDA parameter layout.
import { kernel, blockDim, blockIdx, threadIdx, f64, type f32, type i32 } from 'kernelscript';
import type { CaseSpec, HostArg } from '../helpers/case.js';

export const dot64 = kernel(function dot64(k: i32, a: f64, x: Float64Array, y: Float64Array, out: Float64Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    let acc: f64 = 0;
    for (let j = 0; j < k; j++) acc += x[i * k + j] * y[i * k + j];
    const v = x[i * k];
    out[3 * i] = a * acc + 0.1;
    out[3 * i + 1] = (v + 1e8) - 1e8;
    const s: f32 = f32Of(v);
    out[3 * i + 2] = Math.exp(v) + Math.sqrt(Math.abs(y[i * k])) + s + f64(i) % 0.3;
  }
});

/** A helper taking and returning f64 values; its f32 result widens implicitly. */
function f32Of(v: f64): f32 {
  return v * 0.5 > 0 ? 1 : -1;
}

const ONLY = { backends: ['cpu', 'cuda'] as const, reason: 'WGSL has no f64 (the compiler refuses it for webgpu, KS8015)' };

export const spec: CaseSpec = {
  kernel: 'dot64',
  only: ONLY,
  tolerance: 1e-14,
  make(rng) {
    const n = rng.int(300, 900);
    const k = rng.int(3, 9);
    const x = Float64Array.from({ length: n * k }, () => rng.next() * 2 - 1 + rng.next() * 1e-9);
    const y = Float64Array.from({ length: n * k }, () => rng.next() * 2 - 1);
    return { args: [k, rng.next() * 4 - 2, x, y, new Float64Array(3 * n), n], grid: Math.ceil(n / 64), block: 64 };
  },
  reference([k, a, x, y, , n]: HostArg[]) {
    const m = n as number;
    const kk = k as number;
    const xs = x as Float64Array;
    const ys = y as Float64Array;
    const out = new Float64Array(3 * m);
    for (let i = 0; i < m; i++) {
      let acc = 0;
      for (let j = 0; j < kk; j++) acc += (xs[i * kk + j] as number) * (ys[i * kk + j] as number);
      const v = xs[i * kk] as number;
      out[3 * i] = (a as number) * acc + 0.1;
      out[3 * i + 1] = v + 1e8 - 1e8;
      out[3 * i + 2] = Math.exp(v) + Math.sqrt(Math.abs(ys[i * kk] as number)) + (v * 0.5 > 0 ? 1 : -1) + (i % 0.3);
    }
    return { 4: out };
  },
};
