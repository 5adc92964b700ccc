// The esbuild plugin and specializations: `<kernel>.specialize({...})` calls with values known at
// build time (in the kernel's file or one importing it) get their compiled outputs as a second
// argument, so the bundle runs them without the compiler; one known only at run time says how to
// list it; a bad one fails the build at the value.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildFailure } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, bundle, compilerInputs } from './bundle.js';
import { inputs, reference } from '../fixtures/spec-app/data.js';
import { relL2 } from '../helpers/compare.js';

const dir = mkdtempSync(join(tmpdir(), 'ks-esbuild-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('esbuild plugin: specializations', () => {
  it('embeds the specializations the source lists, which run on the cpu without the compiler', async () => {
    const outfile = join(dir, 'app.mjs');
    const r = await bundle(`${FIXTURES}/spec-app/main.ts`, outfile, 'node', { targets: ['wgsl'], cache: false });
    expect(r.errors).toEqual([]);
    expect(compilerInputs(r.metafile)).toEqual([]);
    const text = readFileSync(outfile, 'utf8');
    // kernels.ts's TILE 4 and main.ts's TILE 8, each with wgsl and js; the run-time one has none.
    for (const tile of [4, 8]) expect(text).toMatch(new RegExp(`\\.specialize\\(\\{ TILE: ${tile} \\}, \\{\\s*"wgsl": \\{`));
    expect(text).toMatch(/\.specialize\(\{ TILE: dynamicTile \}\)/);
    expect(text.match(/"target": "js"/g)?.length).toBe(3);
    // The TILE 8 specialization's shared array (a team build allocates it through ks_new).
    expect(text.match(/(?:new Float32Array\(|ks_new\(\d+, Float32Array, )8\)/g)?.length).toBe(1);

    const seed = (Math.random() * 2 ** 32) >>> 0;
    const run = spawnSync(process.execPath, [outfile, String(seed), '2'], { encoding: 'utf8', cwd: ROOT });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { out16: number[]; out4: number[]; out8: number[]; error?: string; dynamic?: number[] };
    const x = inputs(seed);
    expect(relL2(out.out16, reference(x, 16)), `seed ${seed}`).toBeLessThan(1e-5);
    expect(relL2(out.out4, reference(x, 4)), `seed ${seed}`).toBeLessThan(1e-5);
    expect(relL2(out.out8, reference(x, 8)), `seed ${seed}`).toBeLessThan(1e-5);
    expect(out.dynamic).toBeUndefined();
    expect(out.error).toBe(
      "kernel 'blockSum' specialization TILE=2 has no precompiled js output and no compiler is loaded: list it at build time " +
        'by writing blockSum.specialize({ TILE: 2 }) with literal values in a file that the CLI or the esbuild plugin compiles, ' +
        "or import from 'kernelscript' (not 'kernelscript/runtime')",
    );
  });

  it('fails the build at a value the constant cannot take, and at the use a value makes invalid', async () => {
    const app = join(dir, 'bad-app');
    cpSync(`${FIXTURES}/spec-app`, app, { recursive: true });
    const entry = join(app, 'entry.ts');
    const build = async (call: string): Promise<BuildFailure['errors']> => {
      writeFileSync(entry, `import { blockSum } from './kernels.js';\nexport const k = ${call};\n`);
      const err = await bundle(entry, join(dir, 'bad.mjs'), 'node', { cache: false }, { alias: { 'kernelscript/runtime': join(ROOT, 'runtime.ts') } }).then(
        () => null,
        (e: unknown) => e as BuildFailure,
      );
      return err?.errors ?? [];
    };
    const [frac] = await build('blockSum.specialize({ TILE: 2.5 })');
    expect(frac?.text).toBe("KS1023: 'TILE' is an integer constant (16), so blockSum.specialize({ TILE: 2.5 }) must give it an integer, not 2.5");
    expect(frac?.location).toMatchObject({ line: 2, column: 39, lineText: 'export const k = blockSum.specialize({ TILE: 2.5 });' });

    const [zero] = await build('blockSum.specialize({ TILE: 0 })');
    const kernels = readFileSync(join(app, 'kernels.ts'), 'utf8').split('\n');
    const line = kernels.findIndex((l) => l.includes('sharedArray(')) + 1;
    expect(zero?.text).toMatch(/^KS4007: .*\(in blockSum\.specialize\(\{ TILE: 0 \}\)\)$/);
    expect(zero?.location).toMatchObject({ line, column: (kernels[line - 1] ?? '').indexOf('TILE'), lineText: kernels[line - 1] });
  });
});
