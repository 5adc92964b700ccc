// Source files for the front end: one ts-morph Project for the whole process, each file parsed
// once per distinct content. Imported user files are read from disk relative to the importer.
import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, isAbsolute, resolve } from 'node:path';
import { Project, ts } from 'ts-morph';

let project: Project | null = null;

function getProject(): Project {
  // An in-memory file system: the compiler decides what is read from disk, and parsing never
  // triggers tsconfig lookups or dependency resolution.
  project ??= new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, allowJs: true },
  });
  return project;
}

interface Parsed {
  hash: string;
  sf: ts.SourceFile;
}
const parsed = new Map<string, Parsed>();

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The absolute form of a user file name (relative names resolve against the working directory). */
export function normalizeFileName(fileName: string): string {
  return isAbsolute(fileName) ? fileName : resolve(fileName);
}

/** Parses `text` as `fileName`, reusing the previous parse when the content is unchanged. */
export function parseFile(fileName: string, text: string): ts.SourceFile {
  const hash = hashText(text);
  const hit = parsed.get(fileName);
  if (hit && hit.hash === hash) return hit.sf;
  const sf = getProject().createSourceFile(fileName, text, { overwrite: true }).compilerNode;
  parsed.set(fileName, { hash, sf });
  return sf;
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
