// fma(a, b, c): one rounding of the exact a·b + c, on random inputs and on products that are f32
// midpoints with a small c deciding the rounding (where a*b + c rounded twice is wrong). cpu and
// cuda must give the exact result's bits; WGSL allows its fma to round twice (docs/language.md),
// so webgpu may give either. The f64 kernel (cpu and cuda) is held to the exact f64 result.
import { kernel, blockDim, blockIdx, threadIdx, fma, type i32 } from 'kernelscript';
import type { CaseSpec, HostArg } from '../helpers/case.js';
import { exactFmaF32, exactFmaF64 } from './lib/exact.js';

export const fused = kernel(function fused(a: Float32Array, b: Float32Array, c: Float32Array, out: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = fma(a[i], b[i], c[i]);
});

export const fused64 = kernel(function fused64(a: Float64Array, b: Float64Array, c: Float64Array, out: Float64Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = fma(a[i], b[i], c[i]);
});

const f32 = Math.fround;

function inputs(rng: { next(): number; int(lo: number, hi: number): number; f32(lo?: number, hi?: number): number }, n: number, wide: (k: number) => [number, number, number]): [number[], number[], number[]] {
  const a: number[] = [], b: number[] = [], c: number[] = [];
  for (let k = 0; k < n; k++) {
    const [x, y, z] = wide(k);
    a.push(x);
    b.push(y);
    c.push(z);
  }
  return [a, b, c];
}

export const specs: CaseSpec[] = [
  {
    kernel: 'fused',
    make(rng) {
      const n = rng.int(500, 1000);
      const [a, b, c] = inputs(rng, n, (k) => {
        if (k % 2 === 0) return [rng.f32(-1, 1) * 2 ** rng.int(-30, 30), rng.f32(-1, 1) * 2 ** rng.int(-30, 30), rng.f32(-1, 1) * 2 ** rng.int(-30, 30)];
        // (1 + j·2^-12)^2 with j odd is an f32 midpoint; c, far below, decides it.
        const j = 2 * rng.int(0, 1000) + 1;
        const s = 2 ** rng.int(-20, 20);
        return [f32((1 + j * 2 ** -12) * s), f32(1 + j * 2 ** -12), f32((rng.next() < 0.5 ? 1 : -1) * s * 2 ** -rng.int(54, 70))];
      });
      return { args: [Float32Array.from(a), Float32Array.from(b), Float32Array.from(c), new Float32Array(n), n], grid: Math.ceil(n / 64), block: 64 };
    },
    reference([a, b, c, , n]: HostArg[]) {
      const out = new Float64Array(n as number);
      for (let i = 0; i < (n as number); i++) out[i] = exactFmaF32((a as Float32Array)[i] ?? 0, (b as Float32Array)[i] ?? 0, (c as Float32Array)[i] ?? 0);
      return { 3: out };
    },
    elementwise: {
      // WGSL's fma may round a*b + c twice (docs/language.md): webgpu may give that instead.
      3: (got, ref, backend, i, [a, b, c]) => {
        const [x, y, z] = [a, b, c].map((v) => (v as Float32Array)[i] ?? NaN) as [number, number, number];
        return Object.is(got, ref) || (backend === 'webgpu' && Object.is(got, f32(f32(x * y) + z)));
      },
    },
  },
  {
    kernel: 'fused64',
    only: { backends: ['cpu', 'cuda'], reason: 'WGSL has no f64' },
    make(rng) {
      const n = rng.int(200, 400);
      const [a, b, c] = inputs(rng, n, (k) => {
        const x = (1 + rng.next()) * 2 ** rng.int(-300, 300);
        const y = (1 + rng.next()) * 2 ** rng.int(-300, 300);
        return [x, y, k % 2 === 0 ? -(x * y) * (1 + 2 ** -rng.int(30, 53)) : (rng.next() * 2 - 1) * 2 ** rng.int(-600, 600)];
      });
      return { args: [Float64Array.from(a), Float64Array.from(b), Float64Array.from(c), new Float64Array(n), n], grid: Math.ceil(n / 64), block: 64 };
    },
    reference([a, b, c, , n]: HostArg[]) {
      const out = new Float64Array(n as number);
      for (let i = 0; i < (n as number); i++) out[i] = exactFmaF64((a as Float64Array)[i] ?? 0, (b as Float64Array)[i] ?? 0, (c as Float64Array)[i] ?? 0);
      return { 3: out };
    },
    elementwise: { 3: (got, ref) => Object.is(got, ref) },
  },
];
