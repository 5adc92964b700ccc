// Source files for the front end: each file parsed once per distinct content. Imported user files
// are read from disk relative to the importer. Parsing is a plain ts.createSourceFile: no project,
// no tsconfig lookups, no dependency resolution, and no state that a failed parse could leave behind.
import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, isAbsolute, resolve } from 'node:path';
import { ts } from 'ts-morph';

export interface Parsed {
  hash: string;
  sf: ts.SourceFile;
  /**
   * Where TypeScript's (recursive) parser ran out of stack, as a character offset; `sf` is then an
   * empty stand-in. Null for a file that parsed.
   */
  overflowAt: number | null;
}
const parsed = new Map<string, Parsed>();

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The absolute form of a user file name (relative names resolve against the working directory). */
export function normalizeFileName(fileName: string): string {
  return isAbsolute(fileName) ? fileName : resolve(fileName);
}

function parse(fileName: string, text: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
}

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** Parses `text` as `fileName`, reusing the previous parse when the content is unchanged. */
export function parseFile(fileName: string, text: string): Parsed {
  const hash = hashText(text);
  const hit = parsed.get(fileName);
  if (hit && hit.hash === hash) return hit;
  let result: Parsed;
  try {
    result = { hash, sf: parse(fileName, text), overflowAt: null };
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
    result = { hash, sf: parse(fileName, ''), overflowAt: overflowOffset(fileName, text) };
  }
  parsed.set(fileName, result);
  return result;
}

/**
 * Where the parser runs out of stack: the shortest prefix of the text whose parse overflows (the
 * parser's depth at a point depends on the text before it), found by bisection.
 */
function overflowOffset(fileName: string, text: string): number {
  let ok = 0;
  let bad = text.length;
  while (bad - ok > 1) {
    const mid = (ok + bad) >>> 1;
    try {
      parse(fileName, text.slice(0, mid));
      ok = mid;
    } catch (e) {
      if (!isStackOverflow(e)) throw e;
      bad = mid;
    }
  }
  return ok;
}

/** The file a relative import names, trying the extensions TypeScript would; null if none exists. */
export function resolveImport(fromFile: string, spec: string): string | null {
  const base = resolve(dirname(fromFile), spec);
  const stem = base.replace(/\.(m|c)?js$/, '');
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${base}.ts`, resolve(base, 'index.ts')];
  if (/\.(m|c)?js$/.test(base)) candidates.unshift(`${stem}.ts`);
  for (const c of candidates) if (isFile(c)) return c;
  return null;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

export function readUserFile(file: string): string {
  return readFileSync(file, 'utf8');
}
