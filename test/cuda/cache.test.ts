// The compiled-image cache: key composition, round trips, and verification that rejects (and
// removes) corrupted or mismatched entries instead of handing them to the driver.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ImageCache, cacheKey, defaultCudaCacheDir, sourceHash, type CacheKeyParts } from '../../runtime/cuda/cache.js';
import { CudaCompiler, type Toolchain } from '../../runtime/cuda/compile.js';
import { Rng } from '../helpers/case.js';

const rng = new Rng();
const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'ks-cuda-cache-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const randomImage = (): Buffer => Buffer.from(Array.from({ length: rng.int(64, 512) }, () => rng.int(0, 256)));
const parts = (): CacheKeyParts => ({
  sourceHash: sourceHash(`__global__ void k${rng.int(0, 1e9)}() {}`),
  arch: 'sm_90',
  format: 'cubin',
  toolchain: 'nvcc 13.0.88',
});

describe(`cuda image cache (seed ${rng.seed})`, () => {
  it('keys on every part: source, architecture, format and toolchain', () => {
    const p = parts();
    const k = cacheKey(p);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey({ ...p })).toBe(k);
    const variants: CacheKeyParts[] = [
      { ...p, sourceHash: sourceHash('other') },
      { ...p, arch: 'sm_80' },
      { ...p, format: 'ptx' },
      { ...p, toolchain: 'nvcc 13.0.89' },
      { ...p, toolchain: 'nvrtc 13.0' },
    ];
    const keys = new Set([k, ...variants.map(cacheKey)]);
    expect(keys.size).toBe(variants.length + 1);
  });

  it('returns what was stored, from a fresh cache object on the same directory', () => {
    const dir = tempDir();
    const p = parts();
    const img = randomImage();
    new ImageCache(dir).put(p, img);
    const c = new ImageCache(dir);
    expect(c.get(p)?.equals(img)).toBe(true);
    expect(c.get({ ...p, arch: 'sm_80' })).toBeNull();
    expect(c.stats).toEqual({ hits: 1, misses: 1, rejected: 0 });
  });

  it('rejects and removes an entry whose image was corrupted or truncated', () => {
    const dir = tempDir();
    for (const damage of ['flip', 'truncate'] as const) {
      const p = parts();
      const img = randomImage();
      const c = new ImageCache(dir);
      c.put(p, img);
      const { bin, meta } = c.paths(cacheKey(p));
      const bytes = readFileSync(bin);
      if (damage === 'flip') {
        const i = rng.int(0, bytes.length);
        bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
        writeFileSync(bin, bytes);
      } else writeFileSync(bin, bytes.subarray(0, bytes.length - 1));
      expect(c.get(p)).toBeNull();
      expect(c.stats.rejected).toBe(1);
      expect(existsSync(bin) || existsSync(meta)).toBe(false);
    }
  });

  it('rejects an entry whose metadata does not describe it', () => {
    const dir = tempDir();
    const p = parts();
    const c = new ImageCache(dir);
    c.put(p, randomImage());
    const { meta } = c.paths(cacheKey(p));
    const m = JSON.parse(readFileSync(meta, 'utf8')) as Record<string, unknown>;
    writeFileSync(meta, JSON.stringify({ ...m, toolchain: 'nvcc 12.0.0' }));
    expect(c.get(p)).toBeNull();
    expect(c.stats.rejected).toBe(1);
  });

  it('finds its directory from KERNELSCRIPT_CACHE_DIR, then XDG_CACHE_HOME, then the home directory', () => {
    expect(defaultCudaCacheDir({ KERNELSCRIPT_CACHE_DIR: '/x/y', XDG_CACHE_HOME: '/c' })).toBe('/x/y/cuda');
    expect(defaultCudaCacheDir({ XDG_CACHE_HOME: '/c' })).toBe('/c/kernelscript/cuda');
    expect(defaultCudaCacheDir({})).toMatch(/\.cache\/kernelscript\/cuda$/);
  });

  it('compiles once per key: a second build is served from the cache, a new toolchain rebuilds', () => {
    const dir = tempDir();
    let calls = 0;
    const fake = (version: string): Toolchain => ({
      version,
      compile: (req) => {
        calls++;
        return Buffer.from(`${version}|${req.arch}|${req.code}`);
      },
    });
    const req = { code: `// ${rng.int(0, 1e9)}`, name: 'k', arch: 'sm_90', format: 'cubin' as const };
    const a = new CudaCompiler([fake('t 1')], new ImageCache(dir)).build(req);
    const b = new CudaCompiler([fake('t 1')], new ImageCache(dir)).build(req);
    expect(b.equals(a)).toBe(true);
    expect(calls).toBe(1);
    new CudaCompiler([fake('t 2')], new ImageCache(dir)).build(req);
    expect(calls).toBe(2);
  });

  it('falls back to the next compiler when the first fails, and reports the first error when all fail', () => {
    const failing: Toolchain = {
      version: 'bad 1',
      compile: () => {
        throw new Error('first compiler broke');
      },
    };
    const good: Toolchain = { version: 'good 1', compile: () => Buffer.from('ok') };
    const req = { code: `// ${rng.int(0, 1e9)}`, name: 'k', arch: 'sm_90', format: 'cubin' as const };
    expect(new CudaCompiler([failing, good], null).build(req).toString()).toBe('ok');
    expect(() => new CudaCompiler([failing], null).build(req)).toThrow(/first compiler broke/);
    expect(() => new CudaCompiler([], null)).toThrow(/no CUDA compiler/);
  });
});
