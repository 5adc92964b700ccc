// Vector accesses on the targets: CUDA really issues one 16-byte (or 8-byte) access per load4 and
// store4 (checked in the PTX), debug builds compile everywhere, and in debug mode a vector access
// reaching past the end (partly) or below 0 faults on every available backend, naming the first
// element of the vector, while in-bounds vectors next to it compute normally.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileKernel, createDevice, KernelFaultError, type CompiledKernel } from '../../index.js';
import type { Device } from '../../runtime/types.js';
import { Rng } from '../helpers/case.js';
import { closeDevices, openDevices, TARGET } from '../helpers/devices.js';
import { hasNvcc, nvccCompile } from '../helpers/nvcc.js';
import { CASES_DIR } from './sources.js';

const caseSource = (name: string): { source: string; fileName: string } => {
  const fileName = join(CASES_DIR, `${name}.ts`);
  return { source: readFileSync(fileName, 'utf8'), fileName };
};
const VEC_CASES = [['vec-saxpy4', 'saxpy4'], ['vec-ops', 'vecOps'], ['vec-int', 'vecInt'], ['vec-shared', 'vecShared'], ['vec-half', 'axpy4h'], ['vec-helpers', 'vecHelpers']] as const;

describe.skipIf(!hasNvcc)('vector accesses in PTX (skipped: nvcc not found)', () => {
  const ptx = async (name: string, kernel: string, debug = false): Promise<string> => {
    const { source, fileName } = caseSource(name);
    const r = await nvccCompile(compileKernel(source, { target: 'cuda', kernel, fileName, debug }).code);
    expect(r.said).toBe('');
    return r.ptx;
  };

  it('load4/store4 on global Float32Arrays are single 16-byte accesses', async () => {
    const p = await ptx('vec-saxpy4', 'saxpy4');
    // x is read-only (`const __restrict__`), so nvcc may read it through the non-coherent path.
    expect(p).toMatch(/ld\.global(\.nc)?\.v4\.f32/);
    expect(p).toMatch(/st\.global\.v4\.f32/);
  });

  it('load4/store4 on a shared array are single 16-byte accesses', async () => {
    const p = await ptx('vec-shared', 'vecShared');
    expect(p).toMatch(/ld\.shared\.v4\.f32/);
    expect(p).toMatch(/st\.shared\.v4\.f32/);
  });

  it('load2/store2 and load4/store4 on integer arrays are single 8- and 16-byte accesses', async () => {
    const p = await ptx('vec-int', 'vecInt');
    expect(p).toMatch(/ld\.global(\.nc)?\.v2\.[us]32/);
    expect(p).toMatch(/ld\.global(\.nc)?\.v4\.[us]32/);
    expect(p).toMatch(/st\.global\.v2\.[us]32/);
    expect(p).toMatch(/st\.global\.v4\.[us]32/);
  });

  it('load4/store4 on Float16Arrays are single 8-byte accesses', async () => {
    const p = await ptx('vec-half', 'axpy4h');
    expect(p).toMatch(/ld\.global(\.nc)?\.v2\.[ub]32/);
    expect(p).toMatch(/st\.global\.v2\.[ub]32/);
  });

  it('debug builds of every vector case compile without warnings', async () => {
    for (const [name, kernel] of VEC_CASES) await ptx(name, kernel, true);
  });
});

const SOURCE = `import { kernel, blockDim, blockIdx, threadIdx, load4, store4, vscale, type i32 } from 'kernelscript';
export const scale4 = kernel(function scale4(x: Float32Array, y: Float32Array, nv: i32, bad: i32, at: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= nv) return;
  const j = i === bad ? at : i;
  store4(y, i, vscale(load4(x, j), 2));
});
`;
const FILE = 'test/targets/vector-fault.ts';

describe('debug mode checks whole vectors', async () => {
  const slots = await openDevices();
  const debug = await Promise.all(slots.map(async (s) => ({ ...s, dbg: s.device ? await createDevice({ backend: s.backend, debug: true }) : null })));
  afterAll(() => {
    for (const s of debug) s.dbg?.dispose();
    closeDevices(slots);
  });
  for (const s of debug) {
    it.skipIf(!s.dbg)(`on ${s.backend}: a vector partly past the end or below 0 faults, at its first element`, async () => {
      const d = s.dbg as Device;
      const k: CompiledKernel = compileKernel(SOURCE, { target: TARGET[d.backend], kernel: 'scale4', fileName: FILE, debug: true });
      const rng = new Rng();
      for (const at of ['partly', 'negative'] as const) {
        // n is not a multiple of 4: the vector at n >> 2 holds 1–3 elements and 1–3 past the end.
        const n = 4 * rng.int(50, 100) + rng.int(1, 4);
        const nv = n >> 2;
        const bad = rng.int(0, nv);
        const index = at === 'partly' ? nv : -rng.int(1, 10);
        const xs = rng.f32Array(n);
        const x = d.array(xs);
        const y = d.array(new Float32Array(n));
        d.launchCompiled(k, { grid: Math.ceil(nv / 64), block: 64 }, [x, y, nv, bad, index]);
        const err = await d.synchronize().then(() => null, (e: unknown) => e);
        expect(err).toBeInstanceOf(KernelFaultError);
        expect(err).toMatchObject({ kernel: 'scale4', array: 'x', access: 'read', index: 4 * index, length: n, line: 6, column: 23 });
        const got = await y.read();
        // The faulting load gives zeros; every other vector is computed.
        for (let i = 0; i < nv; i++) {
          for (let c = 0; c < 4; c++) expect(got[4 * i + c]).toBe(i === bad ? 0 : Math.fround(2 * xs[4 * i + c]!));
        }
        x.dispose();
        y.dispose();
      }
    });
  }
});
