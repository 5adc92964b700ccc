// MNIST training as bench/cpu.ts and bench/run.ts run it (samples/mnist.ts's loop: shuffled
// minibatches, decaying rate, L2), and the files that hand the same digits and batch orders to
// NumPy (bench/cpu_peers.py's train()), so that both train on identical batches.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MNIST_DEFAULTS } from '../../samples/lib/mnist-model.js';
import { softmaxOrder, type SoftmaxData, type SoftmaxOptions } from '../../samples/lib/softmax-data.js';

/** samples/mnist.ts's training options for `epochs` epochs. */
export const mnistOptions = (epochs: number): SoftmaxOptions => ({ ...MNIST_DEFAULTS, epochs, shuffle: true });

/** What cpu_peers.py's train() reads beside the files writeMnistInputs writes. */
export interface MnistSpec {
  n: number;
  d: number;
  k: number;
  epochs: number;
  batch: number;
  rate: number;
  decay: number;
  l2: number;
}

const bytes = (a: Float32Array | Int32Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Writes x.f32, labels.i32 and orders.i32 (every epoch's sample order) into `dir`. */
export function writeMnistInputs(dir: string, train: SoftmaxData, opts: SoftmaxOptions): MnistSpec {
  const orders = new Int32Array(opts.epochs * train.n);
  for (let e = 0; e < opts.epochs; e++) orders.set(softmaxOrder(opts, e, train.n), e * train.n);
  writeFileSync(join(dir, 'x.f32'), bytes(train.x));
  writeFileSync(join(dir, 'labels.i32'), bytes(train.labels));
  writeFileSync(join(dir, 'orders.i32'), bytes(orders));
  return { n: train.n, d: train.d, k: train.k, epochs: opts.epochs, batch: opts.batch, rate: opts.rate, decay: opts.decay ?? 0, l2: opts.l2 };
}

/** A float32 file Python wrote. */
export const readF32 = (dir: string, name: string): Float32Array => new Float32Array(new Uint8Array(readFileSync(join(dir, name))).buffer);
