// The esbuild plugin: a small app bundles with its kernels precompiled and no compiler inside,
// runs, reports compile errors as located esbuild errors, and rebuilds on dependency changes.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { context, type BuildFailure, type OnLoadArgs, type OnLoadResult, type Plugin, type PluginBuild } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import kernelscript, { inject } from '../../compiler/esbuild.js';
import type { FileKernel, FileResult } from '../../compiler/cache/compile.js';
import { FIXTURES, ROOT, bundle, compilerInputs } from './bundle.js';
import { relL2 } from '../helpers/compare.js';

type FileKernelOutputs = FileKernel['outputs'];

const dir = mkdtempSync(join(tmpdir(), 'ks-esbuild-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Reference = (seed: number) => Float64Array;
const loadReference = async (): Promise<Reference> =>
  ((await import(`${FIXTURES}/app/reference.ts`)) as { reference: Reference }).reference;

describe('esbuild plugin', () => {
  it('bundles an app whose kernels run precompiled, without the compiler', async () => {
    const outfile = join(dir, 'app.mjs');
    const r = await bundle(`${FIXTURES}/app/main.ts`, outfile, 'node', { targets: ['wgsl', 'cuda'], cache: join(dir, 'cache') });
    expect(r.errors).toEqual([]);
    expect(compilerInputs(r.metafile)).toEqual([]);
    expect(Object.keys(r.metafile.inputs)).toContain('runtime.ts');
    const text = readFileSync(outfile, 'utf8');
    // Each kernel(...) call got its outputs for wgsl, cuda and (always) js.
    expect(text.match(/"target":\s*"(wgsl|cuda|js)"/g)?.length).toBe(6);
    const seed = (Math.random() * 2 ** 32) >>> 0;
    const run = spawnSync(process.execPath, [outfile, String(seed), 'cpu'], { encoding: 'utf8', cwd: ROOT });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { backend: string; out: number[] };
    expect(result.backend).toBe('cpu');
    expect(relL2(result.out, (await loadReference())(seed)), `seed ${seed}`).toBeLessThan(1e-5);
  });

  it('bundles a Uint8Array kernel and the package\'s Float16Array into a runtime-only app', async () => {
    const outfile = join(dir, 'narrow.mjs');
    const r = await bundle(`${FIXTURES}/app-narrow/main.ts`, outfile, 'node', { targets: ['wgsl', 'cuda'], cache: false });
    expect(r.errors).toEqual([]);
    expect(compilerInputs(r.metafile)).toEqual([]);
    const run = spawnSync(process.execPath, [outfile, 'cpu'], { encoding: 'utf8', cwd: ROOT });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { out: number[]; type: string; half: number[]; halfType: string };
    // 250 added to each byte wraps past 255.
    expect(result).toEqual({ out: [251, 252, 253, 254, 255, 0, 1], type: 'Uint8Array', half: [1.5, -2, 0.0999755859375], halfType: 'Float16Array' });
  });

  it('turns compile errors into esbuild errors with file, line, column and line text', async () => {
    const err = await bundle(`${FIXTURES}/app-errors/main.ts`, join(dir, 'bad.mjs'), 'node', { cache: false }).then(
      () => null,
      (e: unknown) => e as BuildFailure,
    );
    expect(err?.errors.length).toBeGreaterThan(0);
    const first = err?.errors[0];
    const text = readFileSync(`${FIXTURES}/app-errors/broken.ts`, 'utf8').split('\n');
    expect(first?.pluginName).toBe('kernelscript');
    expect(first?.text).toMatch(/^KS\d{4}: .*'s'/);
    expect(first?.location).toMatchObject({
      file: 'test/fixtures/app-errors/broken.ts',
      line: 3,
      column: (text[2] ?? '').indexOf(': string') + 2,
      lineText: text[2],
    });
  });

  it('refuses run-time compiler imports in runtime-only bundles, with their location', async () => {
    const app = join(dir, 'jit-app');
    cpSync(`${FIXTURES}/app`, app, { recursive: true });
    writeFileSync(join(app, 'uses-compiler.ts'), "import { compileKernel } from 'kernelscript';\nconsole.log(compileKernel);\n");
    const err = await bundle(join(app, 'uses-compiler.ts'), join(dir, 'jit.mjs'), 'node', { cache: false }).then(
      () => null,
      (e: unknown) => e as BuildFailure,
    );
    expect(err?.errors[0]?.text).toContain("'compileKernel' would bundle the whole compiler");
    expect(err?.errors[0]?.location?.line).toBe(1);
  });

  it('recompiles a kernel when a helper it imports changes, in incremental and watch builds', async () => {
    const app = join(dir, 'watch-app');
    cpSync(`${FIXTURES}/app`, app, { recursive: true });
    writeFileSync(join(app, 'entry.ts'), "import { axpy } from './kernels.js';\nconsole.log(axpy.kind);\n");
    const outfile = join(dir, 'watch.mjs');
    let builds = 0;
    let onBuild: () => void = () => {};
    const counter: Plugin = {
      name: 'count',
      setup(b) {
        b.onEnd(() => {
          builds++;
          onBuild();
        });
      },
    };
    const ctx = await context({
      entryPoints: [join(app, 'entry.ts')],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      logLevel: 'silent',
      absWorkingDir: ROOT,
      // Outside the repository no tsconfig maps the package name to the sources.
      alias: { 'kernelscript/runtime': join(ROOT, 'runtime.ts') },
      external: ['webgpu'],
      plugins: [kernelscript({ targets: ['wgsl'], cache: false }), counter],
    });
    try {
      await ctx.rebuild();
      const before = readFileSync(outfile, 'utf8');
      expect(before).not.toContain('2.5');
      const helpers = join(app, 'helpers.ts');
      const original = readFileSync(helpers, 'utf8');
      writeFileSync(helpers, original.replace('return a * x + y;', 'return a * x + y * 2.5;'));
      await ctx.rebuild();
      const after = readFileSync(outfile, 'utf8');
      // The helper's new constant reaches the precompiled WGSL and JS of the kernel in kernels.ts
      // (besides the helper's own bundled JS: one occurrence).
      expect(after.split('2.5').length - 1).toBeGreaterThanOrEqual(3);

      await ctx.watch();
      const watched = new Promise<void>((done) => (onBuild = done));
      const seen = builds;
      writeFileSync(helpers, original.replace('return a * x + y;', 'return a * x - y;'));
      await watched;
      expect(builds).toBe(seen + 1);
      expect(readFileSync(outfile, 'utf8')).not.toContain('2.5');
    } finally {
      await ctx.dispose();
    }
  });

  it('lists every file a kernel depends on in watchFiles, also when compiling fails', async () => {
    let load: ((a: OnLoadArgs) => Promise<OnLoadResult | undefined>) | null = null;
    const fake = {
      initialOptions: { absWorkingDir: ROOT },
      onResolve: () => {},
      onLoad: (_o: unknown, cb: (a: OnLoadArgs) => Promise<OnLoadResult | undefined>) => void (load = cb),
    } as unknown as PluginBuild;
    await kernelscript({ cache: false }).setup(fake);
    const onLoad = load as ((a: OnLoadArgs) => Promise<OnLoadResult | undefined>) | null;
    if (!onLoad) throw new Error('the plugin registered no onLoad');
    const args = (path: string): OnLoadArgs => ({ path, namespace: 'file', suffix: '', pluginData: undefined, with: {} });
    const ok = await onLoad(args(`${FIXTURES}/app/kernels.ts`));
    expect(ok?.watchFiles?.sort()).toEqual([`${FIXTURES}/app/helpers.ts`, `${FIXTURES}/app/kernels.ts`]);
    expect(ok?.loader).toBe('ts');
    const bad = await onLoad(args(`${FIXTURES}/app-errors/broken.ts`));
    expect(bad?.errors?.length).toBeGreaterThan(0);
    expect(bad?.watchFiles).toEqual([`${FIXTURES}/app-errors/broken.ts`]);
    // Files without kernels are left to esbuild.
    expect(await onLoad(args(`${FIXTURES}/app/helpers.ts`))).toBeUndefined();
  });

  it('adds the outputs as the last argument, with or without a trailing comma', () => {
    const outputs = { js: { target: 'js', name: 'k' } } as unknown as FileKernelOutputs;
    const at = (text: string): FileResult => ({
      kernels: [{ name: 'k', line: 1, column: 1, insertAt: text.lastIndexOf(')'), outputs }],
      specializations: [],
      dependencies: [],
      diagnostics: [],
    });
    const plain = 'kernel(function k() {})';
    expect(inject(plain, at(plain))).toBe('kernel(function k() {}, {"js":{"target":"js","name":"k"}})');
    const comma = 'kernel(\n  function k() {},\n)';
    expect(inject(comma, at(comma))).toBe('kernel(\n  function k() {},\n{"js":{"target":"js","name":"k"}})');
  });
});
