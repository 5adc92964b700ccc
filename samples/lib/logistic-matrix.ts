// Binary logistic regression written with the Matrix layer: the numpy program, line for line.
//   Xb = X[perm[s:s+B]];  p = σ(Xb·w);  w += rate · Xbᵀ(y − p) / B
// Every operation is a kernel launch; tidy() frees each step's temporaries.
import type { Gpu } from './cli.js';
import { Matrix, MatrixContext } from '../matrix/matrix.js';
import { batches, epochOrder, type LogisticData, type LogisticResult, type SgdOptions } from './logistic-data.js';

/** −Σ [y log p + (1 − y) log(1 − p)], with p kept off 0 and 1 so the logs stay finite. */
export function logLoss(p: Matrix, y: Matrix): Matrix {
  const pc = p.clamp(1e-7, 1 - 1e-7);
  return y.mul(pc.log()).add(y.rsub(1).mul(pc.rsub(1).log())).sum().neg();
}

export async function trainLogisticMatrix(gpu: Gpu, data: LogisticData, o: SgdOptions): Promise<LogisticResult> {
  const mx = new MatrixContext(gpu);
  const X = mx.fromArray(data.x, data.n, data.d);
  const Y = mx.fromArray(data.y, data.n, 1);
  const perm = gpu.alloc(Int32Array, data.n);
  let w = mx.zeros(data.d, 1);
  try {
    const losses: number[] = [];
    for (let e = 0; e < o.epochs; e++) {
      perm.write(epochOrder(o.seed, e, data.n));
      let total = mx.zeros(1, 1);
      for (const [start, size] of batches(data.n, o.batch)) {
        const next = mx.tidy(() => {
          const xb = X.takeRows(perm, start, size);
          const yb = Y.takeRows(perm, start, size);
          const p = xb.dot(w).sigmoid();
          const grad = xb.tdot(yb.sub(p)).div(size);
          return { w: w.add(grad.mul(o.rate)), total: total.add(logLoss(p, yb)) };
        });
        w.dispose();
        total.dispose();
        ({ w, total } = next);
      }
      losses.push((await total.item()) / data.n);
      total.dispose();
    }
    return { losses, w: await w.read() };
  } finally {
    mx.dispose(); // X, Y, w and anything an error left behind
    perm.dispose();
  }
}
