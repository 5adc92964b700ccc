// On-disk cache of compiled CUDA images. The key hashes everything the image depends on: the
// source, the architecture, the image format and the compiler's version. Each entry is two files,
// `<key>.bin` (the image) and `<key>.json` (what it was built from plus the image's sha256); the
// hash is checked before an image is used, so a truncated or corrupted entry is rebuilt, never
// loaded. Writes go through a temporary file and a rename, so readers never see half an entry.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface CacheKeyParts {
  /** sha256 of the CUDA source. */
  sourceHash: string;
  arch: string;
  format: string;
  /** Compiler identity and version, e.g. 'nvcc 13.0.88' or 'nvrtc 13.0'. */
  toolchain: string;
}

interface EntryMeta extends CacheKeyParts {
  key: string;
  sha256: string;
  size: number;
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export function cacheKey(parts: CacheKeyParts): string {
  // A fixed field order and a separator that none of the parts contains.
  return sha256(['kernelscript-cuda-v1', parts.sourceHash, parts.arch, parts.format, parts.toolchain].join('\n'));
}

/** $KERNELSCRIPT_CACHE_DIR/cuda, else $XDG_CACHE_HOME/kernelscript/cuda, else ~/.cache/kernelscript/cuda. */
export function defaultCudaCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KERNELSCRIPT_CACHE_DIR) return join(resolve(env.KERNELSCRIPT_CACHE_DIR), 'cuda');
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'kernelscript', 'cuda');
  const home = homedir();
  return home ? join(home, '.cache', 'kernelscript', 'cuda') : join(tmpdir(), 'kernelscript-cache', 'cuda');
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries found but rejected by verification. */
  rejected: number;
}

export class ImageCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, rejected: 0 };
  constructor(readonly dir: string = defaultCudaCacheDir()) {}

  paths(key: string): { bin: string; meta: string } {
    return { bin: join(this.dir, `${key}.bin`), meta: join(this.dir, `${key}.json`) };
  }

  /** The verified image for these parts, or null (a bad entry is removed). */
  get(parts: CacheKeyParts): Buffer | null {
    const key = cacheKey(parts);
    const p = this.paths(key);
    let meta: EntryMeta;
    let bin: Buffer;
    try {
      meta = JSON.parse(readFileSync(p.meta, 'utf8')) as EntryMeta;
      bin = readFileSync(p.bin);
    } catch {
      this.stats.misses++;
      return null;
    }
    const ok =
      meta.key === key &&
      meta.sourceHash === parts.sourceHash &&
      meta.arch === parts.arch &&
      meta.format === parts.format &&
      meta.toolchain === parts.toolchain &&
      meta.size === bin.length &&
      meta.sha256 === sha256(bin);
    if (!ok) {
      this.stats.rejected++;
      this.remove(key);
      return null;
    }
    this.stats.hits++;
    return bin;
  }

  /** Stores an image; a cache that cannot be written is skipped (the image is still used). */
  put(parts: CacheKeyParts, image: Buffer): void {
    const key = cacheKey(parts);
    const p = this.paths(key);
    const meta: EntryMeta = { ...parts, key, sha256: sha256(image), size: image.length };
    const tmp = `.${process.pid}.${Math.random().toString(36).slice(2)}`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(p.bin + tmp, image);
      renameSync(p.bin + tmp, p.bin);
      writeFileSync(p.meta + tmp, JSON.stringify(meta, null, 1));
      renameSync(p.meta + tmp, p.meta);
    } catch {
      rmSync(p.bin + tmp, { force: true });
      rmSync(p.meta + tmp, { force: true });
    }
  }

  private remove(key: string): void {
    const p = this.paths(key);
    rmSync(p.bin, { force: true });
    rmSync(p.meta, { force: true });
  }
}

export const sourceHash = (code: string): string => sha256(code);
