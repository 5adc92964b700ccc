// A tour of the Matrix layer: every operation on random matrices, each result checked against a
// float64 plain-JS computation of the same thing.
import { runSample } from './lib/cli.js';
import { Random, freshSeed } from './lib/rng.js';
import { relativeError } from './lib/check.js';
import { MatrixContext, type Matrix } from './matrix/matrix.js';

type Host = { v: Float32Array; r: number; c: number };

/** Float64 versions of the operations, on host matrices. */
const ref = {
  map(a: Host, f: (x: number, i: number, j: number) => number): Float64Array {
    const o = new Float64Array(a.r * a.c);
    for (let i = 0; i < a.r; i++) for (let j = 0; j < a.c; j++) o[i * a.c + j] = f(a.v[i * a.c + j], i, j);
    return o;
  },
  /** op(A)·op(B) with op = transpose where asked. */
  product(a: Host, b: Host, ta: boolean, tb: boolean): Float64Array {
    const at = (i: number, p: number): number => (ta ? a.v[p * a.c + i] : a.v[i * a.c + p]);
    const bt = (p: number, j: number): number => (tb ? b.v[j * b.c + p] : b.v[p * b.c + j]);
    const m = ta ? a.c : a.r;
    const k = ta ? a.r : a.c;
    const n = tb ? b.r : b.c;
    const o = new Float64Array(m * n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += at(i, p) * bt(p, j);
      o[i * n + j] = s;
    }
    return o;
  },
};

await runSample({ rows: 67, cols: 45, inner: 33, seed: 0 }, async (gpu, { flags }, out) => {
  const { rows: R, cols: C, inner: P } = flags;
  const rng = new Random(flags.seed || freshSeed());
  const mx = new MatrixContext(gpu);
  const host = (r: number, c: number, lo = -1, hi = 1): Host => ({ v: rng.uniformArray(r * c, lo, hi), r, c });
  const dev = (h: Host): Matrix => mx.fromArray(h.v, h.r, h.c);

  const checks: { op: string; err: number }[] = [];
  const s = Math.fround(rng.uniform(0.5, 2));
  try {
    const a = host(R, C);
    const pos = host(R, C, 0.5, 2); // for log and reciprocal
    const b = host(R, C);
    const row = host(1, C, 0.5, 2);
    const col = host(R, 1, 0.5, 2);
    const one = host(1, 1, 0.5, 2);
    const l = host(R, P);
    const r = host(P, C);
    const lt = host(P, R);
    const rt = host(C, P);
    const [A, POS, B, ROW, COL, ONE] = [a, pos, b, row, col, one].map(dev);
    const cases: [string, Matrix, ArrayLike<number>][] = [
      ['dot', dev(l).dot(dev(r)), ref.product(l, r, false, false)],
      ['tdot', dev(lt).tdot(dev(r)), ref.product(lt, r, true, false)],
      ['dotT', dev(l).dotT(dev(rt)), ref.product(l, rt, false, true)],
      ['transpose', A.transpose(), ref.map({ v: a.v, r: C, c: R }, (_, i, j) => a.v[j * C + i])],
      ['add', A.add(B), ref.map(a, (x, i, j) => x + b.v[i * C + j])],
      ['sub', A.sub(B), ref.map(a, (x, i, j) => x - b.v[i * C + j])],
      ['mul', A.mul(B), ref.map(a, (x, i, j) => x * b.v[i * C + j])],
      ['div', A.div(POS), ref.map(a, (x, i, j) => x / pos.v[i * C + j])],
      ['add row vector', A.add(ROW), ref.map(a, (x, _, j) => x + row.v[j])],
      ['div row vector', A.div(ROW), ref.map(a, (x, _, j) => x / row.v[j])],
      ['sub column vector', A.sub(COL), ref.map(a, (x, i) => x - col.v[i])],
      ['mul column vector', A.mul(COL), ref.map(a, (x, i) => x * col.v[i])],
      ['mul 1×1', A.mul(ONE), ref.map(a, (x) => x * one.v[0])],
      ['add scalar', A.add(s), ref.map(a, (x) => x + s)],
      ['sub scalar', A.sub(s), ref.map(a, (x) => x - s)],
      ['mul scalar', A.mul(s), ref.map(a, (x) => x * s)],
      ['div scalar', A.div(s), ref.map(a, (x) => x / s)],
      ['rsub', A.rsub(s), ref.map(a, (x) => s - x)],
      ['rdiv', POS.rdiv(s), ref.map(pos, (x) => s / x)],
      ['exp', A.exp(), ref.map(a, Math.exp)],
      ['log', POS.log(), ref.map(pos, Math.log)],
      ['reciprocal', POS.reciprocal(), ref.map(pos, (x) => 1 / x)],
      ['sigmoid', A.mul(5).sigmoid(), ref.map(a, (x) => 1 / (1 + Math.exp(-5 * x)))],
      ['neg', A.neg(), ref.map(a, (x) => -x)],
      ['clamp', A.clamp(-0.5, 0.25), ref.map(a, (x) => Math.min(Math.max(x, -0.5), 0.25))],
      ['softmaxRows', A.mul(3).softmaxRows(), softmaxRef(a, 3)],
      ['rowSums', A.rowSums(), sums(a, 'rows')],
      ['colSums', A.colSums(), sums(a, 'cols')],
      ['sum', A.sum(), [sums(a, 'rows').reduce((x, y) => x + y, 0)]],
      ['mean', A.mean(), [sums(a, 'rows').reduce((x, y) => x + y, 0) / (R * C)]],
    ];
    for (const [op, m, want] of cases) checks.push({ op, err: relativeError(await m.read(), want) });

    // argmaxRows and takeRows return or take integer arrays.
    const best = A.argmaxRows();
    const wantBest = Array.from({ length: R }, (_, i) => {
      let k = 0;
      for (let j = 1; j < C; j++) if (a.v[i * C + j] > a.v[i * C + k]) k = j;
      return k;
    });
    const gotBest = await best.read();
    checks.push({ op: 'argmaxRows', err: wantBest.filter((k, i) => gotBest[i] !== k).length });
    best.dispose();
    const idx = rng.permutation(R);
    const idxDev = gpu.array(idx);
    const start = Math.floor(R / 3);
    const count = R - start - 1;
    const taken = A.takeRows(idxDev, start, count);
    const wantTaken = new Float64Array(count * C);
    for (let i = 0; i < count; i++) for (let j = 0; j < C; j++) wantTaken[i * C + j] = a.v[idx[start + i] * C + j];
    checks.push({ op: 'takeRows', err: relativeError(await taken.read(), wantTaken) });
    idxDev.dispose();
  } finally {
    mx.dispose();
  }

  const worst = Math.max(...checks.map((c) => c.err));
  out.log(`Matrix layer on ${gpu.backend}: ${checks.length} operations on ${R}×${C} (inner size ${P})`);
  for (const c of checks) out.log(`  ${c.op.padEnd(18)} relative error ${c.err.toExponential(2)}`);
  const failed = checks.filter((c) => !(c.err <= 1e-5));
  if (failed.length > 0) throw new Error(`Matrix ops off the float64 reference: ${failed.map((c) => `${c.op} (${c.err})`).join(', ')}`);
  out.done({ sample: 'matrix-ops', backend: gpu.backend, ...flags, checks, worst, ok: true });
});

function softmaxRef(a: Host, scale: number): Float64Array {
  const o = new Float64Array(a.r * a.c);
  for (let i = 0; i < a.r; i++) {
    let m = -Infinity;
    for (let j = 0; j < a.c; j++) m = Math.max(m, scale * a.v[i * a.c + j]);
    let s = 0;
    for (let j = 0; j < a.c; j++) s += Math.exp(scale * a.v[i * a.c + j] - m);
    for (let j = 0; j < a.c; j++) o[i * a.c + j] = Math.exp(scale * a.v[i * a.c + j] - m) / s;
  }
  return o;
}

function sums(a: Host, along: 'rows' | 'cols'): Float64Array {
  const o = new Float64Array(along === 'rows' ? a.r : a.c);
  for (let i = 0; i < a.r; i++) for (let j = 0; j < a.c; j++) o[along === 'rows' ? i : j] += a.v[i * a.c + j];
  return o;
}
