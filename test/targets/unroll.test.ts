// The WGSL target's unrolling of short counted loops over local arrays: which loops it unrolls,
// which it must leave alone, that the result is valid IR with constant local-array indices, and
// that unrolled kernels still compute the right values on the webgpu device.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileKernel, compileToIR, verifyKernel } from '../../compiler/index.js';
import type { Expr, KernelIR, Stmt } from '../../core/ir/types.js';
import { visitAllExprs, visitStmts } from '../../core/ir/walk.js';
import type { DeviceArray } from '../../runtime/types.js';
import { foldKernel } from '../../targets/fold.js';
import { MAX_NODES, MAX_TRIPS, nodeCount, unrollKernel } from '../../targets/unroll.js';
import { emitWgsl } from '../../targets/wgsl/emit.js';
import { Rng } from '../helpers/case.js';
import { closeDevices, openDevices } from '../helpers/devices.js';
import {
  add, array, assign, bin, block, brk, cont, f, forRange, i, idx, if_, kernelIR, let_, load, localArr, loop, lt,
  mul, param, ret, barrier, scalar, store, tid,
} from '../../core/ir/build.js';
import { caseKernels } from './sources.js';
import { compareOutput } from '../exec/run-case.js';

const j = load('j', 'i32');
const params = [array('x', 'f32', 'read'), array('y', 'f32', 'write'), scalar('n', 'i32')];
/** `w[j] = x[tid + j]` for the given loop, then y[tid] = w[0]. */
const withLoop = (loopStmt: Stmt, extra: Stmt[] = []): KernelIR =>
  kernelIR('k', params, [localArr('w', 'f32', 64), loopStmt, ...extra, store('y', tid(), idx('w', i(0), 'f32'))]);
const body = [store('w', j, idx('x', add(tid(), j), 'f32'))];

function loops(ir: KernelIR): number {
  let n = 0;
  visitStmts(ir.body, (s) => {
    if (s.k === 'loop') n++;
  });
  return n;
}

/** Unrolls, checks the result is valid IR, and folds as the WGSL target does. */
function unrolled(ir: KernelIR): KernelIR {
  verifyKernel(ir);
  const out = foldKernel(unrollKernel(ir));
  verifyKernel(out);
  return out;
}

/** Every index into a local array, as stores and reads. */
function localIndices(ir: KernelIR): Expr[] {
  const locals = new Set<string>();
  const out: Expr[] = [];
  visitStmts(ir.body, (s) => {
    if (s.k === 'localArray') locals.add(s.name);
    if (s.k === 'store' && locals.has(s.array)) out.push(s.index);
  });
  visitAllExprs(ir.body, (e) => {
    if (e.k === 'index' && locals.has(e.array)) out.push(e.index);
  });
  return out;
}

describe('unrolling on hand-built IR', () => {
  it('unrolls a for loop indexing a local array, with constant indices', () => {
    const out = unrolled(withLoop(forRange('j', i(0), i(4), body)));
    expect(loops(out)).toBe(0);
    const stores = localIndices(out).filter((e) => e.k === 'const').map((e) => (e.k === 'const' ? e.value : null));
    expect(stores).toEqual(expect.arrayContaining([0, 1, 2, 3]));
    expect(localIndices(out).every((e) => e.k === 'const')).toBe(true);
  });

  it('handles <=, != and steps above one', () => {
    const le = block(let_('j', 'i32', i(1)), loop(bin('<=', j, i(7)), body, [assign('j', add(j, i(2)))]));
    const ne = block(let_('j', 'i32', i(0)), loop(bin('!=', j, i(12)), body, [assign('j', add(j, i(3)))]));
    for (const [s, want] of [[le, [1, 3, 5, 7]], [ne, [0, 3, 6, 9]]] as const) {
      const out = unrolled(withLoop(s));
      expect(loops(out)).toBe(0);
      const idxs = localIndices(out).map((e) => (e.k === 'const' ? e.value : null));
      expect(idxs.slice(0, want.length)).toEqual(want);
    }
  });

  it('renames the locals each copy declares, keeping them unique', () => {
    const t = load('t', 'f32');
    const out = unrolled(withLoop(forRange('j', i(0), i(3), [let_('t', 'f32', idx('x', j, 'f32'), false), store('w', j, mul(t, t))])));
    const names: string[] = [];
    visitStmts(out.body, (s) => s.k === 'let' && names.push(s.name));
    expect(names).toEqual(['t', 't_1', 't_2']);
  });

  it('unrolls nested loops inner first, down to straight-line code', () => {
    const k = load('k', 'i32');
    const inner = forRange('k', i(0), i(4), [store('w', add(mul(j, i(4)), k), idx('x', add(j, k), 'f32'))]);
    const out = unrolled(withLoop(forRange('j', i(0), i(4), [inner])));
    expect(loops(out)).toBe(0);
    const idxs = localIndices(out).map((e) => (e.k === 'const' ? e.value : null));
    expect(idxs.slice(0, 16)).toEqual([...Array(16).keys()]);
  });

  it("unrolls around a nested loop's own break and continue", () => {
    const r = load('r', 'i32');
    const inner = forRange('r', i(0), param('n', 'i32'), [if_(lt(r, j), [cont]), brk]);
    const out = unrolled(withLoop(forRange('j', i(0), i(4), [inner, ...body])));
    expect(loops(out)).toBe(4);
    expect(localIndices(out).every((e) => e.k === 'const')).toBe(true);
  });

  it('unrolls a loop whose local-array index goes through a local computed from the counter', () => {
    const o = load('o', 'i32');
    const out = unrolled(withLoop(forRange('j', i(0), i(4), [
      let_('o', 'i32', add(mul(j, i(2)), i(1)), false), store('w', o, idx('x', o, 'f32')),
    ])));
    expect(loops(out)).toBe(0);
    const lets: number[] = [];
    visitStmts(out.body, (s) => {
      if (s.k === 'let' && s.init?.k === 'const' && typeof s.init.value === 'number') lets.push(s.init.value);
    });
    expect(lets).toEqual([1, 3, 5, 7]);
  });

  it("unrolls an 8×8 register tile's multiply-adds whole (acc[i * 8 + jj] += a[i] * b[jj])", () => {
    const iv = load('ii', 'i32');
    const jv = load('jj', 'i32');
    const fma = store('w', add(mul(iv, i(8)), jv), add(idx('w', add(mul(iv, i(8)), jv), 'f32'), mul(idx('x', iv, 'f32'), idx('x', jv, 'f32'))));
    const out = unrolled(withLoop(forRange('ii', i(0), i(8), [forRange('jj', i(0), i(8), [fma])])));
    expect(loops(out)).toBe(0);
    const stores = localIndices(out).filter((e) => e.k === 'const');
    expect(stores.length).toBe(localIndices(out).length);
    expect(new Set(stores.map((e) => (e.k === 'const' ? e.value : -1)))).toEqual(new Set([...Array(64).keys()]));
  });

  const leftAlone: [string, KernelIR][] = [
    ['the counter is assigned in the body', withLoop(forRange('j', i(0), i(4), [...body, assign('j', add(j, i(1)))]))],
    ['the body breaks out of the loop', withLoop(forRange('j', i(0), i(4), [...body, if_(lt(j, param('n', 'i32')), [brk])]))],
    ['the body continues the loop', withLoop(forRange('j', i(0), i(4), [if_(lt(j, param('n', 'i32')), [cont]), ...body]))],
    ['the body returns', withLoop(forRange('j', i(0), i(4), [...body, if_(lt(j, param('n', 'i32')), [ret()])]))],
    ['the body has a barrier', withLoop(forRange('j', i(0), i(4), [...body, barrier]))],
    ['the trip count is too large', withLoop(forRange('j', i(0), i(MAX_TRIPS + 1), body))],
    ['the trip count is not constant', withLoop(forRange('j', i(0), param('n', 'i32'), body))],
    ['the counter never reaches a != bound', withLoop(block(let_('j', 'i32', i(0)), loop(bin('!=', j, i(5)), body, [assign('j', add(j, i(2)))])))],
    ['the step is not positive', withLoop(block(let_('j', 'i32', i(0)), loop(lt(j, i(4)), body, [assign('j', add(j, i(0)))])))],
    ['no local array is indexed with the counter', withLoop(forRange('j', i(0), i(4), [store('y', j, f(1))]))],
    ['the counter is read after the loop', withLoop(let_('j', 'i32', i(0)), [
      loop(lt(j, i(4)), body, [assign('j', add(j, i(1)))]), store('y', j, f(2)),
    ])],
  ];
  for (const [why, ir] of leftAlone) {
    it(`leaves the loop alone when ${why}`, () => {
      const out = unrolled(ir);
      expect(loops(out)).toBe(loops(ir));
    });
  }

  it('leaves the loop alone when the unrolled code would be too large', () => {
    let v: Expr = idx('x', j, 'f32');
    while (nodeCount([store('w', j, v)]) * 16 <= MAX_NODES) v = add(v, f(1));
    const ir = withLoop(forRange('j', i(0), i(16), [store('w', j, v)]));
    expect(loops(unrolled(ir))).toBe(1);
    expect(loops(unrolled(withLoop(forRange('j', i(0), i(2), [store('w', j, v)]))))).toBe(0);
  });
});

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('unrolling compiled kernels', () => {
  it('keeps every test case kernel valid IR', () => {
    const cases = caseKernels();
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) unrolled(compileToIR(c.source, { kernel: c.kernel, fileName: c.fileName }));
  });

  it('gives matmulPipelined only constant indices into its register tiles and prefetch registers', () => {
    const file = `${ROOT}samples/lib/matmul-kernels.ts`;
    const ir = compileToIR(readFileSync(file, 'utf8'), { kernel: 'matmulPipelined', fileName: file });
    const code = emitWgsl(ir).code;
    for (const a of ['acc', 'af', 'bf', 'pa', 'pb']) {
      const uses = [...code.matchAll(new RegExp(`\\b${a}\\[([^\\]]*)\\]`, 'g'))].map((m) => m[1]);
      expect(uses.length, a).toBeGreaterThan(0);
      // A constant, or a let the unrolled copy sets to one (`let o_3: i32 = 12i;` … `acc[o_3 + 1i]`).
      for (const u of uses) expect(u, `${a}[${u}]`).toMatch(/^(\d+i|o(_\d+)?( \+ \di)?)$/);
    }
    const offsets = [...code.matchAll(/let (o(?:_\d+)?): i32 = (\d+)i;/g)];
    expect(offsets.length).toBe(16);
  });

  it('gives matmulRegister only constant indices into acc, av and bv', () => {
    const file = `${ROOT}samples/lib/matmul-kernels.ts`;
    const ir = compileToIR(readFileSync(file, 'utf8'), { kernel: 'matmulRegister', fileName: file });
    expect(localIndices(ir).some((e) => e.k !== 'const')).toBe(true);
    const out = unrolled(ir);
    expect(localIndices(out).length).toBeGreaterThan(0);
    expect(localIndices(out).every((e) => e.k === 'const')).toBe(true);
    const code = emitWgsl(ir).code;
    for (const a of ['acc', 'av', 'bv']) {
      const uses = [...code.matchAll(new RegExp(`\\b${a}\\[([^\\]]*)\\]`, 'g'))].map((m) => m[1]);
      expect(uses.length).toBeGreaterThan(0);
      for (const u of uses) expect(u, `${a}[${u}]`).toMatch(/^\d+i$/);
    }
  });
});

const KERNEL_FILE = 'unrolled.ts';
const KERNEL_SOURCE = `
import { kernel, blockDim, blockIdx, threadIdx, localArray, type f32, type i32 } from 'kernelscript';

export const unrolled = kernel(function unrolled(x: Float32Array, y: Float32Array, n: i32) {
  const g = blockIdx.x * blockDim.x + threadIdx.x;
  if (g >= n) {
    return;
  }
  const w = localArray(Float32Array, 8);
  for (let i = 0; i < 8; i++) {
    const v = x[(g + i) % n];
    w[i] = v * v - v;
  }
  for (let i = 0; i <= 6; i += 2) {
    for (let j = 0; j < 2; j++) {
      w[i + j] += w[7 - i - j] * 0.5;
    }
  }
  for (let i = 0; i < 8; i++) {
    let t: f32 = w[i];
    for (let r = 0; r < 100; r++) {
      if (r >= i) {
        break;
      }
      t = t * 0.75 + x[g];
    }
    y[g * 8 + i] = t;
  }
});
`;

function reference(x: Float32Array, n: number): Float64Array {
  const y = new Float64Array(n * 8);
  for (let g = 0; g < n; g++) {
    const w: number[] = [];
    for (let i = 0; i < 8; i++) {
      const v = x[(g + i) % n]!;
      w.push(v * v - v);
    }
    for (let i = 0; i <= 6; i += 2) for (let jj = 0; jj < 2; jj++) w[i + jj]! += w[7 - i - jj]! * 0.5;
    for (let i = 0; i < 8; i++) {
      let t = w[i]!;
      for (let r = 0; r < i; r++) t = t * 0.75 + x[g]!;
      y[g * 8 + i] = t;
    }
  }
  return y;
}

const [slot] = await openDevices(['webgpu']);
afterAll(() => closeDevices(slot ? [slot] : []));

describe.skipIf(!slot?.device)(`unrolled kernels on webgpu${slot?.device ? '' : ` (skipped: ${slot?.reason})`}`, () => {
  it('an unrolled kernel matches its float64 reference', async () => {
    const device = slot!.device!;
    const compiled = compileKernel(KERNEL_SOURCE, { target: 'wgsl', kernel: 'unrolled', fileName: KERNEL_FILE });
    // The first two nests unroll fully; the third unrolls its outer loop into 8 copies of the inner
    // one, which stays a loop (it breaks).
    expect(compiled.code.match(/\bloop \{/g)?.length).toBe(8);
    const rng = new Rng();
    const n = rng.int(300, 700);
    const hx = rng.f32Array(n);
    const x = device.array(hx);
    const y = device.array(new Float32Array(n * 8).fill(NaN));
    try {
      device.launchCompiled(compiled, { grid: [Math.ceil(n / 64), 1, 1], block: [64, 1, 1] }, [x, y, n]);
      compareOutput(`y (seed ${rng.seed})`, await y.read(), reference(hx, n), 1e-5);
    } finally {
      x.dispose();
      y.dispose();
    }
  });

  it('matmulRegister, unrolled, matches its float64 reference', async () => {
    const device = slot!.device!;
    const file = `${ROOT}samples/lib/matmul-kernels.ts`;
    const compiled = compileKernel(readFileSync(file, 'utf8'), { target: 'wgsl', kernel: 'matmulRegister', fileName: file });
    const rng = new Rng();
    // Sizes that are not multiples of the 64×64 tile exercise the edge checks of the unrolled stores.
    const [m, n, k] = [rng.int(65, 130), rng.int(65, 130), rng.int(17, 80)];
    const ha = rng.f32Array(m * k);
    const hb = rng.f32Array(k * n);
    const want = new Float64Array(m * n);
    for (let r = 0; r < m; r++) for (let p = 0; p < k; p++) for (let c = 0; c < n; c++) want[r * n + c]! += ha[r * k + p]! * hb[p * n + c]!;
    const arrays: DeviceArray[] = [device.array(ha), device.array(hb), device.array(new Float32Array(m * n).fill(NaN))];
    try {
      device.launchCompiled(compiled, { grid: [Math.ceil(n / 64), Math.ceil(m / 64), 1], block: [16, 16, 1] }, [...arrays, m, n, k]);
      compareOutput(`c (seed ${rng.seed})`, await arrays[2]!.read(), want, 1e-5);
    } finally {
      for (const d of arrays) d.dispose();
    }
  });
});
