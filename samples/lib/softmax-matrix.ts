// Softmax regression written with the Matrix layer, as the numpy program reads:
//   P = softmax(Xb·W + b);  loss = −Σ log P[label];  G = (P − Y)/B
//   W −= rate·(XbᵀG + l2·W);  b −= rate·Σ_rows G
import type { Gpu } from './cli.js';
import { MatrixContext, type Matrix } from '../matrix/matrix.js';
import { batches } from './logistic-data.js';
import { epochRate, oneHot, softmaxOrder, type SoftmaxData, type SoftmaxOptions, type SoftmaxResult } from './softmax-data.js';

interface State {
  w: Matrix;
  b: Matrix;
  total: Matrix;
}

export async function trainSoftmaxMatrix(gpu: Gpu, data: SoftmaxData, o: SoftmaxOptions): Promise<SoftmaxResult> {
  const { n, d, k } = data;
  const mx = new MatrixContext(gpu);
  const X = mx.fromArray(data.x, n, d);
  const Y = mx.fromArray(oneHot(data.labels, k), n, k);
  const order = gpu.alloc(Int32Array, n);
  let s: State = { w: mx.zeros(d, k), b: mx.zeros(1, k), total: mx.zeros(1, 1) };
  const drop = (t: State): void => Object.values(t).forEach((m: Matrix) => m.dispose());
  try {
    const losses: number[] = [];
    for (let e = 0; e < o.epochs; e++) {
      if (e === 0 || o.shuffle) order.write(softmaxOrder(o, e, n));
      const rate = epochRate(o, e);
      for (const [start, size] of batches(n, o.batch)) {
        // A full batch in the original order is X itself: no gather needed.
        const whole = !o.shuffle && size === n;
        const next: State = mx.tidy(() => {
          const xb = whole ? X : X.takeRows(order, start, size);
          const yb = whole ? Y : Y.takeRows(order, start, size);
          const P = xb.dot(s.w).add(s.b).softmaxRows();
          const loss = P.mul(yb).rowSums().clamp(1e-30, 1).log().sum().neg();
          const G = P.sub(yb).div(size);
          const dW = o.l2 > 0 ? xb.tdot(G).add(s.w.mul(o.l2)) : xb.tdot(G);
          return { w: s.w.sub(dW.mul(rate)), b: s.b.sub(G.colSums().mul(rate)), total: s.total.add(loss) };
        });
        drop(s);
        s = next;
      }
      losses.push((await s.total.item()) / n);
      s.total.dispose();
      s.total = mx.zeros(1, 1);
    }
    return { losses, w: await s.w.read(), b: await s.b.read() };
  } finally {
    mx.dispose(); // X, Y, the state and anything an error left behind
    order.dispose();
  }
}
