// The esbuild plugin: `plugins: [kernelscript({ targets: ['wgsl', 'cuda'] })]`.
// Each bundled file that defines kernels is compiled at build time and every `kernel(fn)` call is
// rewritten to `kernel(fn, {...compiled outputs...})`, so the bundle launches without compiling.
// Imports of 'kernelscript' resolve to 'kernelscript/runtime', which keeps the compiler (and
// TypeScript itself) out of the bundle. Compile errors become esbuild errors with file, line,
// column and line text; every file a kernel depends on is a watch file.
import { readFile } from 'node:fs/promises';
import { extname, relative, resolve, sep } from 'node:path';
import type { Loader, OnLoadResult, PartialMessage, Plugin } from 'esbuild';
import { compileFileCached, type FileCache, type FileResult } from './cache/compile.js';
import { CompileCache, defaultCacheDir } from './cache/store.js';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { TARGETS, type Target } from '../core/output.js';

export interface KernelscriptPluginOptions {
  /** Targets to precompile; 'js' is always added so that the cpu fallback works. Default: all. */
  targets?: Target[];
  /** Files to scan for kernels. Default: .ts/.tsx/.mts/.cts/.js/.jsx/.mjs outside node_modules. */
  filter?: RegExp;
  /** On-disk cache: true for the default directory, a directory, or false for memory only. */
  cache?: boolean | string;
  /**
   * Resolve 'kernelscript' to 'kernelscript/runtime' (default true), so that the bundle holds no
   * compiler. Set false only for apps that compile kernels at run time.
   */
  runtimeOnly?: boolean;
}

const LOADERS: Record<string, Loader> = {
  '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx',
};
// Names only the full entry exports: importing them means the app compiles at run time.
const COMPILER_NAMES = ['compileKernel', 'KernelCompileError', 'InternalCompilerError'];
const IMPORTS_KERNELSCRIPT = /from\s*['"]kernelscript(\/runtime)?['"]/;
// A file may specialize kernels it imports from another file without importing kernelscript.
const SPECIALIZES = /\.specialize\s*\(/;

export default function kernelscript(options: KernelscriptPluginOptions = {}): Plugin {
  const targets = [...new Set<Target>([...(options.targets ?? TARGETS), 'js'])];
  for (const t of targets) {
    if (!(TARGETS as readonly string[]).includes(t)) {
      throw new TypeError(`kernelscript esbuild plugin: unknown target '${String(t)}' (expected ${TARGETS.join(', ')})`);
    }
  }
  const runtimeOnly = options.runtimeOnly ?? true;
  const filter = options.filter ?? /\.[cm]?[jt]sx?$/;
  return {
    name: 'kernelscript',
    setup(build) {
      const cwd = build.initialOptions.absWorkingDir ?? process.cwd();
      const cacheDir = options.cache === false ? null : typeof options.cache === 'string' ? resolve(cwd, options.cache) : defaultCacheDir(cwd);
      // One cache per plugin instance: its memory layer serves watch-mode and incremental rebuilds.
      const cache: FileCache = new CompileCache({ dir: cacheDir });

      if (runtimeOnly) {
        build.onResolve({ filter: /^kernelscript$/ }, async (args) => {
          const r = await build.resolve('kernelscript/runtime', {
            kind: args.kind,
            importer: args.importer,
            resolveDir: args.resolveDir,
            pluginData: args.pluginData,
          });
          return r.errors.length > 0 ? { errors: r.errors } : { path: r.path, external: r.external, sideEffects: r.sideEffects };
        });
      }

      build.onLoad({ filter }, async (args): Promise<OnLoadResult | undefined> => {
        if (args.path.split(sep).includes('node_modules')) return undefined;
        const loader = LOADERS[extname(args.path)];
        if (!loader) return undefined;
        const text = await readFile(args.path, 'utf8');
        const specializes = SPECIALIZES.test(text);
        if (!IMPORTS_KERNELSCRIPT.test(text) && !specializes) return undefined;
        if (runtimeOnly) {
          const used = compilerImports(text);
          if (used) return { errors: [compilerImportError(args.path, text, used, cwd)] };
        }
        if (!/\bkernel\s*\(/.test(text) && !specializes) return undefined;
        let result: FileResult;
        try {
          result = (await compileFileCached(cache, args.path, text, targets)).result;
        } catch (e) {
          // A compiler bug still becomes a located build error rather than a crashed build.
          return { errors: [{ text: `internal compiler error: ${(e as Error).message}`, location: { file: rel(cwd, args.path) } }], watchFiles: [args.path] };
        }
        const watchFiles = result.dependencies;
        if (result.diagnostics.length > 0) {
          const sources = new Map([[args.path, text]]);
          return { errors: await Promise.all(result.diagnostics.map((d) => toMessage(d, sources, cwd))), watchFiles };
        }
        return { contents: inject(text, result), loader, resolveDir: resolve(args.path, '..'), watchFiles };
      });
    },
  };
}

/**
 * Adds each kernel's compiled outputs as the second argument of its kernel(...) call, and each
 * specialization's as the second argument of its specialize(...) call.
 */
export function inject(text: string, result: FileResult): string {
  let out = text;
  // From the end backwards, so that earlier offsets stay valid.
  for (const k of [...result.kernels, ...result.specializations].sort((a, b) => b.insertAt - a.insertAt)) {
    const before = out.slice(0, k.insertAt);
    const trailingComma = /,\s*$/.test(before);
    const arg = `${trailingComma ? '' : ', '}${JSON.stringify(k.outputs)}`;
    out = before + arg + out.slice(k.insertAt);
  }
  return out;
}

function compilerImports(text: string): string | null {
  for (const m of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s*from\s*['"]kernelscript['"]/g)) {
    if (m[1]) continue;
    for (const part of (m[2] ?? '').split(',')) {
      const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0];
      if (!part.trim().startsWith('type ') && name && COMPILER_NAMES.includes(name)) return name;
    }
  }
  return null;
}

function compilerImportError(file: string, text: string, name: string, cwd: string): PartialMessage {
  const index = text.search(new RegExp(`\\b${name}\\b`));
  const { line, column, lineText } = locate(text, index);
  return {
    text: `'${name}' would bundle the whole compiler; kernels are compiled at build time, so import the runtime only, or pass runtimeOnly: false to compile at run time`,
    location: { file: rel(cwd, file), line, column, lineText, length: name.length },
  };
}

async function toMessage(d: Diagnostic, sources: Map<string, string>, cwd: string): Promise<PartialMessage> {
  let text = sources.get(d.file);
  if (text === undefined) {
    text = await readFile(d.file, 'utf8').catch(() => '');
    sources.set(d.file, text);
  }
  const lineText = text.split(/\r?\n/)[d.line - 1] ?? '';
  const length = d.endLine === d.line && d.endColumn !== undefined ? Math.max(1, d.endColumn - d.column) : undefined;
  return {
    id: d.code,
    text: `${d.code}: ${d.message}`,
    // esbuild columns are 0-based; the compiler's (like tsc's) are 1-based.
    location: { file: rel(cwd, d.file), line: d.line, column: d.column - 1, lineText, ...(length ? { length } : {}) },
  };
}

function locate(text: string, index: number): { line: number; column: number; lineText: string } {
  const before = text.slice(0, Math.max(0, index));
  const line = before.split('\n').length;
  const start = before.lastIndexOf('\n') + 1;
  const end = text.indexOf('\n', start);
  return { line, column: index - start, lineText: text.slice(start, end < 0 ? undefined : end) };
}

function rel(cwd: string, file: string): string {
  const r = relative(cwd, file);
  return r.startsWith('..') ? file : r.split(sep).join('/');
}
