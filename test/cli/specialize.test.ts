// `kernelscript build` and specializations: the `<kernel>.specialize({...})` calls of the built
// files are compiled, written next to the kernel's outputs, listed in the manifest and passed to
// kernel(...) in index.js, whose specialized kernels then run without the compiler.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Kernel } from '../../core/kernel.js';
import { createDevice } from '../../runtime/index.js';
import { hasCompiler } from '../../runtime/jit.js';
import { N, inputs, reference } from '../fixtures/spec-app/data.js';
import { relL2 } from '../helpers/compare.js';
import { cli, scratch } from './run-cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tmp = (): string => {
  const d = scratch('spec-app');
  dirs.push(d);
  return d;
};

interface Outputs {
  [target: string]: { file: string; hash: string };
}
interface Manifest {
  kernels: { name: string; outputs: Outputs; specializations?: { key: string; values: Record<string, number>; outputs: Outputs }[] }[];
}

describe('build: specializations', () => {
  it('compiles the ones the built files ask for, writes them and lists them in the manifest', async () => {
    const d = tmp();
    const r = await cli(['build', 'spec-app/kernels.ts', 'spec-app/main.ts', '-o', 'out', '-t', 'js,wgsl'], d);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(d, 'out/manifest.json'), 'utf8')) as Manifest;
    const [k] = manifest.kernels;
    expect(k?.name).toBe('blockSum');
    expect(k?.specializations?.map((s) => [s.key, s.values, Object.keys(s.outputs)])).toEqual([
      ['TILE=4', { TILE: 4 }, ['js', 'wgsl']],
      ['TILE=8', { TILE: 8 }, ['js', 'wgsl']],
    ]);
    for (const s of k?.specializations ?? []) {
      for (const [t, o] of Object.entries(s.outputs)) {
        expect(o.file).toBe(`blockSum.${s.key}.${t}`);
        const code = readFileSync(join(d, 'out', o.file), 'utf8');
        expect(o.hash).toBe(createHash('sha256').update(code).digest('hex'));
        if (t === 'wgsl') expect(code).toContain(`array<f32, ${s.values.TILE}>`);
      }
    }
    // Rebuilt from the cache, the same; without main.ts, its TILE 8 is gone, and so are its files.
    expect((await cli(['build', 'spec-app/kernels.ts', 'spec-app/main.ts', '-o', 'out', '-t', 'js,wgsl'], d)).stdout).toContain('2 of 2 files from cache');
    expect(JSON.parse(readFileSync(join(d, 'out/manifest.json'), 'utf8'))).toEqual(manifest);
    expect((await cli(['build', 'spec-app/kernels.ts', '-o', 'out', '-t', 'js,wgsl'], d)).code).toBe(0);
    const again = JSON.parse(readFileSync(join(d, 'out/manifest.json'), 'utf8')) as Manifest;
    expect(again.kernels[0]?.specializations?.map((s) => s.key)).toEqual(['TILE=4']);
    expect(existsSync(join(d, 'out/blockSum.TILE=8.js'))).toBe(false);
  });

  it("writes an index.js whose specializations run without the compiler, and refuses others, saying how to list them", async () => {
    const d = tmp();
    expect((await cli(['build', 'spec-app/kernels.ts', 'spec-app/main.ts', '-o', 'out', '-t', 'js', '--no-cache'], d)).code).toBe(0);
    const mod = (await import(join(d, 'out/index.js'))) as Record<string, Kernel>;
    const base = mod.blockSum;
    if (!base) throw new Error('index.js has no blockSum');
    expect(hasCompiler()).toBe(false);
    const gpu = await createDevice({ backend: 'cpu' });
    try {
      const x = inputs((Math.random() * 2 ** 32) >>> 0);
      const dx = gpu.array(x);
      for (const tile of [16, 4, 8]) {
        const k = tile === 16 ? base : base.specialize({ TILE: tile });
        expect(k.site).toBeNull();
        const out = gpu.alloc(Float32Array, Math.ceil(N / tile));
        gpu.launch(k, { grid: Math.ceil(N / tile), block: tile }, dx, out, N);
        expect(relL2(await out.read(), reference(x, tile)), `TILE ${tile}`).toBeLessThan(1e-5);
      }
      const out = gpu.alloc(Float32Array, N);
      expect(() => gpu.launch(base.specialize({ TILE: 2 }), { grid: 150, block: 2 }, dx, out, N)).toThrow(
        /kernel 'blockSum' specialization TILE=2 has no precompiled js output and no compiler is loaded: list it at build time by writing blockSum\.specialize\(\{ TILE: 2 \}\)/,
      );
    } finally {
      gpu.dispose();
    }
  });

  it('reports a bad specialization as a located diagnostic and writes nothing', async () => {
    const d = tmp();
    writeFileSync(join(d, 'spec-app/bad.ts'), "import { blockSum } from './kernels.js';\nexport const k = blockSum.specialize({ TILES: 8 });\n");
    const r = await cli(['build', 'spec-app/kernels.ts', 'spec-app/bad.ts', '-o', 'out', '-t', 'js'], d);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /spec-app\/bad\.ts:2:40 - error KS1020: 'TILES' is not a numeric module-level constant of \S*spec-app\/kernels\.ts, so blockSum\.specialize\(\{ TILES: 8 \}\) cannot set it; the file's numeric constants are: TILE, SCALE\n/,
    );
    expect(existsSync(join(d, 'out'))).toBe(false);
  });
});
