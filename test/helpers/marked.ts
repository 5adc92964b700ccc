// Broken kernels with a `/*@*/` marker where the error must point, and the diagnostics a compile
// reports (shared by the diagnostic tests of each language area).
import { KernelCompileError } from '../../compiler/index.js';
import type { Diagnostic } from '../../compiler/index.js';

/** The source without the marker, and the marker's 1-based line and column. */
export function locate(marked: string): { src: string; line: number; column: number } {
  const at = marked.indexOf('/*@*/');
  const before = marked.slice(0, at).split('\n');
  return { src: marked.replace('/*@*/', ''), line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** The diagnostics `compile` throws; it must throw a KernelCompileError. */
export function diagnosticsOf(compile: () => unknown): Diagnostic[] {
  try {
    compile();
  } catch (e) {
    if (e instanceof KernelCompileError) return e.diagnostics;
    throw e;
  }
  throw new Error('compiled without errors');
}

/** 1-based line and column of the first occurrence of `snippet` in `source`, not inside a longer name. */
export function whereIn(source: string, snippet: string): { line: number; column: number } {
  const at = source.search(new RegExp(`(?<![\\w$])${snippet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  if (at < 0) throw new Error(`'${snippet}' is not in the source`);
  const before = source.slice(0, at).split('\n');
  return { line: before.length, column: (before[before.length - 1] as string).length + 1 };
}
