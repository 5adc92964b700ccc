// File arguments: plain paths and glob patterns (`*`, `?`, `**`, `{a,b}`, `[...]`), expanded the
// same way on every shell (a quoted pattern reaches us unexpanded). Node 20 has no fs.glob.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const MAGIC = /[*?[\]{}]/;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist']);

export function isGlob(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/** Translates one glob pattern (with '/' separators) to an anchored regular expression. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // '**/' matches zero or more directories; a trailing '**' matches anything.
        const slash = pattern[i + 2] === '/';
        re += slash ? '(?:[^/]*(?:/|$))*' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        const body = pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else re += /[.+^$()|\\/]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${re}$`);
}

/**
 * Expands patterns relative to `cwd` into absolute, sorted, de-duplicated file paths. Returns the
 * patterns that matched nothing separately, so that the caller can report them.
 */
export function expandFiles(patterns: readonly string[], cwd: string): { files: string[]; unmatched: string[] } {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    const before = files.size;
    if (!isGlob(pattern)) {
      const abs = resolve(cwd, pattern);
      if (isFile(abs)) files.add(abs);
      else if (isDir(abs)) for (const f of walk(abs)) if (/\.[cm]?tsx?$/.test(f) && !f.endsWith('.d.ts')) files.add(f);
    } else {
      const norm = pattern.split(sep).join('/');
      const parts = norm.split('/');
      const firstMagic = parts.findIndex((p) => MAGIC.test(p));
      const base = resolve(cwd, parts.slice(0, firstMagic).join('/') || '.');
      const re = globToRegExp(parts.slice(firstMagic).join('/'));
      for (const f of walk(base)) {
        if (re.test(relative(base, f).split(sep).join('/'))) files.add(f);
      }
    }
    if (files.size === before) unmatched.push(pattern);
  }
  return { files: [...files].sort(), unmatched };
}

function* walk(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) yield* walk(p);
    } else if (e.isFile()) yield p;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
