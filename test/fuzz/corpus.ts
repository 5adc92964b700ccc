// The seed files mutants are made from: every kernel file of test/cases/ and samples/, cut down to
// what the compiler reads (imports, kernels, helpers, module constants), so that a mutation lands in
// kernel code rather than in host code or test plumbing.
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { kernelFiles } from '../helpers/kernel-files.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface SeedFile {
  /** Where it came from, relative to the repository root. */
  origin: string;
  /** The name mutants compile under: next to the original, so its relative imports resolve. */
  fileName: string;
  text: string;
}

const SCALAR_TYPES = new Set(['f32', 'i32', 'u32', 'bool', 'boolean']);

function isHelperCandidate(fn: ts.FunctionDeclaration, sf: ts.SourceFile): boolean {
  return fn.parameters.every((p) => p.type !== undefined && SCALAR_TYPES.has(p.type.getText(sf)));
}

function isNumericConst(st: ts.VariableStatement, sf: ts.SourceFile): boolean {
  if ((st.declarationList.flags & ts.NodeFlags.Const) === 0) return false;
  return st.declarationList.declarations.every((d) => d.initializer !== undefined && /^[\w\s.+\-*/%()<>&|^~]+$/.test(d.initializer.getText(sf)));
}

/** The statements of `text` that the compiler reads for its kernels, in order. */
export function kernelPart(text: string, fileName = 'seed.ts'): string {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const keep: string[] = [];
  for (const st of sf.statements) {
    const src = st.getFullText(sf);
    const ok =
      (ts.isImportDeclaration(st) && !src.includes('helpers/')) ||
      (ts.isFunctionDeclaration(st) && isHelperCandidate(st, sf)) ||
      (ts.isVariableStatement(st) && (src.includes('kernel(') || isNumericConst(st, sf)));
    if (ok) keep.push(src);
  }
  return `${keep.join('').replace(/^\s+/, '')}\n`;
}

/** Every seed, sorted by origin; each has at least one kernel. */
export function seedCorpus(): SeedFile[] {
  const files = [...kernelFiles(join(REPO_ROOT, 'test/cases')), ...kernelFiles(join(REPO_ROOT, 'samples'))];
  return files.map((f) => ({
    origin: relative(REPO_ROOT, f),
    fileName: join(dirname(f), `fuzz-${basename(f)}`),
    text: kernelPart(readFileSync(f, 'utf8'), f),
  }));
}
