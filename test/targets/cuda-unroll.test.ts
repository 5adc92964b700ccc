// The CUDA target's `#pragma unroll` marks (targets/cuda/pragma-unroll.ts): which counted loops get
// one, and that the fast SGEMM's k-step loop, which nvcc leaves rolled on its own, unrolls into
// straight-line float4 shared loads and multiply-adds with nothing in local memory.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileKernel } from '../../compiler/index.js';
import type { Expr, KernelIR, Stmt } from '../../core/ir/types.js';
import {
  add, array, assign, bin, block, brk, f, forRange, i, idx, if_, kernelIR, let_, load, localArr, loop, lt, param,
  scalar, store, tid,
} from '../../core/ir/build.js';
import { emitCuda } from '../../targets/cuda/emit.js';
import { PRAGMA_MAX_NODES, PRAGMA_MAX_TRIPS } from '../../targets/cuda/pragma-unroll.js';
import { nodeCount } from '../../targets/unroll.js';
import { hasNvcc, nvccCompile } from '../helpers/nvcc.js';

const j = load('j', 'i32');
const params = [array('x', 'f32', 'read'), array('y', 'f32', 'write'), scalar('n', 'i32')];
const kernelWith = (loopStmt: Stmt): KernelIR =>
  kernelIR('k', params, [localArr('w', 'f32', 4), loopStmt, store('y', tid(), idx('w', i(0), 'f32'))]);
const body = [store('y', add(tid(), j), idx('x', add(tid(), j), 'f32'))];

/** The lines of the printed kernel, and which `for` lines a `#pragma unroll` line precedes. */
function marked(ir: KernelIR): { fors: number; marked: number } {
  const lines = emitCuda(ir).code.split('\n').map((l) => l.trim());
  const fors = lines.filter((l) => l.startsWith('for ('));
  const pragmas = lines.flatMap((l, k) => (l === '#pragma unroll' ? [lines[k + 1] ?? ''] : []));
  for (const p of pragmas) expect(p, 'a #pragma unroll precedes a for loop').toMatch(/^for \(/);
  return { fors: fors.length, marked: pragmas.length };
}

describe('#pragma unroll on counted loops', () => {
  it('marks a loop of constant trip count, whatever it indexes', () => {
    expect(marked(kernelWith(forRange('j', i(0), i(8), body)))).toEqual({ fors: 1, marked: 1 });
    const le = block(let_('j', 'i32', i(1)), loop(bin('<=', j, i(64)), body, [assign('j', add(j, i(3)))]));
    expect(marked(kernelWith(le))).toEqual({ fors: 1, marked: 1 });
  });

  it(`marks up to ${PRAGMA_MAX_TRIPS} trips, and nested loops when the whole nest fits`, () => {
    expect(marked(kernelWith(forRange('j', i(0), i(PRAGMA_MAX_TRIPS), body))).marked).toBe(1);
    const inner = forRange('q', i(0), i(8), [store('y', add(load('q', 'i32'), j), f(1))]);
    expect(marked(kernelWith(forRange('j', i(0), i(8), [inner])))).toEqual({ fors: 2, marked: 2 });
  });

  const unmarked: [string, Stmt][] = [
    ['the trip count is a parameter', forRange('j', i(0), param('n', 'i32'), body)],
    ['it has more trips than the budget', forRange('j', i(0), i(PRAGMA_MAX_TRIPS + 1), body)],
    ['it runs once', forRange('j', i(0), i(1), body)],
    ['the body assigns the counter', forRange('j', i(0), i(8), [...body, assign('j', add(j, i(1)))])],
    ['the body breaks out', forRange('j', i(0), i(8), [...body, if_(lt(j, param('n', 'i32')), [brk])])],
  ];
  for (const [why, s] of unmarked) {
    it(`leaves the loop to nvcc when ${why}`, () => {
      expect(marked(kernelWith(s))).toEqual({ fors: 1, marked: 0 });
    });
  }

  it('leaves a loop whose unrolled size is over the budget, marking the inner loops that fit', () => {
    let v: Expr = idx('x', j, 'f32');
    while (nodeCount([store('y', j, v)]) * 16 <= PRAGMA_MAX_NODES) v = add(v, f(1));
    expect(marked(kernelWith(forRange('j', i(0), i(16), [store('y', j, v)])))).toEqual({ fors: 1, marked: 0 });
    expect(marked(kernelWith(forRange('j', i(0), i(2), [store('y', j, v)])))).toEqual({ fors: 1, marked: 1 });
    // 8 × 8 × 8 small statements fit; 64 × 64 × 8 do not, though each loop alone would.
    const nest = (outer: number): Stmt =>
      forRange('j', i(0), i(outer), [forRange('q', i(0), i(64), [forRange('r', i(0), i(8), [store('y', add(j, load('r', 'i32')), f(1))])])]);
    expect(marked(kernelWith(nest(2)))).toEqual({ fors: 3, marked: 3 });
    expect(marked(kernelWith(nest(64)))).toEqual({ fors: 3, marked: 2 });
  });
});

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MATMUL = `${ROOT}samples/lib/matmul-kernels.ts`;

describe.skipIf(!hasNvcc)(`the pipelined SGEMM's PTX${hasNvcc ? '' : ' (skipped: nvcc not found)'}`, () => {
  const count = (ptx: string, op: string): number => ptx.split('\n').filter((l) => l.trim().startsWith(op)).length;

  for (const [values, bk] of [[{}, 8], [{ PBN: 64, PBK: 16 }, 16]] as const) {
    it(`unrolls each ${bk}-step tile into ${bk} × 64 multiply-adds over ${bk} × 4 float4 shared loads (${JSON.stringify(values)})`, async () => {
      const source = readFileSync(MATMUL, 'utf8');
      const kernel = compileKernel(source, { target: 'cuda', kernel: 'matmulPipelined', fileName: MATMUL, ...(Object.keys(values).length ? { specialize: values } : {}) });
      const r = await nvccCompile(kernel.code, ['-arch=sm_90', '-ptx', '-O3']);
      expect(r.ok, r.said).toBe(true);
      expect(count(r.ptx, 'fma.rn.f32')).toBe(bk * 64);
      expect(count(r.ptx, 'ld.shared.v4.f32')).toBe(bk * 4);
      expect(count(r.ptx, 'ld.global.nc.v4.f32')).toBeGreaterThan(0);
      expect(r.ptx).not.toMatch(/\b(ld|st)\.local\b/);
    });
  }
});
