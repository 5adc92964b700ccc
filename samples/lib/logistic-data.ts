// Data and the float64 reference for binary logistic regression.
// Two Gaussian clouds in `features` dimensions whose means differ by `separation` standard
// deviations per feature: overlapping a little (separable-ish), so accuracy stays below 100%.
// The last column of X is a constant 1, so the bias is just another weight.
import { Random } from './rng.js';

export interface LogisticData {
  x: Float32Array; // n × d, row-major, last column 1
  y: Float32Array; // n labels, 0 or 1
  n: number;
  d: number;
}

export function makeClouds(n: number, features: number, seed: number, separation = 0.5): LogisticData {
  const rng = new Random(seed);
  const d = features + 1;
  const x = new Float32Array(n * d);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const label = rng.next() < 0.5 ? 0 : 1;
    y[i] = label;
    const shift = label === 1 ? separation : -separation;
    for (let j = 0; j < features; j++) x[i * d + j] = shift + rng.normal();
    x[i * d + features] = 1;
  }
  return { x, y, n, d };
}

export interface SgdOptions {
  rate: number;
  epochs: number;
  batch: number;
  seed: number;
}

/** The order in which an epoch visits the samples: the same for every implementation. */
export const epochOrder = (seed: number, epoch: number, n: number): Int32Array<ArrayBuffer> =>
  new Random((seed * 7919 + epoch * 104729 + 1) >>> 0).permutation(n);

/** Batches of an epoch as [start, size]; the last one may be short. */
export function batches(n: number, batch: number): [number, number][] {
  const out: [number, number][] = [];
  for (let s = 0; s < n; s += batch) out.push([s, Math.min(batch, n - s)]);
  return out;
}

export interface LogisticResult {
  /** Mean training loss (cross-entropy) of each epoch, over its minibatches, before each update. */
  losses: number[];
  w: ArrayLike<number>;
}

/** Numerically stable −[t log σ(z) + (1−t) log(1−σ(z))]. */
export const logisticLoss = (z: number, t: number): number =>
  Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z)));

/** Minibatch SGD in float64 plain JS: the definition the device versions are checked against. */
export function trainLogisticReference(data: LogisticData, o: SgdOptions): LogisticResult {
  const { x, y, n, d } = data;
  const w = new Float64Array(d);
  const grad = new Float64Array(d);
  const losses: number[] = [];
  for (let e = 0; e < o.epochs; e++) {
    const perm = epochOrder(o.seed, e, n);
    let loss = 0;
    for (const [start, size] of batches(n, o.batch)) {
      grad.fill(0);
      for (let r = 0; r < size; r++) {
        const row = perm[start + r];
        let z = 0;
        for (let j = 0; j < d; j++) z += x[row * d + j] * w[j];
        const p = 1 / (1 + Math.exp(-z));
        loss += logisticLoss(z, y[row]);
        const err = y[row] - p;
        for (let j = 0; j < d; j++) grad[j] += x[row * d + j] * err;
      }
      for (let j = 0; j < d; j++) w[j] += (o.rate * grad[j]) / size;
    }
    losses.push(loss / n);
  }
  return { losses, w };
}

/** Fraction of samples whose predicted class (σ(x·w) > 0.5) matches the label. */
export function logisticAccuracy(data: LogisticData, w: ArrayLike<number>): number {
  let right = 0;
  for (let i = 0; i < data.n; i++) {
    let z = 0;
    for (let j = 0; j < data.d; j++) z += data.x[i * data.d + j] * w[j];
    if ((z > 0 ? 1 : 0) === data.y[i]) right++;
  }
  return right / data.n;
}
