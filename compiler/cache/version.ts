// The compiler's identity for cache keys: the package version plus a hash of the compiler's own
// files, so that any change to the compiler (in a source checkout or an installed dist/)
// invalidates what it compiled before.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashParts } from './hash.js';

// Parts of the compiler that do not affect generated code.
const SKIP = new Set(['cli', 'cli.ts', 'cli.js', 'esbuild.ts', 'esbuild.js', 'cache']);

let memo: string | null = null;

export function compilerVersion(): string {
  if (memo !== null) return memo;
  const compilerDir = dirname(dirname(fileURLToPath(import.meta.url)));
  const root = dirname(compilerDir);
  const pkg = readPackageVersion(root);
  const files: string[] = [];
  for (const dir of [compilerDir, join(root, 'targets')]) collect(dir, files);
  files.sort();
  const contents = files.flatMap((f) => [f.slice(root.length), safeRead(f)]);
  memo = `${pkg}+${hashParts(...contents).slice(0, 16)}`;
  return memo;
}

function collect(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (SKIP.has(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) collect(p, out);
    else if (/\.(ts|js|json)$/.test(e.name) && !e.name.endsWith('.map')) out.push(p);
  }
}

function safeRead(f: string): string {
  try {
    return readFileSync(f, 'utf8');
  } catch {
    return '';
  }
}

function readPackageVersion(root: string): string {
  // In dist/ the package.json sits one level further up.
  for (const dir of [root, dirname(root)]) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'kernelscript' && pkg.version) return pkg.version;
    } catch {
      // not here; try the next candidate
    }
  }
  return '0.0.0';
}
