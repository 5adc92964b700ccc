// verify(): one launch per backend on copies of the arguments, written arrays compared with the cpu
// backend's. Correct kernels pass and leave their arguments untouched; a difference planted in one
// target's output is pinpointed (array, first index, each backend's value); the tolerance lets an
// FMA-sized difference through and stops a 1% one.
import { afterAll, describe, expect, it } from 'vitest';
import { compileKernel, verify, VerifyError, LaunchError, type CompiledKernel, type Kernel, type VerifyReport } from '../../index.js';
import { kernel } from '../../core/lang.js';
import type { BaseDevice } from '../../runtime/device.js';
import { registerBackend, resetBackend } from '../../runtime/index.js';
import type { Device } from '../../runtime/types.js';
import type { CaseSpec, HostArg } from '../helpers/case.js';
import { Rng } from '../helpers/case.js';
import { closeDevices, openDevices } from '../helpers/devices.js';
import { loadCase } from '../helpers/case-modules.js';

type SaxpyFn = (a: number, x: Float32Array, y: Float32Array, n: number) => void;
const { saxpy, spec: saxpySpec } = await loadCase<{ saxpy: Kernel<SaxpyFn>; spec: CaseSpec }>('saxpy.ts');
const { intOps, uintOps, specs: intSpecs } = await loadCase<{ intOps: Kernel; uintOps: Kernel; specs: CaseSpec[] }>('t-int-ops.ts');
const { histogram, specs: histogramSpecs } = await loadCase<{ histogram: Kernel; specs: CaseSpec[] }>('histogram.ts');

const slots = await openDevices(['cpu', 'webgpu', 'cuda']);
afterAll(() => closeDevices(slots));
const devices = slots.flatMap((s) => (s.device ? [s.device] : []));
const webgpu = slots.find((s) => s.backend === 'webgpu');
const expected = slots.filter((s) => s.device).map((s) => s.backend);

/** Never called: these lines only have to type-check (or fail to, where marked). */
export function typeChecks(gpu: Device): void {
  const x = gpu.alloc(Float32Array, 4);
  void verify(saxpy, { grid: 1, block: 4 }, 2, x, new Float32Array(4), 4);
  // @ts-expect-error an Int32Array where a Float32Array (host or device) is expected
  void verify(saxpy, { grid: 1, block: 4 }, 2, new Int32Array(4), x, 4);
  // @ts-expect-error a missing argument
  void verify(saxpy, { grid: 1, block: 4 }, 2, x, x);
}

const copy = (args: readonly HostArg[]): HostArg[] => args.map((a) => (typeof a === 'object' ? a.slice() : a));
const specOf = (specs: CaseSpec[], name: string): CaseSpec => specs.find((s) => s.kernel === name) as CaseSpec;

describe('verify() on correct kernels', () => {
  const cases: [string, Kernel, CaseSpec, string][] = [
    ['saxpy (f32)', saxpy, saxpySpec, 'y'],
    ['intOps (i32, exact)', intOps, specOf(intSpecs, 'intOps'), 'out'],
    ['uintOps (u32, exact)', uintOps, specOf(intSpecs, 'uintOps'), 'out'],
    ['histogram (u32 atomics, exact)', histogram, specOf(histogramSpecs, 'histogram'), 'bins'],
  ];
  for (const [what, k, spec, written] of cases) {
    it(`${what}: passes on ${expected.join(' + ')} and leaves the host arrays untouched`, async () => {
      const rng = new Rng();
      const run = spec.make(rng);
      const before = copy(run.args);
      const report = await verify(k, { grid: run.grid, block: run.block, devices }, ...run.args);
      expect(report.ok, `seed ${rng.seed}`).toBe(true);
      expect(report.backends).toEqual(expected);
      expect(report.reference).toBe('cpu');
      expect(report.arrays.map((a) => a.name)).toEqual([written]);
      for (const a of report.arrays) {
        expect(a).toMatchObject({ ok: true, firstDiffIndex: -1, mismatches: 0, backends: expected, values: {} });
        if (a.type !== 'f32') expect(a.maxAbsDiff, `${a.name}: integers compare exactly`).toBe(0);
      }
      expect(run.args).toEqual(before);
    });
  }

  it('treats NaN as equal to NaN and compares infinities exactly', async () => {
    const rng = new Rng();
    const n = rng.int(300, 900);
    const x = rng.f32Array(n);
    const y = rng.f32Array(n);
    x[rng.int(0, n)] = NaN;
    x[rng.int(0, n)] = Infinity;
    y[rng.int(0, n)] = -Infinity;
    const report = await verify(saxpy, { grid: Math.ceil(n / 64), block: 64, devices }, rng.f32(0.5, 2), x, y, n);
    expect(report.ok, `seed ${rng.seed}`).toBe(true);
    expect(report.arrays[0]?.firstDiffIndex).toBe(-1);
  });

  it('reads device arrays without modifying them, and frees everything it uploads', async () => {
    const rng = new Rng();
    const n = rng.int(500, 2000);
    const x = rng.f32Array(n);
    const y = rng.f32Array(n);
    for (const d of devices) {
      const dx = d.array(x);
      const dy = d.array(y);
      const live = devices.map((v) => (v as BaseDevice).liveArrays);
      const report = await verify(saxpy, { grid: Math.ceil(n / 128), block: 128, devices }, rng.f32(), dx, dy, n);
      expect(report.ok, `seed ${rng.seed}, arrays on ${d.backend}`).toBe(true);
      expect(await dy.read()).toEqual(y);
      expect(await dx.read()).toEqual(x);
      expect(devices.map((v) => (v as BaseDevice).liveArrays)).toEqual(live);
      dx.dispose();
      dy.dispose();
    }
  });

  it('opens and disposes its own devices when given none, and reports a single backend as such', async () => {
    const rng = new Rng();
    const n = rng.int(100, 400);
    const all = await verify(saxpy, { grid: Math.ceil(n / 64), block: 64 }, rng.f32(), rng.f32Array(n), rng.f32Array(n), n);
    expect(all.ok).toBe(true);
    expect(all.backends).toEqual(expected);
    expect(all.skipped.map((s) => s.backend)).toEqual(slots.filter((s) => !s.device).map((s) => s.backend));
    const one = await verify(saxpy, { grid: Math.ceil(n / 64), block: 64, backends: ['cpu'] }, rng.f32(), rng.f32Array(n), rng.f32Array(n), n);
    expect(one).toMatchObject({ ok: true, backends: ['cpu'], reference: 'cpu', skipped: [] });
    expect(one.arrays[0]).toMatchObject({ name: 'y', backends: ['cpu'], firstDiffIndex: -1, maxAbsDiff: 0 });
  });

  it('skips a backend that cannot start, with its reason', async () => {
    registerBackend('cuda', () => Promise.reject(new Error('no driver in this test')));
    try {
      const rng = new Rng();
      const n = rng.int(100, 400);
      const r = await verify(saxpy, { grid: Math.ceil(n / 64), block: 64, backends: ['cpu', 'cuda'] }, rng.f32(), rng.f32Array(n), rng.f32Array(n), n);
      expect(r).toMatchObject({ ok: true, backends: ['cpu'], skipped: [{ backend: 'cuda', reason: 'no driver in this test' }] });
    } finally {
      resetBackend('cuda');
    }
  });
});

// Two kernels of the same name and parameters: y = x + y (correctly rounded on every target, and
// nothing a compiler could contract), the planted one then adding `d` to y[p .. p+m). The cpu runs
// the plain one, every other target the planted one: a backend difference of chosen size and place.
const source = (planted: boolean): string => `import { kernel, blockDim, blockIdx, threadIdx, type f32, type i32 } from 'kernelscript';
export const addAt = kernel(function addAt(x: Float32Array, y: Float32Array, n: i32, p: i32, m: i32, d: f32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    y[i] = x[i] + y[i];${planted ? '\n    if (i >= p && i < p + m) { y[i] = y[i] + d; }' : ''}
  }
});
`;
const compileAs = (planted: boolean, target: 'js' | 'wgsl' | 'cuda'): CompiledKernel =>
  compileKernel(source(planted), { target, kernel: 'addAt', fileName: `add-at-${planted ? 'planted' : 'plain'}.ts` });
const plantedKernel = kernel((_x: Float32Array, _y: Float32Array, _n: number, _p: number, _m: number, _d: number) => undefined, {
  js: compileAs(false, 'js'),
  wgsl: compileAs(true, 'wgsl'),
  cuda: compileAs(true, 'cuda'),
});

describe.skipIf(!webgpu?.device)(`verify() pinpoints a planted backend difference${webgpu?.device ? '' : ` (skipped: ${webgpu?.reason})`}`, () => {
  const others = expected.filter((b) => b !== 'cpu');

  /** Random inputs whose sum cancels to exactly 0 at a random index c; ref is the float64-checked x + y. */
  function inputs(rng: Rng) {
    const n = rng.int(1000, 4000);
    const x = rng.f32Array(n);
    const y = rng.f32Array(n);
    const c = rng.int(1, n);
    y[c] = -(x[c] as number);
    const ref = Float64Array.from(y, (v, i) => Math.fround((x[i] as number) + v));
    return { n, x, y, c, ref, cfg: { grid: Math.ceil(n / 128), block: 128, devices } };
  }

  it('lets an FMA-sized difference through (after a cancellation: many ulps, but tiny against the array)', async () => {
    const rng = new Rng();
    const { n, x, y, c, ref, cfg } = inputs(rng);
    // What contracting a·b + (−fl(a·b)) into one fma gives instead of 0: the product's rounding error.
    let fmaError = 0;
    while (fmaError === 0) {
      const [a, b] = [rng.f32(0.5, 1), rng.f32(0.5, 1)];
      fmaError = Math.fround(a * b - Math.fround(a * b));
    }
    expect(ref[c]).toBe(0);
    const report = await verify(plantedKernel, cfg, x, y, n, c, 1, fmaError);
    const [y0] = report.arrays;
    expect(report.ok, `seed ${rng.seed}`).toBe(true);
    expect(y0).toMatchObject({ name: 'y', firstDiffIndex: -1, mismatches: 0, inexact: 1, maxAbsDiff: Math.abs(fmaError) });
    expect(y0?.maxUlpDiff).toBeGreaterThan(1000);
  });

  it('lets a 3-ulp difference through and stops a 1% one, naming the array, the first index and each value', async () => {
    const rng = new Rng();
    const { n, x, y, ref, cfg } = inputs(rng);
    // An element of some size, not within a few ulps of a power of two (so +3 ulp stays in its binade).
    const mantissa = (v: number) => Math.abs(v) / 2 ** Math.floor(Math.log2(Math.abs(v)));
    let q = rng.int(0, n);
    while (Math.abs(ref[q] as number) < 0.05 || mantissa(ref[q] as number) > 1.99) q = (q + 1) % n;
    const r = ref[q] as number;
    const ulp = 2 ** (Math.floor(Math.log2(Math.abs(r))) - 23);
    const near = await verify(plantedKernel, cfg, x, y, n, q, 1, 3 * ulp * Math.sign(r));
    expect(near.ok, `seed ${rng.seed}`).toBe(true);
    expect(near.arrays[0]).toMatchObject({ maxUlpDiff: 3, inexact: 1, firstDiffIndex: -1 });

    let error: unknown;
    await verify(plantedKernel, cfg, x, y, n, q, 1, 0.01 * r).catch((e: unknown) => (error = e));
    expect(error, `seed ${rng.seed}`).toBeInstanceOf(VerifyError);
    const report: VerifyReport = (error as VerifyError).report;
    const planted = Math.fround(r + Math.fround(0.01 * r));
    expect(report).toMatchObject({ kernel: 'addAt', ok: false, backends: expected, reference: 'cpu' });
    expect(report.arrays).toHaveLength(1);
    const [y0] = report.arrays;
    expect(y0).toMatchObject({ name: 'y', type: 'f32', length: n, ok: false, firstDiffIndex: q, mismatches: 1, maxAbsDiff: Math.abs(planted - r) });
    // The reference holds the float64-checked sum; every other backend the planted value.
    expect(y0?.values).toEqual(Object.fromEntries([['cpu', r], ...others.map((b) => [b, planted])]));
    const msg = (error as Error).message;
    expect(msg).toContain(`kernel 'addAt'`);
    expect(msg).toContain(`'y' (f32): 1 of ${n} elements differ; first at index ${q}: cpu ${r}, ${others.map((b) => `${b} ${planted}`).join(', ')}`);
  });

  it('reports the first of several differences, and an infinity against a number as an infinite one', async () => {
    const rng = new Rng();
    const { n, x, y, cfg } = inputs(rng);
    const p = rng.int(1, n - 40);
    const m = rng.int(2, 40);
    const several = await verify(plantedKernel, cfg, x, y, n, p, m, 1).catch((e: unknown) => (e as VerifyError).report);
    expect(several.arrays[0], `seed ${rng.seed}`).toMatchObject({ ok: false, firstDiffIndex: p, mismatches: m });
    const inf = await verify(plantedKernel, cfg, x, y, n, p, 1, Infinity).catch((e: unknown) => (e as VerifyError).report);
    expect(inf.arrays[0], `seed ${rng.seed}`).toMatchObject({ ok: false, firstDiffIndex: p, mismatches: 1, maxAbsDiff: Infinity, maxUlpDiff: Infinity });
  });
});

describe('verify() refuses bad input clearly', () => {
  it('refuses what is not a kernel object, a bad tolerance and an unknown backend', async () => {
    const cfg = { grid: 1, block: 1 };
    await expect(verify({} as Kernel, cfg)).rejects.toThrow(LaunchError);
    await expect(verify(saxpy, { ...cfg, tolerance: { ulps: -1 } }, 1, new Float32Array(1), new Float32Array(1), 1)).rejects.toThrow(
      /tolerance\.ulps must be a non-negative number, got number -1/,
    );
    await expect(
      verify(saxpy, { ...cfg, backends: ['tpu' as 'cpu'] }, 1, new Float32Array(1), new Float32Array(1), 1),
    ).rejects.toThrow(/backends may name 'cpu', 'webgpu', 'cuda', got string "tpu"/);
  });

  it('passes launch errors through unchanged', async () => {
    const d: Device[] = devices.slice(0, 1);
    await expect(verify(saxpy, { grid: 1, block: 1, devices: d }, 1, new Int32Array(4) as unknown as Float32Array, new Float32Array(4), 4)).rejects.toThrow(
      /parameter 'x' \(argument 2\): expected a Float32Array device array, got a Int32Array\(4\) device array/,
    );
  });
});
