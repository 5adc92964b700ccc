// The samples' kernel modules bundle through the esbuild plugin with every kernel precompiled and
// no compiler inside, and the bundle's kernels compute what a float64 reference does.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listKernels } from '../../compiler/index.js';
import { Rng } from '../helpers/case.js';
import { FIXTURES, ROOT, bundle, compilerInputs } from './bundle.js';
import type { Inputs } from '../fixtures/samples-entry/inputs.js';

const MODULES = ['samples/matrix/kernels.ts', 'samples/lib/softmax-kernels.ts', 'samples/lib/logistic-kernels.ts'];

const dir = mkdtempSync(join(tmpdir(), 'ks-esbuild-samples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


interface Outputs {
  backend: string;
  precompiled: Record<string, string[]>;
  c: number[];
  soft: number[];
  applyW: number[];
  stats: number[];
  w: number[];
  lossSum: number[];
}

function makeInputs(rng: Rng): Inputs {
  const arr = (n: number, lo = -1, hi = 1): number[] => Array.from(rng.f32Array(n, lo, hi));
  const [m, n, k] = [rng.int(17, 49), rng.int(17, 49), rng.int(17, 49)];
  const [rows, cols] = [rng.int(9, 40), rng.int(5, 70)];
  const [parts, d] = [rng.int(2, 6), rng.int(70, 200)];
  const [ad, ak, blocks] = [rng.int(3, 40), rng.int(2, 13), rng.int(1, 70)];
  const entries = (ad + 1) * ak;
  return {
    m, n, k, transA: rng.int(0, 2), transB: rng.int(0, 2), a: arr(m * k), b: arr(k * n),
    rows, cols, s: arr(rows * cols, -4, 4),
    apply: {
      d: ad, k: ak, blocks, batch: rng.int(1, 32 * blocks + 1), rate: rng.f32(0.05, 0.5), l2: rng.f32(0, 0.01),
      slot: rng.int(0, 3), partial: arr(blocks * (entries + 2)), w: arr(entries), stats: arr(6, 0, 4),
    },
    parts, batch: rng.int(10, 64), d, rate: rng.f32(0.05, 0.5), partGrad: arr(parts * d), partLoss: arr(parts, 0, 2), w: arr(d),
  };
}

/** Float64 references of the four launches in the entry. */
function reference(x: Inputs): Omit<Outputs, 'backend' | 'precompiled'> {
  const at = (v: number[], i: number): number => v[i] ?? NaN;
  const c: number[] = [];
  for (let i = 0; i < x.m; i++) {
    for (let j = 0; j < x.n; j++) {
      let sum = 0;
      for (let p = 0; p < x.k; p++) {
        const av = x.transA ? at(x.a, p * x.m + i) : at(x.a, i * x.k + p);
        const bv = x.transB ? at(x.b, j * x.k + p) : at(x.b, p * x.n + j);
        sum += av * bv;
      }
      c.push(sum);
    }
  }
  const soft: number[] = [];
  for (let r = 0; r < x.rows; r++) {
    const row = x.s.slice(r * x.cols, (r + 1) * x.cols);
    const mx = Math.max(...row);
    const total = row.reduce((t, v) => t + Math.exp(v - mx), 0);
    soft.push(...row.map((v) => Math.exp(v - mx) / total));
  }
  const ap = x.apply;
  const stride = (ap.d + 1) * ap.k + 2;
  const column = (i: number): number => {
    let sum = 0;
    for (let b = 0; b < ap.blocks; b++) sum += at(ap.partial, b * stride + i);
    return sum;
  };
  // W's entries decay with l2, b's (the last k) do not; the loss and hit columns add to the slot.
  const applyW = ap.w.map((v, i) => v - ap.rate * (column(i) / ap.batch + (i < ap.d * ap.k ? ap.l2 * v : 0)));
  const stats = ap.stats.map((v, i) => (i === 2 * ap.slot || i === 2 * ap.slot + 1 ? v + column(stride - 2 + i - 2 * ap.slot) : v));
  const w = x.w.map((wj, j) => {
    let g = 0;
    for (let b = 0; b < x.parts; b++) g += at(x.partGrad, b * x.d + j);
    return wj + (x.rate * g) / x.batch;
  });
  const lossSum = [1 + x.partLoss.reduce((t, v) => t + v, 0)];
  return { c, soft, applyW, stats, w, lossSum };
}

/** Largest error relative to the reference's largest magnitude (at least 1). */
function maxRelErr(got: readonly number[], want: readonly number[]): number {
  expect(got.length).toBe(want.length);
  const scale = Math.max(1, ...want.map(Math.abs));
  return Math.max(0, ...want.map((w, i) => Math.abs((got[i] ?? NaN) - w))) / scale;
}

describe('esbuild plugin on the samples', () => {
  it('bundles sample kernel modules precompiled, without the compiler, and runs them', async () => {
    const outfile = join(dir, 'samples.mjs');
    const r = await bundle(`${FIXTURES}/samples-entry/main.ts`, outfile, 'node', { targets: ['wgsl', 'cuda'], cache: false });
    expect(r.errors).toEqual([]);
    const inputs = Object.keys(r.metafile.inputs);
    expect(compilerInputs(r.metafile)).toEqual([]);
    expect(inputs.filter((p) => /typescript|ts-morph|^compiler\//.test(p))).toEqual([]);
    for (const m of MODULES) expect(inputs).toContain(m);

    const seed = (Math.random() * 2 ** 32) >>> 0;
    const x = makeInputs(new Rng(seed));
    const inputFile = join(dir, 'inputs.json');
    writeFileSync(inputFile, JSON.stringify(x));
    const run = spawnSync(process.execPath, [outfile, inputFile], {
      encoding: 'utf8',
      cwd: ROOT,
      env: { ...process.env, KERNELSCRIPT_BACKEND: 'cpu' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const got = JSON.parse(run.stdout) as Outputs;
    expect(got.backend).toBe('cpu');

    // Every kernel the three modules define arrived precompiled for each target.
    const defined = MODULES.flatMap((m) => listKernels(readFileSync(join(ROOT, m), 'utf8'), m)).sort();
    expect(defined.length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(got.precompiled).sort()).toEqual(defined);
    for (const name of defined) expect(got.precompiled[name], name).toEqual(['cuda', 'js', 'wgsl']);

    const want = reference(x);
    expect(maxRelErr(got.c, want.c), `matmul, seed ${seed}`).toBeLessThan(1e-5);
    expect(maxRelErr(got.soft, want.soft), `softmaxRows, seed ${seed}`).toBeLessThan(1e-5);
    expect(maxRelErr(got.applyW, want.applyW), `softmaxApply W and b, seed ${seed}`).toBeLessThan(1e-5);
    expect(maxRelErr(got.stats, want.stats), `softmaxApply stats, seed ${seed}`).toBeLessThan(1e-5);
    expect(maxRelErr(got.w, want.w), `logisticUpdate w, seed ${seed}`).toBeLessThan(1e-5);
    expect(maxRelErr(got.lossSum, want.lossSum), `logisticUpdate loss, seed ${seed}`).toBeLessThan(1e-5);
  });
});
