// The README's example, run as a new user would (tsx, importing 'kernelscript'), on cpu and webgpu.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

describe('README example', () => {
  it('is present', () => {
    expect(example).toContain('createDevice()');
  });
  for (const backend of ['cpu', 'webgpu']) {
    it(`runs on ${backend}`, () => {
      // Inside the repo so that tsconfig's paths resolve 'kernelscript' as the package would.
      const dir = mkdtempSync(join(root, 'test', '.readme-'));
      try {
        const file = join(dir, 'example.ts');
        writeFileSync(file, example);
        const out = execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), file], {
          cwd: root,
          env: { ...process.env, KERNELSCRIPT_BACKEND: backend },
          encoding: 'utf8',
        });
        expect(out.startsWith(`${backend} Float32Array(4)`)).toBe(true);
        const values = [...out.matchAll(/-?\d+\.\d+(?:e-?\d+)?/g)].map((m) => Number(m[0]));
        expect(values).toHaveLength(4);
        // x, y ~ U[0, 1): y' = 2x + y lies in [0, 3) and is not all equal.
        for (const v of values) expect(v >= 0 && v < 3).toBe(true);
        expect(new Set(values).size).toBeGreaterThan(1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
