// Logistic regression on a batch of B rows × D features: predict p = sigmoid(X·w), one thread
// per row; gradient step grad = Xᵀ(y − p) / B and w += rate · grad, one thread per feature.
import { kernel, blockDim, blockIdx, threadIdx, type f32, type i32 } from 'kernelscript';
import type { CaseSpec } from '../helpers/case.js';

export const logregPredict = kernel(function logregPredict(X: Float32Array, w: Float32Array, p: Float32Array, B: i32, D: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= B) return;
  let z = 0;
  for (let j = 0; j < D; j++) {
    z += X[i * D + j] * w[j];
  }
  p[i] = 1 / (1 + Math.exp(-z));
});

export const logregStep = kernel(function logregStep(
  X: Float32Array,
  y: Float32Array,
  p: Float32Array,
  w: Float32Array,
  rate: f32,
  B: i32,
  D: i32,
) {
  const j = blockIdx.x * blockDim.x + threadIdx.x;
  if (j >= D) return;
  let g = 0;
  for (let i = 0; i < B; i++) {
    g += X[i * D + j] * (y[i] - p[i]);
  }
  w[j] += rate * (g / B);
});

export const specs: CaseSpec[] = [
  {
    kernel: 'logregPredict',
    make(rng) {
      const B = rng.int(100, 600);
      const D = rng.int(5, 40);
      return { args: [rng.f32Array(B * D), rng.f32Array(D), new Float32Array(B), B, D], grid: Math.ceil(B / 64), block: 64 };
    },
    reference([X, w, , B, D]) {
      const xs = X as Float32Array;
      const ws = w as Float32Array;
      const p = new Float64Array(B as number);
      for (let i = 0; i < p.length; i++) {
        let z = 0;
        for (let j = 0; j < (D as number); j++) z += xs[i * (D as number) + j] * ws[j];
        p[i] = 1 / (1 + Math.exp(-z));
      }
      return { 2: p };
    },
  },
  {
    kernel: 'logregStep',
    repeat: 2,
    make(rng) {
      const B = rng.int(100, 600);
      const D = rng.int(5, 40);
      const labels = Float32Array.from({ length: B }, () => (rng.next() < 0.5 ? 0 : 1));
      return {
        args: [rng.f32Array(B * D), labels, rng.f32Array(B, 0.01, 0.99), rng.f32Array(D), rng.f32(0.05, 0.5), B, D],
        grid: Math.ceil(D / 32),
        block: 32,
      };
    },
    reference([X, y, p, w, rate, B, D]) {
      const [xs, ys, ps] = [X as Float32Array, y as Float32Array, p as Float32Array];
      const out = Float64Array.from(w as Float32Array);
      for (let j = 0; j < out.length; j++) {
        let g = 0;
        for (let i = 0; i < (B as number); i++) g += xs[i * (D as number) + j] * (ys[i] - ps[i]);
        out[j] += 2 * (rate as number) * (g / (B as number)); // launched twice
      }
      return { 3: out };
    },
  },
];
