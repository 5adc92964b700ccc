// Debug builds of every test case kernel and of the planted kernels (test/debug/planted.ts) are valid target code: Dawn accepts the WGSL, nvcc compiles the CUDA C for sm_90 with
// every warning an error. Default builds are untouched by debug ones (the goldens check the bytes).
import { describe, expect, it } from 'vitest';
import { compileKernel, listKernels } from '../../compiler/index.js';
import { openDawn } from '../fuzz/dawn.js';
import { hasNvcc, inParallel, nvccCompile } from '../helpers/nvcc.js';
import { caseKernels } from '../targets/sources.js';
import { FILE, SOURCE } from './planted.js';

const planted = listKernels(SOURCE, FILE).map((kernel) => ({ caseName: 'planted', fileName: FILE, source: SOURCE, kernel, targets: ['wgsl', 'cuda', 'js'] }));
const kernels = [...caseKernels(), ...planted];
const debugBuild = (c: (typeof kernels)[number], target: 'wgsl' | 'cuda' | 'js') =>
  compileKernel(c.source, { target, kernel: c.kernel, fileName: c.fileName, debug: true });

describe('debug builds of every case kernel and planted kernel', () => {
  it('differ from the default build, are cached apart from it, and carry a site per checked access', () => {
    for (const c of kernels) {
      const plain = compileKernel(c.source, { target: 'js', kernel: c.kernel, fileName: c.fileName });
      const debug = debugBuild(c, 'js');
      expect(debug).toBe(debugBuild(c, 'js'));
      expect(plain.meta.debug).toBeUndefined();
      expect(debug.code).not.toBe(plain.code);
      expect(debug.meta.debug?.sites.length).toBeGreaterThan(0);
      for (const s of debug.meta.debug?.sites ?? []) expect(s.lineText).toBeDefined();
    }
  });

  it('pass Dawn validation (matrix kernels where the adapter has subgroup matrices)', async () => {
    const problems: string[] = [];
    const dawn = await openDawn();
    try {
      for (const c of kernels.filter((k) => k.targets.includes('wgsl'))) {
        const k = debugBuild(c, 'wgsl');
        if (k.meta.matrix && !dawn.matrix.ok) continue;
        const said = await dawn.validate(k);
        if (said !== null) problems.push(`${c.caseName}.${c.kernel}: ${said}`);
      }
    } finally {
      dawn.dispose();
    }
    expect(problems).toEqual([]);
  });

  it.skipIf(!hasNvcc)(`compile with nvcc -arch=sm_90, warnings as errors${hasNvcc ? '' : ' (skipped: nvcc not found)'}`, async () => {
    const results = await inParallel(
      kernels.map((c) => async () => {
        const { said } = await nvccCompile(debugBuild(c, 'cuda').code);
        return said === '' ? null : `${c.caseName}.${c.kernel}: ${said}`;
      }),
      2,
    );
    expect(results.filter((r) => r !== null)).toEqual([]);
  });
});
