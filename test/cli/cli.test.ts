// The CLI end to end (in-process): help and usage errors, check, build outputs against golden
// files and against the compiler's own output, the cache, --emit, and the generated module run.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileKernel } from '../../compiler/index.js';
import { createDevice } from '../../runtime/index.js';
import type { Kernel } from '../../core/kernel.js';
import { findNvcc } from '../../cli/ptx.js';
import { cli, scratch } from './run-cli.js';
import { golden } from './golden.js';

const dirs: string[] = [];
const tmp = (...apps: string[]): string => {
  const d = scratch(...apps);
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('help and usage', () => {
  it('prints help with status 0', async () => {
    const r = await cli([], '.');
    expect(r.code).toBe(0);
    golden('help.txt', r.stdout);
    const b = await cli(['build', '--help'], '.');
    expect(b.code).toBe(0);
    golden('help-build.txt', b.stdout);
  });

  it('reports usage errors on stderr with status 2 and a hint', async () => {
    const r = await cli(['biuld', 'k.ts'], '.');
    expect(r).toEqual({ code: 2, stdout: '', stderr: "kernelscript: unknown command 'biuld'\nRun 'kernelscript --help' for usage.\n" });
    const t = await cli(['build', 'k.ts', '-t', 'metal'], '.');
    expect(t.code).toBe(2);
    expect(t.stderr).toContain("Run 'kernelscript help build' for usage.");
  });

  it('fails with status 2 on paths and globs that match nothing', async () => {
    const d = tmp('app');
    const r = await cli(['check', 'app/kernels.ts', 'nope/*.ts'], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("kernelscript: no files match 'nope/*.ts'\n");
  });
});

describe('check', () => {
  it('passes a valid app', async () => {
    const d = tmp('app');
    const r = await cli(['check', 'app/kernels.ts', 'app/helpers.ts'], d);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('No errors in 2 kernels from 2 files.\n');
  });

  it('renders diagnostics with a code frame and exits 1', async () => {
    const d = tmp('app-errors');
    const r = await cli(['check', 'app-errors/broken.ts'], d);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    // tsc's layout: relative path, 1-based position, code, then the line with the span underlined.
    const line = readFileSync(join(d, 'app-errors/broken.ts'), 'utf8').split('\n')[2] ?? '';
    const col = line.indexOf(': string') + 3;
    expect(r.stderr).toMatch(new RegExp(`^app-errors/broken\\.ts:3:${col} - error KS\\d{4}: `));
    expect(r.stderr).toContain(`3 ${line}\n`);
    expect(r.stderr).not.toContain('\x1b[');
    golden('check-broken.txt', r.stderr);
  });

  it('colors diagnostics on a terminal or with --color, not with --no-color', async () => {
    const d = tmp('app-errors');
    expect((await cli(['check', 'app-errors/broken.ts'], d, true)).stderr).toContain('\x1b[');
    expect((await cli(['check', 'app-errors/broken.ts', '--color'], d)).stderr).toContain('\x1b[');
    expect((await cli(['check', 'app-errors/broken.ts', '--no-color'], d, true)).stderr).not.toContain('\x1b[');
  });

  it('prints the IR with --emit ir', async () => {
    const d = tmp('app');
    const r = await cli(['check', 'app/kernels.ts', '--emit', 'ir', '-q'], d);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/kernel axpy\(/);
    expect(r.stdout).toMatch(/kernel square\(/);
    expect(r.stdout).toMatch(/fn fma3\(/);
  });
});

describe('build', () => {
  it('writes sources, manifest and typings that match the compiler and the golden files', async () => {
    const d = tmp('app');
    const r = await cli(['build', 'app/*.ts', '--out', 'out', '--no-cache'], d);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Built 2 kernels \(wgsl, cuda, js\) into out in \d+ ms\.\n$/);
    const out = join(d, 'out');
    expect(readdirSync(out).sort()).toEqual(
      ['axpy.cu', 'axpy.js', 'axpy.wgsl', 'index.d.ts', 'index.js', 'manifest.json', 'square.cu', 'square.js', 'square.wgsl'],
    );
    const source = readFileSync(join(d, 'app/kernels.ts'), 'utf8');
    const ext = { wgsl: 'wgsl', cuda: 'cu', js: 'js' } as const;
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      kernels: { name: string; outputs: Record<string, { file: string; hash: string; meta: unknown; entryPoint: string }> }[];
    };
    for (const name of ['axpy', 'square']) {
      for (const target of ['wgsl', 'cuda', 'js'] as const) {
        const want = compileKernel(source, { target, kernel: name, fileName: join(d, 'app/kernels.ts') });
        const code = readFileSync(join(out, `${name}.${ext[target]}`), 'utf8');
        expect(code).toBe(want.code);
        const entry = manifest.kernels.find((k) => k.name === name)?.outputs[target];
        expect(entry?.hash).toBe(createHash('sha256').update(code).digest('hex'));
        expect(entry?.entryPoint).toBe(want.entryPoint);
        expect(entry?.meta).toEqual(want.meta);
      }
    }
    // Golden: everything but what depends on code generation details (checked above).
    for (const k of manifest.kernels) for (const o of Object.values(k.outputs)) Object.assign(o, { hash: '<sha256>', meta: '<meta>', entryPoint: '<entry>' });
    golden('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
    golden('index.d.ts', readFileSync(join(out, 'index.d.ts'), 'utf8'));
  });

  it('writes nothing and exits 1 when a file has errors', async () => {
    const d = tmp('app', 'app-errors');
    const r = await cli(['build', 'app/kernels.ts', 'app-errors/broken.ts', '-o', 'out'], d);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('app-errors/broken.ts:3:');
    expect(existsSync(join(d, 'out'))).toBe(false);
  });

  it('recompiles only files whose source or dependencies changed', async () => {
    const d = tmp('app');
    const args = ['build', 'app/kernels.ts', 'app/helpers.ts', '-o', 'out', '--cache-dir', 'cache'];
    expect((await cli(args, d)).stdout).toContain(', 0 of 2 files from cache.');
    expect((await cli(args, d)).stdout).toContain(', 2 of 2 files from cache.');
    // kernels.ts depends on helpers.ts: editing the helper recompiles both.
    const helpers = join(d, 'app/helpers.ts');
    writeFileSync(helpers, readFileSync(helpers, 'utf8').replace('return a * x + y;', 'return a * x + y + 1;'));
    const r = await cli(args, d);
    expect(r.stdout).toContain(', 0 of 2 files from cache.');
    expect(readFileSync(join(d, 'out/axpy.js'), 'utf8')).not.toBe('');
    // A compiler upgrade (a new identity) would miss too; an unrelated new file changes nothing.
    writeFileSync(join(d, 'app/other.ts'), 'export const unrelated = 1;\n');
    expect((await cli(args, d)).stdout).toContain(', 2 of 2 files from cache.');
  });

  it('prints generated code with --emit code and writes nothing', async () => {
    const d = tmp('app');
    const r = await cli(['build', 'app/kernels.ts', '--emit', 'code', '-t', 'wgsl', '-o', 'out'], d);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('// axpy (wgsl)\n');
    expect(r.stdout).toContain('@compute');
    expect(existsSync(join(d, 'out'))).toBe(false);
  });

  it('writes a module whose precompiled kernels run without the compiler', async () => {
    const d = tmp('app');
    expect((await cli(['build', 'app/kernels.ts', '-o', 'out', '-t', 'js', '--no-cache'], d)).code).toBe(0);
    const mod = (await import(join(d, 'out/index.js'))) as Record<string, Kernel>;
    const axpy = mod.axpy;
    if (!axpy) throw new Error('index.js has no axpy');
    expect(axpy.site).toBeNull();
    expect(Object.keys(axpy.compiled)).toEqual(['js']);
    const gpu = await createDevice({ backend: 'cpu' });
    const n = 300;
    const a = Math.fround(Math.random() + 0.5);
    const x = Float32Array.from({ length: n }, () => Math.random() - 0.5);
    const y = Float32Array.from({ length: n }, () => Math.random() - 0.5);
    const dx = gpu.array(x);
    const dy = gpu.array(y);
    gpu.launch(axpy, { grid: 3, block: 128 }, a, dx, dy, n);
    const got = await dy.read();
    for (let i = 0; i < n; i++) expect(got[i]).toBeCloseTo(a * (x[i] ?? 0) + (y[i] ?? 0), 5);
    gpu.dispose();
  });
});

describe('build --ptx', () => {
  const nvcc = findNvcc();
  it.skipIf(!nvcc)('assembles each kernel to PTX with nvcc (needs nvcc)', async () => {
    const d = tmp('app');
    const r = await cli(['build', 'app/kernels.ts', '-o', 'out', '-t', 'cuda', '--ptx', '--arch', 'sm_80', '--no-cache'], d);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(d, 'out/manifest.json'), 'utf8')) as {
      kernels: { name: string; outputs: { cuda: { entryPoint: string } }; ptx?: { file: string; arch: string; hash: string } }[];
    };
    for (const k of manifest.kernels) {
      const ptx = readFileSync(join(d, 'out', `${k.name}.ptx`), 'utf8');
      expect(ptx).toMatch(/\.target sm_80/);
      expect(ptx).toContain(`.entry ${k.outputs.cuda.entryPoint}(`);
      expect(k.ptx).toEqual({ file: `${k.name}.ptx`, arch: 'sm_80', hash: createHash('sha256').update(ptx).digest('hex') });
    }
  });
});

describe('doctor', () => {
  it('reports every backend, the cpu one working', async () => {
    const r = await cli(['doctor', '--json'], '.');
    const report = JSON.parse(r.stdout) as { backends: { backend: string; ok: boolean }[]; gpu: boolean };
    expect(report.backends.map((b) => b.backend)).toEqual(['cuda', 'webgpu', 'cpu']);
    expect(report.backends.find((b) => b.backend === 'cpu')?.ok).toBe(true);
    expect(r.code).toBe(report.gpu ? 0 : 1);
  });
});
