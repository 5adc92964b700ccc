// `kernelscript build` and `kernelscript check`: expand the file arguments, compile each file
// (through the cache), render diagnostics, and write outputs only when everything compiled.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { compileFileCached, type FileCache, type FileResult } from '../compiler/cache/compile.js';
import { CompileCache, defaultCacheDir } from '../compiler/cache/store.js';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { render, summary } from '../core/diagnostics/render.js';
import type { Target } from '../core/output.js';
import type { CompileArgs } from './args.js';
import { manifest, module, nameClashes, outputName, typings, type BuiltKernel, type PtxOutput } from './emit.js';
import { expandFiles } from './glob.js';
import { compilePtx, findNvcc } from './ptx.js';
import { sha256 } from '../compiler/cache/hash.js';
import { packageVersion } from './version.js';

export interface Io {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  color: boolean;
}

export interface RunResult {
  exitCode: number;
  /** Every file the run read (inputs and their dependencies): what --watch watches. */
  watched: string[];
  compiled: number;
  cached: number;
}

export function createCache(args: CompileArgs, cwd: string): FileCache | null {
  if (!args.cache) return null;
  return new CompileCache({ dir: args.cacheDir ? resolve(cwd, args.cacheDir) : defaultCacheDir(cwd) });
}

export async function runCompile(kind: 'build' | 'check', args: CompileArgs, io: Io, cache: FileCache | null): Promise<RunResult> {
  const started = performance.now();
  const { files, unmatched } = expandFiles(args.files, io.cwd);
  const fail = (message: string, exitCode = 1): RunResult => {
    io.stderr(`kernelscript: ${message}\n`);
    return { exitCode, watched: files, compiled: 0, cached: 0 };
  };
  if (unmatched.length > 0) return fail(unmatched.map((p) => `no files match '${p}'`).join('\n'), 2);

  const results = new Map<string, FileResult>();
  const texts = new Map<string, string>();
  let cached = 0;
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      return fail(`cannot read ${rel(io.cwd, file)}: ${(e as Error).message}`);
    }
    texts.set(file, text);
    const r = await compileFileCached(cache, file, text, args.targets);
    if (r.cached) cached++;
    results.set(file, r.result);
    diagnostics.push(...r.result.diagnostics);
  }
  const watched = [...new Set([...files, ...[...results.values()].flatMap((r) => r.dependencies)])];
  const outcome = (exitCode: number): RunResult => ({ exitCode, watched, compiled: files.length - cached, cached });

  const report = (ds: readonly Diagnostic[]): void => {
    const shown = ds.map((d) => ({ ...d, file: rel(io.cwd, d.file) }));
    const source = (f: string): string | undefined => texts.get(resolve(io.cwd, f)) ?? readMaybe(resolve(io.cwd, f));
    io.stderr(render(shown, source, { color: io.color }) + '\n');
    if (ds.length === 1) io.stderr(`Found ${summary(ds)}.\n`);
  };
  if (diagnostics.length > 0) {
    report(diagnostics);
    return outcome(1);
  }

  const kernels: BuiltKernel[] = [...results.entries()].flatMap(([file, r]) =>
    r.kernels.map((k) => ({ name: k.name, file, line: k.line, column: k.column, outputs: k.outputs })),
  );
  attachSpecializations(kernels, [...results.values()]);

  if (args.emit === 'ir') {
    for (const file of files) {
      if (results.get(file)?.kernels.length) io.stdout((await import('./ir.js')).irOf(file, texts.get(file) ?? ''));
    }
  }
  if (kind === 'check') {
    if (args.resources) {
      const { resourceReport } = await import('./resources.js');
      const nvcc = args.targets.includes('cuda') ? findNvcc() : null;
      const opts = { targets: args.targets, arch: args.arch, nvcc, show: (f: string) => rel(io.cwd, f) };
      const r = await resourceReport(kernels, texts, opts).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      if (r instanceof Error) return { ...fail(r.message), watched };
      if (!args.quiet) io.stdout([...r.lines, ...r.notes].map((l) => `${l}\n`).join(''));
      if (r.warnings.length > 0) report(r.warnings);
    }
    if (!args.quiet) io.stdout(`No errors in ${plural(kernels.length, 'kernel')} from ${plural(files.length, 'file')}.\n`);
    return outcome(0);
  }
  if (args.emit === 'code') {
    for (const k of kernels) {
      for (const t of args.targets) {
        const o = k.outputs[t];
        if (o) io.stdout(`// ${k.name} (${t})\n${o.code}${o.code.endsWith('\n') ? '' : '\n'}`);
      }
      for (const s of k.specializations ?? []) {
        for (const t of args.targets) {
          const o = s.outputs[t];
          if (o) io.stdout(`// ${k.name} ${s.key} (${t})\n${o.code}${o.code.endsWith('\n') ? '' : '\n'}`);
        }
      }
    }
    return outcome(0);
  }
  if (args.emit === 'ir') return outcome(0);

  const clashes = nameClashes(kernels, io.cwd);
  if (clashes.length > 0) return { ...fail(clashes.join('\n')), watched };

  const ptx = new Map<string, PtxOutput>();
  if (args.ptx) {
    const nvcc = findNvcc();
    if (!nvcc) io.stderr(`kernelscript: warning: --ptx given but nvcc was not found (set KERNELSCRIPT_NVCC or PATH); PTX skipped\n`);
    else {
      for (const k of kernels) {
        const cu = k.outputs.cuda;
        if (!cu) continue;
        try {
          const code = await compilePtx(nvcc, cu.code, k.name, args.arch);
          ptx.set(k.name, { code, arch: args.arch, hash: sha256(code) });
        } catch (e) {
          return { ...fail((e as Error).message), watched };
        }
      }
    }
  }

  const outDir = resolve(io.cwd, args.out);
  writeOutputs(outDir, kernels, args.targets, ptx, io.cwd);
  if (!args.quiet) {
    const ms = Math.round(performance.now() - started);
    const note = cache ? `, ${cached} of ${plural(files.length, 'file')} from cache` : '';
    io.stdout(
      `Built ${plural(kernels.length, 'kernel')} (${args.targets.join(', ')}${ptx.size ? ', ptx' : ''}) ` +
        `into ${rel(io.cwd, outDir) || '.'} in ${ms} ms${note}.\n`,
    );
  }
  return outcome(0);
}

function writeOutputs(outDir: string, kernels: BuiltKernel[], targets: Target[], ptx: Map<string, PtxOutput>, root: string): void {
  mkdirSync(outDir, { recursive: true });
  const manifestPath = join(outDir, 'manifest.json');
  const previous = previousFiles(manifestPath);
  const written = new Set<string>();
  const put = (name: string, text: string): void => {
    written.add(name);
    const path = join(outDir, name);
    // Unchanged files keep their timestamps, so that downstream watchers stay quiet.
    if (readMaybe(path) !== text) writeFileSync(path, text);
  };
  for (const k of kernels) {
    for (const t of targets) {
      const o = k.outputs[t];
      if (o) put(outputName(k.name, t), o.code);
    }
    const p = ptx.get(k.name);
    if (p) put(outputName(k.name, 'ptx'), p.code);
    for (const s of k.specializations ?? []) {
      for (const t of targets) {
        const o = s.outputs[t];
        if (o) put(outputName(k.name, t, s.key), o.code);
      }
    }
  }
  put('index.js', module(kernels, targets));
  put('index.d.ts', typings(kernels, targets));
  put('manifest.json', JSON.stringify(manifest(packageVersion(), targets, kernels, root, ptx), null, 2) + '\n');
  // Files of kernels that no longer exist would otherwise linger after a rename.
  for (const f of previous) if (!written.has(f)) rmSync(join(outDir, f), { force: true });
}

function previousFiles(manifestPath: string): string[] {
  const text = readMaybe(manifestPath);
  if (text === undefined) return [];
  try {
    type Outputs = Record<string, { file?: string }>;
    const m = JSON.parse(text) as { kernels?: { outputs?: Outputs; ptx?: { file?: string }; specializations?: { outputs?: Outputs }[] }[] };
    return (m.kernels ?? []).flatMap((k) =>
      [
        ...[k.outputs, ...(k.specializations ?? []).map((s) => s.outputs)].flatMap((o) => Object.values(o ?? {}).map((x) => x.file)),
        k.ptx?.file,
      ].filter(
        (f): f is string => typeof f === 'string' && !f.includes('/') && !f.includes(sep),
      ),
    );
  } catch {
    return [];
  }
}

/**
 * Gives each built kernel the specializations that the built files ask for (`k.specialize({...})`
 * with values known at build time), once per key. A kernel outside the build has no output to
 * carry them.
 */
function attachSpecializations(kernels: BuiltKernel[], results: readonly FileResult[]): void {
  const byKernel = new Map(kernels.map((k) => [`${k.file}\n${k.name}`, k]));
  for (const r of results) {
    for (const s of r.specializations) {
      const k = byKernel.get(`${s.kernelFile}\n${s.kernel}`);
      if (!k) continue;
      const list = (k.specializations ??= []);
      if (!list.some((x) => x.key === s.key)) list.push({ key: s.key, values: s.values, outputs: s.outputs });
    }
  }
  for (const k of kernels) k.specializations?.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function readMaybe(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function rel(cwd: string, file: string): string {
  const r = relative(cwd, file);
  return (r.startsWith('..') ? file : r).split(sep).join('/');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
