// The Math builtins of Language v2 on f32, each on random inputs over its domain (magnitudes from
// 1e-6 up, so the accuracy near 0 of log1p, expm1 and sinh is exercised) and edge values, held
// element by element to the accuracy docs/language.md documents for each backend (lib/ulps.ts).
// The f64 kernel (cpu and cuda) uses the host's Math on cpu, exactly, and CUDA's double functions.
import { kernel, blockDim, blockIdx, threadIdx, type i32 } from 'kernelscript';
import type { CaseSpec, HostArg } from '../helpers/case.js';
import { BOUNDS, withinBound } from './lib/ulps.js';

const FNS = ['trunc', 'log2', 'exp2', 'log10', 'log1p', 'expm1', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'hypot', 'fround', 'fround', 'log1p'];
const K = FNS.length;

export const mathMore = kernel(function mathMore(a: Float32Array, p: Float32Array, u: Float32Array, s: Float32Array, out: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    const o = i * 15;
    out[o] = Math.trunc(a[i]);
    out[o + 1] = Math.log2(p[i]);
    out[o + 2] = Math.exp2(s[i] * 4);
    out[o + 3] = Math.log10(p[i]);
    out[o + 4] = Math.log1p(u[i]);
    out[o + 5] = Math.expm1(s[i]);
    out[o + 6] = Math.asin(u[i]);
    out[o + 7] = Math.acos(u[i]);
    out[o + 8] = Math.atan(a[i]);
    out[o + 9] = Math.sinh(s[i]);
    out[o + 10] = Math.cosh(s[i]);
    out[o + 11] = Math.hypot(a[i], p[i]);
    out[o + 12] = Math.fround(a[i]);
    out[o + 13] = Math.fround(i * 16777217);
    out[o + 14] = Math.log1p(p[i]);
  }
});

/** A signed value of magnitude 10^lo … 10^hi, uniform in the exponent. */
const spread = (r: { next(): number }, lo: number, hi: number): number => (r.next() < 0.5 ? -1 : 1) * 10 ** (lo + (hi - lo) * r.next());

const f32Spec: CaseSpec = {
  kernel: 'mathMore',
  make(rng) {
    const n = rng.int(300, 700);
    const a = new Float32Array(n);
    const p = new Float32Array(n);
    const u = new Float32Array(n);
    const s = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      a[i] = spread(rng, -6, 30);
      p[i] = Math.abs(spread(rng, -6, 6));
      u[i] = rng.next() < 0.5 ? rng.f32(-1, 1) : spread(rng, -7, 0);
      s[i] = rng.next() < 0.5 ? rng.f32(-9, 9) : spread(rng, -7, 0);
    }
    // Edges: signed zeros, integers and halves (trunc), exact powers (log2, log10), the ends of
    // asin's and log1p's domains, hypot's overflow-prone magnitudes and infinity.
    a.set([0, -0, 2.5, -2.5, 1e38, -3e38, Infinity, 8388607.5]);
    p.set([1, 2, 1024, 1000, 0.5, 3e38, 1e-6, 65536]);
    u.set([-1, 1, 0, -0, 0.5, -0.5, 1e-7, -0.999]);
    s.set([0, -0, 0.5, -0.5, 1e-6, 9, -9, 2]);
    return { args: [a, p, u, s, new Float32Array(n * K), n], grid: Math.ceil(n / 64), block: 64 };
  },
  reference([a, p, u, s, , n]: HostArg[]) {
    const out = new Float64Array((n as number) * K);
    for (let i = 0; i < (n as number); i++) {
      const [x, y, z, w] = [a, p, u, s].map((arr) => (arr as Float32Array)[i] as number) as [number, number, number, number];
      out.set(
        [
          Math.trunc(x), Math.log2(y), 2 ** (w * 4), Math.log10(y), Math.log1p(z), Math.expm1(w), Math.asin(z), Math.acos(z),
          Math.atan(x), Math.sinh(w), Math.cosh(w), Math.hypot(x, y), x, Math.fround(Math.imul(i, 16777217)), Math.log1p(y),
        ],
        i * K,
      );
    }
    return { 4: out };
  },
  elementwise: {
    4: (got, ref, backend, k) => {
      const fn = FNS[k % K] ?? 'trunc';
      return withinBound(got, ref, (BOUNDS[fn] ?? {})[backend] ?? (() => 0));
    },
  },
};

const K64 = 13;

export const mathMore64 = kernel(function mathMore64(a: Float64Array, u: Float64Array, out: Float64Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    const x = a[i];
    const y = u[i];
    const o = i * 13;
    out[o] = Math.trunc(x * 1000);
    out[o + 1] = Math.log2(Math.abs(x));
    out[o + 2] = Math.exp2(x);
    out[o + 3] = Math.log10(Math.abs(x));
    out[o + 4] = Math.log1p(y);
    out[o + 5] = Math.expm1(y);
    out[o + 6] = Math.asin(y);
    out[o + 7] = Math.acos(y);
    out[o + 8] = Math.atan(x);
    out[o + 9] = Math.sinh(y);
    out[o + 10] = Math.cosh(x);
    out[o + 11] = Math.hypot(x, y);
    out[o + 12] = Math.fround(x);
  }
});

/** Distance between doubles at |r|. */
const ulp64 = (r: number): number => 2 ** (Math.max(Math.floor(Math.log2(Math.abs(r))), -1022) - 52);

const f64Spec: CaseSpec = {
  kernel: 'mathMore64',
  only: { backends: ['cpu', 'cuda'], reason: 'WGSL has no f64' },
  make(rng) {
    const n = rng.int(100, 300);
    const a = Float64Array.from({ length: n }, () => (rng.next() * 2 - 1) * 2 ** rng.int(-10, 10));
    const u = Float64Array.from({ length: n }, () => (rng.next() < 0.5 ? rng.next() * 2 - 1 : (rng.next() < 0.5 ? -1 : 1) * 10 ** -rng.int(1, 12)));
    a.set([0.5, -3.25, 1e-300, 700]);
    u.set([0, -0, 1, -1]);
    return { args: [a, u, new Float64Array(n * K64), n], grid: Math.ceil(n / 64), block: 64 };
  },
  reference([a, u, , n]: HostArg[]) {
    const out = new Float64Array((n as number) * K64);
    for (let i = 0; i < (n as number); i++) {
      const x = (a as Float64Array)[i] ?? 0;
      const y = (u as Float64Array)[i] ?? 0;
      out.set(
        [
          Math.trunc(x * 1000), Math.log2(Math.abs(x)), Math.pow(2, x), Math.log10(Math.abs(x)), Math.log1p(y), Math.expm1(y), Math.asin(y), Math.acos(y),
          Math.atan(x), Math.sinh(y), Math.cosh(x), Math.hypot(x, y), Math.fround(x),
        ],
        i * K64,
      );
    }
    return { 2: out };
  },
  elementwise: {
    // cpu: the host's own functions, exactly; cuda: its double functions (within 2 ULP of the exact
    // value, CUDA's bounds) against the host's (not correctly rounded either: hypot differed by 3
    // ULP on a GPU run), so within 4 ULP of each other.
    2: (got, ref, backend) => Object.is(got, ref) || (backend === 'cuda' && Math.abs(got - ref) <= 4 * ulp64(ref)),
  },
};

export const specs: CaseSpec[] = [f32Spec, f64Spec];
