// The compiler's API: TypeScript source (or a kernel(...) object) in, CompiledKernel out.
// compileKernel throws KernelCompileError with every diagnostic it found; compileFile never
// throws for user errors and returns diagnostics, for the CLI and the esbuild plugin. Target
// limits (KS8xxx) concern one target only: compileKernel throws them for that target alone, and
// compileFile reports them while still returning the kernel's outputs for the other targets.
import { readFileSync } from 'node:fs';
import { DiagnosticBag, KernelCompileError, sortDiagnostics, type Diagnostic } from '../core/diagnostics/diagnostic.js';
import { findKernels, type KernelSite } from './frontend/kernels.js';
import { loadModule, recordDependencies, sourceTextOf, type ModuleInfo } from './frontend/module.js';
import { findSpecializeCalls } from './frontend/specialize-calls.js';
import type { SpecRequest } from './frontend/specialize.js';
import { canonicalKey } from '../core/specialize.js';
import { sourceDiagnostics } from './frontend/source-check.js';
import type { KernelIR, Span } from '../core/ir/types.js';
import { isKernel, type Kernel, type SpecializeValues } from '../core/kernel.js';
import type { CompiledKernel, Target } from '../core/output.js';
import { emit, kernelIR } from './pipeline.js';
import { findSiteForKernel } from './sites.js';

export { KernelCompileError, InternalCompilerError } from '../core/diagnostics/diagnostic.js';
export type { Diagnostic } from '../core/diagnostics/diagnostic.js';
export { render } from '../core/diagnostics/render.js';
export { CODES, type Code } from '../core/diagnostics/codes.js';
export { printKernel } from '../core/ir/print.js';
export { verifyKernel } from '../core/ir/verify.js';
export type { CompiledKernel, Target } from '../core/output.js';

export interface CompileOptions {
  target: Target;
  /** Which kernel of the file; optional when the file defines exactly one. */
  kernel?: string;
  /** The source's file name: diagnostics name it, and relative imports resolve from it. */
  fileName?: string;
  /**
   * A debug build: every array access bounds-checked, the first violation reported by the runtime as
   * a KernelFaultError (meta.debug holds the access sites). Cached apart from the default build.
   */
  debug?: boolean;
  /**
   * A specialization: module constants of the kernel's file replaced by these values (what
   * `k.specialize(values)` asks for; a kernel object brings its own).
   */
  specialize?: SpecializeValues;
}

const DEFAULT_FILE = 'kernel.ts';

function fail(diags: Diagnostic[]): never {
  throw new KernelCompileError(sortDiagnostics(diags), sourceTextOf);
}

function fileSpan(mod: ModuleInfo): Span {
  return { file: mod.display, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** The one kernel of `mod` named `name` (or its only kernel); throws KernelCompileError. */
function pickSite(mod: ModuleInfo, name: string | undefined): KernelSite {
  // TypeScript's errors first: a syntax error can hide or invent kernel(...) calls.
  const rejected = sourceDiagnostics(mod);
  if (rejected.length > 0) fail([...rejected]);
  const sites = findKernels(mod);
  const bag = new DiagnosticBag();
  const names = sites.map((s) => s.name);
  if (sites.length === 0) bag.report(fileSpan(mod), 'KS1008', mod.display);
  else if (name === undefined && sites.length > 1) bag.report(fileSpan(mod), 'KS1007', mod.display, names.join(', '));
  else {
    const site = name === undefined ? sites[0] : sites.find((s) => s.name === name);
    if (site) return site;
    bag.report(fileSpan(mod), 'KS1006', name ?? '', mod.display, names.join(', '));
  }
  return fail(bag.items);
}

function siteIR(site: KernelSite, spec?: SpecRequest): KernelIR {
  const r = kernelIR(site, spec);
  if (!r.ir) fail(r.diagnostics);
  return r.ir;
}

function moduleOf(source: string, fileName: string | undefined): ModuleInfo {
  return loadModule(fileName ?? DEFAULT_FILE, source);
}

/** Compiles one kernel of a source text (or a kernel(...) object) for one target. */
export function compileKernel(sourceOrKernel: string | Kernel, opts: CompileOptions): CompiledKernel {
  const site = isKernel(sourceOrKernel)
    ? findSiteForKernel(sourceOrKernel, opts.target)
    : pickSite(moduleOf(sourceOrKernel, opts.fileName), opts.kernel);
  const spec = specRequest(isKernel(sourceOrKernel) ? sourceOrKernel.specialization?.values : opts.specialize);
  return emit(site, siteIR(site, spec), opts.target, opts.debug === true, spec);
}

/** A specialization's request by its canonical key; none for no values (the kernel as written). */
function specRequest(values: SpecializeValues | undefined): SpecRequest | undefined {
  const key = values ? canonicalKey(values) : '';
  return values && key !== '' ? { key, values } : undefined;
}

/** The verified IR of one kernel of a source text; throws KernelCompileError. */
export function compileToIR(source: string, opts: { kernel?: string; fileName?: string } = {}): KernelIR {
  return siteIR(pickSite(moduleOf(source, opts.fileName), opts.kernel));
}

/** The names of the kernels a source defines, in source order. */
export function listKernels(source: string, fileName: string = DEFAULT_FILE): string[] {
  return findKernels(moduleOf(source, fileName)).map((s) => s.name);
}

/** Every kernel of a source for every target asked for; throws KernelCompileError. */
export function compileAll(
  source: string,
  opts: { targets: readonly Target[]; fileName?: string },
): Record<string, Partial<Record<Target, CompiledKernel>>> {
  const r = compileFile(opts.fileName ?? DEFAULT_FILE, source, opts.targets);
  if (r.diagnostics.length) fail(r.diagnostics);
  return Object.fromEntries(r.kernels.map((k) => [k.name, k.outputs]));
}

export interface FileKernelResult {
  name: string;
  /** The `kernel(...)` call: its span, and its character offsets in the file. */
  span: Span;
  start: number;
  end: number;
  /**
   * One per target the kernel compiled for. A kernel the front end rejects has none; a kernel
   * beyond one target's limits (KS8xxx, which name the target) lacks only that target's output.
   */
  outputs: Partial<Record<Target, CompiledKernel>>;
}

/** A `<kernel>.specialize({...})` call of the file whose values are known at build time. */
export interface FileSpecializationResult {
  /** The kernel's name and absolute file (this file or one it imports). */
  kernel: string;
  kernelFile: string;
  /** Canonical key (`TILE=32`) and values. */
  key: string;
  values: SpecializeValues;
  /** The specialize(...) call: its span, and its character offsets in this file. */
  span: Span;
  start: number;
  end: number;
  /** One per target it compiled for, as for a kernel. */
  outputs: Partial<Record<Target, CompiledKernel>>;
}

export interface FileCompileResult {
  kernels: FileKernelResult[];
  specializations: FileSpecializationResult[];
  /** Absolute paths of the files the kernels depend on, the file itself included. */
  dependencies: string[];
  diagnostics: Diagnostic[];
}

/** Compiles every kernel of a file for the given targets, returning diagnostics instead of throwing. */
export function compileFile(fileName: string, text: string, targets: readonly Target[]): FileCompileResult {
  const mod = loadModule(fileName, text);
  const deps = new Set<string>([mod.file]);
  const diagnostics: Diagnostic[] = [];
  // Reported once for the file, and then none of its kernels is lowered.
  const rejected = sourceDiagnostics(mod);
  if (rejected.length > 0) {
    const kernels = findKernels(mod).map((s) => ({ name: s.name, span: s.span, start: s.start, end: s.end, outputs: {} }));
    return { kernels, specializations: [], dependencies: [...deps], diagnostics: [...rejected] };
  }
  const seen = new Map<string, KernelSite>();
  const kernels: FileKernelResult[] = [];
  for (const site of findKernels(mod)) {
    const k: FileKernelResult = { name: site.name, span: site.span, start: site.start, end: site.end, outputs: {} };
    kernels.push(k);
    if (seen.has(site.name)) {
      const bag = new DiagnosticBag();
      bag.report(site.span, 'KS1010', site.name);
      diagnostics.push(...bag.items);
      continue;
    }
    seen.set(site.name, site);
    try {
      const r = kernelIR(site);
      for (const d of r.dependencies) deps.add(d);
      diagnostics.push(...r.diagnostics);
      // Each target on its own: a limit of one (KS8xxx) leaves the others' outputs, as compileKernel does.
      if (r.ir) for (const t of targets) emitInto(k, site, r.ir, t, diagnostics);
    } catch (e) {
      if (e instanceof KernelCompileError) diagnostics.push(...e.diagnostics);
      else throw e;
    }
  }
  const specializations = compileSpecializations(mod, targets, deps, diagnostics);
  return { kernels, specializations, dependencies: [...deps], diagnostics: sortDiagnostics(diagnostics) };
}

/** The file's specialize(...) calls with values known at build time, each compiled for `targets`. */
function compileSpecializations(mod: ModuleInfo, targets: readonly Target[], deps: Set<string>, diagnostics: Diagnostic[]): FileSpecializationResult[] {
  const bag = new DiagnosticBag();
  const { value: calls, deps: read } = recordDependencies(() => findSpecializeCalls(mod, bag));
  diagnostics.push(...bag.items);
  for (const d of read.keys()) deps.add(d);
  const out: FileSpecializationResult[] = [];
  for (const c of calls) {
    const s: FileSpecializationResult = {
      kernel: c.site.name,
      kernelFile: c.site.mod.file,
      key: c.spec.key,
      values: c.spec.values,
      span: c.span,
      start: c.start,
      end: c.end,
      outputs: {},
    };
    out.push(s);
    deps.add(c.site.mod.file);
    try {
      const r = kernelIR(c.site, c.spec);
      for (const d of r.dependencies) deps.add(d);
      diagnostics.push(...r.diagnostics);
      if (r.ir) for (const t of targets) emitInto(s, c.site, r.ir, t, diagnostics, c.spec);
    } catch (e) {
      if (e instanceof KernelCompileError) diagnostics.push(...e.diagnostics);
      else throw e;
    }
  }
  return out;
}

/** Adds the kernel's output for `target` to `k`, or what refused it to `diagnostics`. */
function emitInto(
  k: { outputs: Partial<Record<Target, CompiledKernel>> },
  site: KernelSite,
  ir: KernelIR,
  target: Target,
  diagnostics: Diagnostic[],
  spec?: SpecRequest,
): void {
  try {
    k.outputs[target] = emit(site, ir, target, false, spec);
  } catch (e) {
    if (e instanceof KernelCompileError) diagnostics.push(...e.diagnostics);
    else throw e;
  }
}

/** Reads and compiles a file from disk (CLI convenience). */
export function compileFileFromDisk(fileName: string, targets: readonly Target[]): FileCompileResult {
  return compileFile(fileName, readFileSync(fileName, 'utf8'), targets);
}
