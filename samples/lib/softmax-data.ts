// Data and the float64 reference for softmax (multinomial logistic) regression.
//   scores = X·W + b;  P = softmax(scores);  loss = −mean log P[label]
//   G = (P − Y) / B;  W −= rate·(XᵀG + l2·W);  b −= rate·Σ_rows G
// Full-batch gradient descent is the case batch = n without shuffling.
import { identity, Random } from './rng.js';
import { batches, epochOrder } from './logistic-data.js';

export interface SoftmaxData {
  x: Float32Array; // n × d, row-major
  labels: Int32Array; // n class indices in [0, k)
  n: number;
  d: number;
  k: number;
}

export interface SoftmaxOptions {
  rate: number;
  /** Passes over the data (iterations, for full-batch descent). */
  epochs: number;
  batch: number;
  /** Seed of the per-epoch sample order; ignored when shuffle is false. */
  seed: number;
  shuffle: boolean;
  /** L2 penalty on W (not on b); it does not enter the reported loss. */
  l2: number;
  /** Learning-rate decay: epoch e uses rate / (1 + decay·e). Default 0. */
  decay?: number;
}

/** The learning rate of epoch `e`. */
export const epochRate = (o: SoftmaxOptions, e: number): number => o.rate / (1 + (o.decay ?? 0) * e);

export interface SoftmaxResult {
  /** Mean loss of each epoch, over its batches, each taken before that batch's update. */
  losses: number[];
  w: ArrayLike<number>; // d × k
  b: ArrayLike<number>; // k
}

/** k Gaussian clusters in d dimensions: centres ~ N(0, spread²), points ~ centre + N(0, 1). */
export function makeClusters(n: number, d: number, k: number, seed: number, spread = 0.1): SoftmaxData {
  const rng = new Random(seed);
  const centres = new Float64Array(k * d);
  for (let i = 0; i < centres.length; i++) centres[i] = spread * rng.normal();
  const x = new Float32Array(n * d);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rng.next() * k);
    labels[i] = c;
    for (let j = 0; j < d; j++) x[i * d + j] = centres[c * d + j] + rng.normal();
  }
  return { x, labels, n, d, k };
}

/** The sample order of an epoch: shuffled, or 0…n−1. */
export function softmaxOrder(o: SoftmaxOptions, epoch: number, n: number): Int32Array<ArrayBuffer> {
  return o.shuffle ? epochOrder(o.seed, epoch, n) : identity(n);
}

export function oneHot(labels: Int32Array, k: number): Float32Array {
  const y = new Float32Array(labels.length * k);
  labels.forEach((c, i) => (y[i * k + c] = 1));
  return y;
}

/**
 * Where a device version rounds (to f16, say): X as it is stored, W and b as each product reads
 * them, the residual P − Y as it is stored. Everything else stays float64.
 */
export interface SoftmaxRounding {
  input(v: number): number;
  weight(v: number): number;
  residual(v: number): number;
}

/**
 * The algorithm in float64 plain JS: the definition the device versions are checked against; with
 * `rounding`, the same with a device version's roundings (samples/lib/softmax-tensor.ts).
 */
export function trainSoftmaxReference(data: SoftmaxData, o: SoftmaxOptions, rounding?: SoftmaxRounding): SoftmaxResult {
  const { labels, n, d, k } = data;
  const x = rounding ? Float64Array.from(data.x, (v) => rounding.input(v)) : data.x;
  const w = new Float64Array(d * k);
  const b = new Float64Array(k);
  // The W and b a batch's products read: w and b themselves, or their rounded copies.
  const wr = rounding ? new Float64Array(d * k) : w;
  const br = rounding ? new Float64Array(k) : b;
  const gw = new Float64Array(d * k);
  const gb = new Float64Array(k);
  const z = new Float64Array(k);
  const losses: number[] = [];
  for (let e = 0; e < o.epochs; e++) {
    const order = softmaxOrder(o, e, n);
    const rate = epochRate(o, e);
    let loss = 0;
    for (const [start, size] of batches(n, o.batch)) {
      gw.fill(0);
      gb.fill(0);
      if (rounding) {
        for (let i = 0; i < d * k; i++) wr[i] = rounding.weight(w[i]);
        for (let c = 0; c < k; c++) br[c] = rounding.weight(b[c]);
      }
      for (let r = 0; r < size; r++) {
        const row = order[start + r];
        const xr = row * d;
        for (let c = 0; c < k; c++) z[c] = br[c];
        for (let j = 0; j < d; j++) {
          const xv = x[xr + j];
          for (let c = 0; c < k; c++) z[c] += xv * wr[j * k + c];
        }
        let zmax = -Infinity;
        for (let c = 0; c < k; c++) zmax = Math.max(zmax, z[c]);
        let s = 0;
        for (let c = 0; c < k; c++) s += Math.exp(z[c] - zmax);
        const label = labels[row];
        loss += zmax + Math.log(s) - z[label];
        for (let c = 0; c < k; c++) {
          const p = Math.exp(z[c] - zmax) / s - (c === label ? 1 : 0);
          const g = rounding ? rounding.residual(p) : p;
          gb[c] += g;
          z[c] = g;
        }
        for (let j = 0; j < d; j++) {
          const xv = x[xr + j];
          for (let c = 0; c < k; c++) gw[j * k + c] += xv * z[c];
        }
      }
      for (let i = 0; i < d * k; i++) w[i] -= rate * (gw[i] / size + o.l2 * w[i]);
      for (let c = 0; c < k; c++) b[c] -= (rate * gb[c]) / size;
    }
    losses.push(loss / n);
  }
  return { losses, w, b };
}

/** Fraction of rows whose highest score is the label's. */
export function softmaxAccuracy(data: SoftmaxData, w: ArrayLike<number>, b: ArrayLike<number>): number {
  const { x, labels, n, d, k } = data;
  let right = 0;
  const z = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) z[c] = b[c];
    for (let j = 0; j < d; j++) for (let c = 0; c < k; c++) z[c] += x[i * d + j] * w[j * k + c];
    let best = 0;
    for (let c = 1; c < k; c++) if (z[c] > z[best]) best = c;
    if (best === labels[i]) right++;
  }
  return right / n;
}
