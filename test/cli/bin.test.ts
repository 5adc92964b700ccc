// bin/kernelscript.js as users run it: a child process from a source checkout (no dist/ needed),
// with real exit statuses; and --watch rebuilding after an edit.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import type { Watcher } from '../../cli/watch.js';
import { ROOT, scratch } from './run-cli.js';

const BIN = join(ROOT, 'bin/kernelscript.js');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function ks(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/kernelscript.js', () => {
  it('prints the version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(ks(['--version'], ROOT)).toEqual({ status: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('exits 0 on a good build, 1 on compile errors, 2 on usage errors', () => {
    const d = scratch('app', 'app-errors');
    dirs.push(d);
    const ok = ks(['build', 'app/kernels.ts', '-o', 'out', '--no-cache'], d);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const bad = ks(['check', 'app-errors/broken.ts'], d);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^app-errors\/broken\.ts:3:\d+ - error KS\d{4}/);
    expect(ks(['build', '--nope'], d).status).toBe(2);
  });

  it('rebuilds in --watch mode when a dependency changes', async () => {
    const d = scratch('app');
    dirs.push(d);
    let out = '';
    let watcher: Watcher | null = null;
    const code = await main(['build', 'app/kernels.ts', '-o', 'out', '-t', 'js', '--no-cache', '--watch'], {
      cwd: d,
      stdout: (s) => void (out += s),
      stderr: (s) => void (out += s),
      onWatch: (w) => (watcher = w),
    });
    expect(code).toBe(0);
    try {
      expect(out).toMatch(/Built 2 kernels/);
      const helpers = join(d, 'app/helpers.ts');
      writeFileSync(helpers, readFileSync(helpers, 'utf8').replace('return a * x + y;', 'return a * x + y * 3.5;'));
      const deadline = Date.now() + 20_000;
      while (!readFileSync(join(d, 'out/axpy.js'), 'utf8').includes('3.5') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(readFileSync(join(d, 'out/axpy.js'), 'utf8')).toContain('3.5');
      expect(out).toContain(`Change in ${helpers}; rebuilding...`);
    } finally {
      (watcher as Watcher | null)?.close();
    }
  });
});
