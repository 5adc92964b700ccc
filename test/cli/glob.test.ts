import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandFiles, globToRegExp } from '../../cli/glob.js';

describe('globToRegExp', () => {
  it.each([
    ['*.ts', 'a.ts', true],
    ['*.ts', 'dir/a.ts', false],
    ['**/*.ts', 'a.ts', true],
    ['**/*.ts', 'x/y/a.ts', true],
    ['src/**/k?.ts', 'src/a/b/k1.ts', true],
    ['src/**/k?.ts', 'src/k12.ts', false],
    ['*.{ts,mts}', 'a.mts', true],
    ['*.{ts,mts}', 'a.js', false],
    ['k[0-9].ts', 'k7.ts', true],
    ['k[!0-9].ts', 'k7.ts', false],
    ['a.b.ts', 'aXb.ts', false],
  ])('%s against %s', (pattern, path, expected) => {
    expect(globToRegExp(pattern).test(path)).toBe(expected);
  });
});

describe('expandFiles', () => {
  const root = mkdtempSync(join(tmpdir(), 'ks-glob-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  for (const f of ['a.ts', 'b.ts', 'sub/c.ts', 'sub/deep/d.ts', 'sub/e.js', 'node_modules/x/f.ts', 'types.d.ts']) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), '');
  }

  it('expands globs recursively, skipping node_modules, sorted and absolute', () => {
    const { files, unmatched } = expandFiles(['**/*.ts'], root);
    expect(unmatched).toEqual([]);
    expect(files.map((f) => f.slice(root.length + 1))).toEqual(['a.ts', 'b.ts', 'sub/c.ts', 'sub/deep/d.ts', 'types.d.ts']);
  });

  it('takes directories as all their TypeScript sources (no .d.ts) and dedupes', () => {
    const { files } = expandFiles(['sub', 'sub/c.ts'], root);
    expect(files.map((f) => f.slice(root.length + 1))).toEqual(['sub/c.ts', 'sub/deep/d.ts']);
  });

  it('reports patterns and paths that match nothing', () => {
    const { files, unmatched } = expandFiles(['a.ts', 'nope/*.ts', 'missing.ts'], root);
    expect(files).toHaveLength(1);
    expect(unmatched).toEqual(['nope/*.ts', 'missing.ts']);
  });
});
