// The cpu backend's region lowering of barriers (targets/js/regions.ts) against its generator
// path: every barrier kernel of the test cases must produce bit-identical outputs both ways, and a
// kernel the regions cannot express must still run (as generators) and match its reference.
import { someExprIn, someStmt } from '../../core/ir/walk.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileToIR, listKernels } from '../../compiler/index.js';
import type { KernelIR } from '../../core/ir/types.js';
import { normaliseDim } from '../../runtime/device.js';
import type { Dim3 } from '../../runtime/types.js';
import { TARGETS, emitKernel } from '../../targets/index.js';
import { lowerFor } from '../../targets/target.js';
import { emitJs } from '../../targets/js/emit.js';
import { Rng, type CaseSpec, type HostArg } from '../helpers/case.js';
import { checkOutput } from '../exec/run-case.js';
import { compare } from './compare.js';
import type { TypedArray } from '../../runtime/types.js';
import { CASES_DIR, caseKernels } from './sources.js';

type Run = (args: unknown[], grid: number[], block: number[]) => void;

const load = (code: string): Run => new Function(code)() as Run;
const dim3 = (d: Dim3): number[] => [...normaliseDim(d, 'grid', 'test')];
const copy = (a: HostArg): HostArg => (typeof a === 'object' ? a.slice() : a);
const bits = (a: HostArg): number[] | HostArg => (typeof a === 'object' ? [...new Uint8Array(a.buffer, a.byteOffset, a.byteLength)] : a);
/** The JS target's pass list (lowerFor), printed on the generator path. */
const generatorCode = (ir: KernelIR): string => emitJs(lowerFor(TARGETS.js, ir), { generators: true }).code;

async function specsOf(caseName: string): Promise<CaseSpec[]> {
  const file = readdirSync(CASES_DIR).find((f) => f === `${caseName}.ts`);
  if (!file) throw new Error(`no case file ${caseName}.ts`);
  const mod = (await import(join(CASES_DIR, file))) as { spec?: CaseSpec; specs?: CaseSpec[] };
  return mod.specs ?? (mod.spec ? [mod.spec] : []);
}

const barrierCases = caseKernels()
  .map((c) => ({ ...c, ir: compileToIR(c.source, { kernel: c.kernel, fileName: c.fileName }) }))
  // Kernels with warp or matrix operations always run as generators (targets/js/warp.ts, matrix.ts).
  .filter((c) => c.ir.usesBarrier && !someExprIn(c.ir.body, (e) => e.k === 'warp') && !someStmt(c.ir.body, (s) => s.k === 'matrix'));

describe('js barrier kernels: regions match generators bit for bit', () => {
  it('finds barrier kernels among the test cases', () => {
    expect(barrierCases.length).toBeGreaterThan(3);
  });

  for (const c of barrierCases) {
    it(`${c.caseName}.${c.kernel}`, async () => {
      const fast = emitKernel(c.ir, 'js').code;
      const slow = generatorCode(c.ir);
      expect(fast).not.toContain('function*');
      expect(slow).toContain('function*');
      const specs = (await specsOf(c.caseName)).filter((s) => s.kernel === c.kernel);
      expect(specs.length, 'a spec launches this kernel').toBeGreaterThan(0);
      for (const spec of specs) {
        const rng = new Rng();
        const { args, grid, block } = spec.make(rng);
        const a1 = args.map(copy);
        const a2 = args.map(copy);
        for (let r = 0; r < (spec.repeat ?? 1); r++) {
          load(fast)(a1, dim3(grid), dim3(block));
          load(slow)(a2, dim3(grid), dim3(block));
        }
        a1.forEach((v, i) => expect(bits(v), `arg ${i} (seed ${rng.seed})`).toEqual(bits(a2[i] as HostArg)));
        // The bits agree; make sure they are also right.
        for (const [k, w] of Object.entries(spec.reference(args.map(copy)))) {
          checkOutput(spec, Number(k), `arg ${k} (seed ${rng.seed})`, a1[Number(k)] as TypedArray, w, 'cpu', args);
        }
      }
    });
  }
});

// Breaks out of a barrier-containing loop on a uniform condition: no region form, so generators.
const FALLBACK = `
import { kernel, blockDim, sharedArray, syncthreads, threadIdx, type i32 } from 'kernelscript';
export const shiftSum = kernel(function shiftSum(x: Float32Array, y: Float32Array, rounds: i32) {
  const buf = sharedArray(Float32Array, 64);
  const t = threadIdx.x;
  let acc = x[t];
  let r = 0;
  while (true) {
    if (r >= rounds) break;
    buf[t] = acc;
    syncthreads();
    acc = acc + buf[(t + 1) % blockDim.x];
    syncthreads();
    r++;
  }
  y[t] = acc;
});
`;

describe('js barrier kernels the regions cannot express', () => {
  it('run as generators and still compute the right result', () => {
    const [name = ''] = listKernels(FALLBACK, 'fallback.ts');
    const ir = compileToIR(FALLBACK, { kernel: name, fileName: 'fallback.ts' });
    const code = emitKernel(ir, 'js').code;
    expect(code).toContain('function*');
    const rng = new Rng();
    const n = 64;
    const rounds = rng.int(2, 6);
    const x = rng.f32Array(n);
    const y = new Float32Array(n);
    load(code)([x, y, rounds], [1, 1, 1], [n, 1, 1]);
    let acc = Array.from(x);
    for (let r = 0; r < rounds; r++) acc = acc.map((v, t) => v + (acc[(t + 1) % n] ?? 0));
    expect(compare(y, acc, false, 1e-5), `seed ${rng.seed}`).toBeNull();
  });
});
