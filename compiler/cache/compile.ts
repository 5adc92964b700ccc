// compileFile behind the on-disk cache: the one place where the CLI and the esbuild plugin call
// the compiler. A file is recompiled only when its text, a file it depends on, the targets or the
// compiler itself changed. Results with errors are never cached, so diagnostics are always fresh.
import { readFileSync } from 'node:fs';
import type { compileFile as CompileFile } from '../index.js';
import type { Diagnostic } from '../../core/diagnostics/diagnostic.js';
import type { CompiledKernel, Target } from '../../core/output.js';
import { sha256 } from './hash.js';
import { CompileCache } from './store.js';

export interface FileKernel {
  name: string;
  /** 1-based position of the kernel(...) call. */
  line: number;
  column: number;
  /** Offset just before the call's closing parenthesis, where build tools add compiled outputs. */
  insertAt: number;
  outputs: Partial<Record<Target, CompiledKernel>>;
}

/** A specialization the file asks for (`<kernel>.specialize({...})`), compiled at build time. */
export interface FileSpecialization {
  /** The kernel's name and absolute file (this file or one it imports). */
  kernel: string;
  kernelFile: string;
  /** Canonical key, `TILE=32`, and the values. */
  key: string;
  values: Readonly<Record<string, number>>;
  /** 1-based position of the specialize(...) call. */
  line: number;
  column: number;
  /** Offset just before the call's closing parenthesis, where the plugin adds compiled outputs. */
  insertAt: number;
  outputs: Partial<Record<Target, CompiledKernel>>;
}

export interface FileResult {
  kernels: FileKernel[];
  specializations: FileSpecialization[];
  /** Absolute paths of every file the kernels depend on, the file itself included. */
  dependencies: string[];
  diagnostics: Diagnostic[];
}

export type FileCache = CompileCache<FileResult>;

// The compiler (and TypeScript with it) takes seconds to load: builds whose files all hit the
// cache never load it.
let compileFile: typeof CompileFile | null = null;

async function loadCompiler(): Promise<typeof CompileFile> {
  compileFile ??= (await import('../index.js')).compileFile;
  return compileFile;
}

export async function compileFileCached(
  cache: FileCache | null,
  fileName: string,
  text: string,
  targets: readonly Target[],
): Promise<{ result: FileResult; cached: boolean }> {
  const key = cache?.key(fileName, text, targets);
  if (cache && key) {
    const hit = cache.get(key, readDep, outputsIntact);
    if (hit) return { result: hit, cached: true };
  }
  const compile = await loadCompiler();
  const result = normalize(fileName, text, compile(fileName, text, [...targets]));
  if (cache && key && result.diagnostics.length === 0) {
    // The file itself is part of the key; its dependencies are checked on every lookup.
    cache.set(key, result, result.dependencies.filter((d) => d !== fileName), readDep);
  }
  return { result, cached: false };
}

/** Every output's `hash` is the sha256 of its code, as the compiler made it (build writes both). */
function outputsIntact(r: FileResult): boolean {
  if (!Array.isArray(r.kernels) || !Array.isArray(r.specializations)) return false;
  return [...r.kernels, ...r.specializations].every((k) =>
    Object.values(k.outputs ?? {}).every((o) => typeof o.code === 'string' && o.hash === sha256(o.code)),
  );
}

function readDep(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

type CoreResult = ReturnType<typeof CompileFile>;

function normalize(fileName: string, text: string, r: CoreResult): FileResult {
  return {
    kernels: r.kernels.map((k) => {
      const { line, column } = position(text, k.start);
      return { name: k.name, line, column, insertAt: k.end - 1, outputs: k.outputs };
    }),
    specializations: r.specializations.map((s) => {
      const { line, column } = position(text, s.start);
      const { kernel, kernelFile, key, values, outputs } = s;
      return { kernel, kernelFile, key, values, line, column, insertAt: s.end - 1, outputs };
    }),
    dependencies: [...new Set([fileName, ...r.dependencies])],
    diagnostics: r.diagnostics,
  };
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
