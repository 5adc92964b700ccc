import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CompileCache } from '../../compiler/cache/store.js';

describe('CompileCache', () => {
  const root = mkdtempSync(join(tmpdir(), 'ks-cache-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const dir = join(root, 'cache');
  const dep = join(root, 'helpers.ts');
  writeFileSync(dep, 'export const A = 1;');

  it('misses, stores, then hits across instances (on disk)', () => {
    const a = new CompileCache<{ n: number }>({ dir, version: 'v1' });
    const key = a.key('/p/k.ts', 'text', ['wgsl', 'js']);
    expect(a.get(key)).toBeUndefined();
    a.set(key, { n: 42 }, [dep]);
    const b = new CompileCache<{ n: number }>({ dir, version: 'v1' });
    expect(b.get(key)).toEqual({ n: 42 });
    expect(b.stats).toEqual({ hits: 1, misses: 0, writes: 0 });
  });

  it('keys on text, targets (in any order), path and compiler version', () => {
    const c = new CompileCache<number>({ dir: null, version: 'v1' });
    const base = c.key('/p/k.ts', 'text', ['wgsl', 'js']);
    expect(c.key('/p/k.ts', 'text', ['js', 'wgsl'])).toBe(base);
    expect(c.key('/p/k.ts', 'text2', ['wgsl', 'js'])).not.toBe(base);
    expect(c.key('/p/k.ts', 'text', ['wgsl'])).not.toBe(base);
    expect(c.key('/p/j.ts', 'text', ['wgsl', 'js'])).not.toBe(base);
    expect(new CompileCache<number>({ dir: null, version: 'v2' }).key('/p/k.ts', 'text', ['wgsl', 'js'])).not.toBe(base);
  });

  it('misses when a dependency changed or vanished', () => {
    const c = new CompileCache<string>({ dir, version: 'v1' });
    const key = c.key('/p/dep.ts', 'uses helpers', ['js']);
    c.set(key, 'out', [dep]);
    expect(c.get(key)).toBe('out');
    writeFileSync(dep, 'export const A = 2;');
    expect(c.get(key)).toBeUndefined();
    c.set(key, 'out2', [dep]);
    expect(c.get(key)).toBe('out2');
    rmSync(dep);
    expect(new CompileCache<string>({ dir, version: 'v1' }).get(key)).toBeUndefined();
  });

  it('treats a corrupt entry as a miss', () => {
    const c = new CompileCache<string>({ dir, version: 'v1' });
    const key = c.key('/p/x.ts', 'x', ['js']);
    c.set(key, 'ok', []);
    const shard = join(dir, key.slice(0, 2));
    for (const f of readdirSync(shard)) if (f.startsWith(key)) writeFileSync(join(shard, f), '{not json');
    expect(new CompileCache<string>({ dir, version: 'v1' }).get(key)).toBeUndefined();
  });
});
