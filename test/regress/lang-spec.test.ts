// Regression: the language is recognised by its import specifier, not by a file name. A helper
// imported from `./lib/index.js` (or any relative file called index, runtime or lang) used to be
// taken for the kernelscript package and its call rejected with KS3004. Now only 'kernelscript',
// 'kernelscript/runtime' and relative paths to this package's own entry files name the language.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileKernel, listKernels } from '../../compiler/index.js';
import { isLangSpec, LANG_NAMES, LANG_TYPES } from '../../compiler/frontend/module.js';
import { ATOMICS, convert } from '../../core/ir/ops.js';
import { MATRIX } from '../../core/matrix.js';
import * as lang from '../../core/lang.js';
import { createDevice } from '../../runtime/index.js';
import { Rng } from '../helpers/case.js';
import { relL2 } from '../helpers/compare.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A temporary project: the helper under `lib/<helperFile>`, and the kernel beside `lib/`. */
function project(helperFile: string, spec: string): { file: string; source: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ks-lang-spec-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'lib'));
  writeFileSync(
    join(dir, 'lib', helperFile),
    `import type { f32 } from 'kernelscript';\nexport function mulAdd(a: f32, b: f32, c: f32): f32 {\n  return a * b + c;\n}\n`,
  );
  const source = `import { kernel, threadIdx, blockIdx, blockDim, type f32, type i32 } from 'kernelscript';
import { mulAdd } from '${spec}';

export const k = kernel(function (x: Float32Array, y: Float32Array, out: Float32Array, s: f32, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = mulAdd(x[i], s, y[i]);
});
`;
  const file = join(dir, 'kernel.ts');
  writeFileSync(file, source);
  return { file, source };
}

describe('a relative helper named like an entry file is a user file', () => {
  const cases: [string, string][] = [
    ['index.ts', './lib/index.js'],
    ['index.ts', './lib/index'],
    ['runtime.ts', './lib/runtime.js'],
    ['lang.ts', './lib/lang.ts'],
  ];
  for (const [helperFile, spec] of cases) {
    it(`compiles and runs a kernel calling a helper from '${spec}' (cpu), matching a float64 reference`, async () => {
      const { file, source } = project(helperFile, spec);
      const compiled = compileKernel(source, { target: 'js', fileName: file });
      const rng = new Rng();
      const n = 1000;
      const x = Float32Array.from({ length: n }, () => rng.f32(-4, 4));
      const y = Float32Array.from({ length: n }, () => rng.f32(-4, 4));
      const s = rng.f32(-2, 2);
      const ref = Array.from(x, (v, i) => v * s + (y[i] as number));
      const gpu = await createDevice({ backend: 'cpu' });
      try {
        const out = gpu.alloc(Float32Array, n);
        gpu.launch(compiled, { grid: Math.ceil(n / 64), block: 64 }, gpu.array(x), gpu.array(y), out, s, n);
        const got = await out.read();
        expect(relL2(got, ref), `seed ${rng.seed}`).toBeLessThan(1e-6);
      } finally {
        gpu.dispose();
      }
    });
  }
});

describe('the language by specifier', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const here = fileURLToPath(import.meta.url);

  it('is the package by name', () => {
    expect(isLangSpec('kernelscript', here)).toBe(true);
    expect(isLangSpec('kernelscript/runtime', here)).toBe(true);
    expect(isLangSpec('kernelscript/esbuild', here)).toBe(false);
    expect(isLangSpec('other/index', here)).toBe(false);
  });

  it("is a relative path only to this package's own entry files", () => {
    for (const entry of ['index', 'runtime', 'core/lang']) {
      const spec = relative(join(root, 'test/regress'), join(root, entry));
      for (const ext of ['.js', '.ts', '']) expect(isLangSpec(`${spec}${ext}`, here), `${spec}${ext}`).toBe(true);
    }
    expect(isLangSpec('./index.js', here)).toBe(false);
    expect(isLangSpec('../lang.js', here)).toBe(false);
    expect(isLangSpec('../../compiler/index.js', here)).toBe(false);
  });

  it('still finds a kernel written against the repository entry by a relative path', () => {
    const src = `import { kernel, type f32 } from '../../index.js';\nexport const twice = kernel(function (a: Float32Array, s: f32) {\n  a[0] = a[0] * s;\n});\n`;
    expect(listKernels(src, join(root, 'test/regress/inline-lang-spec.ts'))).toEqual(['twice']);
    expect(compileKernel(src, { target: 'js', fileName: join(root, 'test/regress/inline-lang-spec.ts') }).name).toBe('twice');
  });
});

describe('the language surface (core/lang.ts) is the one list of language names', () => {
  it('exports exactly the names kernels write, which the front end takes as its own', () => {
    const scalars = ['f16', 'f32', 'f64', 'i32', 'u32', 'bool'];
    const vectors = ['vec2f', 'vec3f', 'vec4f', 'vec2i', 'vec4i', 'vec2u', 'vec4u', 'vec4h'];
    const vectorOps = ['load2', 'load4', 'store2', 'store4', 'vadd', 'vsub', 'vmul', 'vdiv', 'vfma', 'vscale', 'dot'];
    const warps = ['warpSize', 'laneId', 'shfl', 'shflUp', 'shflDown', 'shflXor', 'warpSum', 'warpMin', 'warpMax', 'warpAny', 'warpAll', 'warpBallot'];
    const builtins = ['fma', 'bitcastF32', 'bitcastU32', 'bitcastI32', 'threadfence'];
    const matrices = Object.values(MATRIX).map((m) => m.surface);
    const names = ['kernel', ...scalars, ...vectors, ...vectorOps, ...warps, ...builtins, ...matrices, 'threadIdx', 'blockIdx', 'blockDim', 'gridDim', 'syncthreads', 'sharedArray', 'localArray'];
    const atomics = Object.values(ATOMICS).map((a) => a.surface);
    expect(Object.keys(lang).sort()).toEqual([...names, ...atomics].sort());
    expect([...LANG_NAMES].sort()).toEqual(Object.keys(lang).sort());
    expect([...LANG_TYPES].sort()).toEqual([...scalars, ...vectors].sort());
  });

  it("converts and updates atomically on the host with the op registry's semantics", () => {
    const rng = new Rng();
    const samples = [NaN, Infinity, -Infinity, -0, 0.5, -2.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 32 + 3, true, false];
    for (let i = 0; i < 50; i++) samples.push((rng.next() - 0.5) * 2 ** (rng.int(0, 40)));
    for (const v of samples) {
      expect(lang.f32(v)).toBe(convert(v, 'f32'));
      expect(lang.i32(v)).toBe(convert(v, 'i32'));
      expect(lang.u32(v)).toBe(convert(v, 'u32'));
      expect(lang.bool(v)).toBe(convert(v, 'bool'));
    }
    const a = Int32Array.of(2 ** 31 - 1, 5, 5, 5, 5, 7);
    expect([lang.atomicAdd(a, 0, 1), lang.atomicSub(a, 1, 9), lang.atomicMin(a, 2, -3), lang.atomicMax(a, 3, 9)]).toEqual([2 ** 31 - 1, 5, 5, 5]);
    expect([lang.atomicExch(a, 4, 1), lang.atomicCAS(a, 5, 7, 8), lang.atomicCAS(a, 5, 7, 9)]).toEqual([5, 7, 8]);
    expect(Array.from(a)).toEqual([-(2 ** 31), -4, -3, 9, 1, 8]);
  });
});
