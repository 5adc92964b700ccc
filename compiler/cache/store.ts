// An on-disk cache of per-file compile results, keyed by the compiler version, the targets, the
// file's path and its content. Each entry also records the content hash of every file the result
// depended on (imported helpers, constants); an entry whose dependencies changed is a miss. This
// is the two-level lookup ccache calls "direct mode": the key is known before compiling, the
// dependency list only after. An entry file is a header line holding the sha256 of the JSON
// after it; the hash is checked before the entry is used (as the CUDA image cache does), so a
// truncated or altered entry is a miss and is rebuilt, never written out by `build`.
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hashParts, sha256 } from './hash.js';
import { compilerVersion } from './version.js';

export interface DepHash {
  file: string;
  hash: string;
}

interface Entry<T> {
  key: string;
  deps: DepHash[];
  value: T;
}

export interface CacheStats {
  hits: number;
  misses: number;
  writes: number;
}

export interface CompileCacheOptions {
  /** Directory for entries; null keeps them in memory only. */
  dir: string | null;
  /** Overrides the compiler identity (tests use it to simulate a compiler upgrade). */
  version?: string;
}

/** The default cache directory for a project rooted at `cwd`. */
export function defaultCacheDir(cwd: string = process.cwd()): string {
  const env = process.env.KERNELSCRIPT_CACHE_DIR;
  if (env) return resolve(cwd, env);
  const nm = join(cwd, 'node_modules');
  return existsSync(nm) ? join(nm, '.cache', 'kernelscript') : join(cwd, '.cache', 'kernelscript');
}

export class CompileCache<T> {
  readonly dir: string | null;
  readonly version: string;
  readonly stats: CacheStats = { hits: 0, misses: 0, writes: 0 };
  private readonly memory = new Map<string, Entry<T>>();

  constructor(options: CompileCacheOptions) {
    this.dir = options.dir;
    this.version = options.version ?? compilerVersion();
  }

  /** The lookup key of a file's compile for a set of targets. */
  key(fileName: string, text: string, targets: readonly string[]): string {
    return hashParts(this.version, [...targets].sort().join(','), resolve(fileName), text);
  }

  /** The value stored under `key` if its dependencies are unchanged and `valid` accepts it. */
  get(key: string, readDep: (file: string) => string | null = readText, valid: (value: T) => boolean = () => true): T | undefined {
    const entry = this.memory.get(key) ?? this.readEntry(key);
    if (entry && entry.key === key && entry.deps.every((d) => hashOf(readDep(d.file)) === d.hash) && valid(entry.value)) {
      this.memory.set(key, entry);
      this.stats.hits++;
      return entry.value;
    }
    this.stats.misses++;
    return undefined;
  }

  /** Stores a result with the files it depended on (their current contents are hashed). */
  set(key: string, value: T, deps: readonly string[], readDep: (file: string) => string | null = readText): void {
    const entry: Entry<T> = {
      key,
      deps: [...new Set(deps)].map((file) => ({ file: resolve(file), hash: hashOf(readDep(file)) })),
      value,
    };
    this.memory.set(key, entry);
    this.stats.writes++;
    if (!this.dir) return;
    try {
      const dir = join(this.dir, key.slice(0, 2));
      mkdirSync(dir, { recursive: true });
      // Write then rename, so a concurrent reader never sees half an entry.
      const tmp = join(dir, `${key}.${process.pid}.tmp`);
      writeFileSync(tmp, encodeEntry(entry));
      renameSync(tmp, join(dir, `${key}.json`));
    } catch {
      // A read-only or full disk only costs speed; the result is still returned.
    }
  }

  private readEntry(key: string): Entry<T> | undefined {
    if (!this.dir) return undefined;
    let text: string;
    try {
      text = readFileSync(join(this.dir, key.slice(0, 2), `${key}.json`), 'utf8');
    } catch {
      return undefined;
    }
    return decodeEntry<T>(text);
  }
}

const HEADER = 'kernelscript-cache-v2 sha256=';

function encodeEntry(entry: Entry<unknown>): string {
  const body = JSON.stringify(entry);
  return `${HEADER}${sha256(body)}\n${body}`;
}

/** The entry in a file's text, or undefined when the text is not an intact entry. */
function decodeEntry<T>(text: string): Entry<T> | undefined {
  const nl = text.indexOf('\n');
  if (!text.startsWith(HEADER) || nl < 0) return undefined;
  const body = text.slice(nl + 1);
  if (text.slice(HEADER.length, nl) !== sha256(body)) return undefined;
  try {
    const entry = JSON.parse(body) as Entry<T>;
    return typeof entry === 'object' && entry !== null && Array.isArray(entry.deps) ? entry : undefined;
  } catch {
    return undefined;
  }
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function hashOf(text: string | null): string {
  return text === null ? 'missing' : sha256(text);
}
