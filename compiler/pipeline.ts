// From a kernel's definition site to verified IR, and from IR to a CompiledKernel: the steps
// shared by every entry point (compileKernel, compileFile, the JIT). Results are cached per
// parsed file, and invalidated when a file the kernel imports from changes on disk.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DiagnosticBag, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import type { KernelIR, Span } from './ir/types.js';
import { verifyKernel } from './ir/verify.js';
import { lowerKernel, type KernelSite } from './frontend/kernels.js';
import { recordDependencies, sourceTextOf } from './frontend/module.js';
import { PASSES } from './passes/index.js';
import type { CompiledKernel, ParamInfo, Target } from './output.js';
import { emitKernel } from '../targets/index.js';

export interface KernelIRResult {
  ir: KernelIR | null;
  diagnostics: Diagnostic[];
  /** Absolute paths of the user files the kernel imports from (not its own file). */
  dependencies: string[];
}

interface Entry {
  result: KernelIRResult;
  deps: Map<string, string>;
  outputs: Map<Target, CompiledKernel>;
}

const cache = new WeakMap<KernelSite, Entry>();

function depsUnchanged(deps: Map<string, string>): boolean {
  for (const [file, text] of deps) {
    try {
      if (readFileSync(file, 'utf8') !== text) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** The text a span covers, for messages that quote the source. */
export function spanText(span: Span): string | null {
  const text = sourceTextOf(span.file);
  if (text === undefined) return null;
  const lines = text.split('\n');
  if (span.line !== span.endLine) return null;
  return lines[span.line - 1]?.slice(span.column - 1, span.endColumn - 1) ?? null;
}

function entryFor(site: KernelSite): Entry {
  const hit = cache.get(site);
  if (hit && depsUnchanged(hit.deps)) return hit;
  const { value: result, deps } = recordDependencies(() => lowerAndCheck(site));
  result.dependencies = [...deps.keys()].filter((f) => f !== site.mod.file);
  const entry: Entry = { result, deps, outputs: new Map() };
  cache.set(site, entry);
  return entry;
}

/** Lowers and checks a kernel without any cache (benchmarks measure this). */
export function lowerAndCheck(site: KernelSite): KernelIRResult {
  const diags = new DiagnosticBag();
  let ir = lowerKernel(site, diags);
  if (ir) {
    for (const pass of PASSES) ir = pass.run(ir, diags, spanText);
    if (diags.hasErrors) ir = null;
    else verifyKernel(ir);
  }
  // Errors first by position, as tsc lists them.
  return { ir, diagnostics: sortDiagnostics(diags.items), dependencies: [] };
}

export function kernelIR(site: KernelSite): KernelIRResult {
  return entryFor(site).result;
}

export function paramInfo(ir: KernelIR): ParamInfo[] {
  return ir.params.map((p) =>
    p.kind === 'scalar'
      ? { name: p.name, kind: 'scalar', type: p.type }
      : { name: p.name, kind: 'array', type: p.elem, access: p.access },
  );
}

/** Emits a verified kernel for one target (cached with the IR). */
export function emit(site: KernelSite, ir: KernelIR, target: Target): CompiledKernel {
  const entry = entryFor(site);
  const hit = entry.outputs.get(target);
  if (hit) return hit;
  const out = emitKernel(ir, target);
  const compiled: CompiledKernel = {
    target,
    name: ir.name,
    code: out.code,
    entryPoint: out.entryPoint,
    params: paramInfo(ir),
    meta: out.meta,
    hash: createHash('sha256').update(out.code).digest('hex'),
  };
  entry.outputs.set(target, compiled);
  return compiled;
}
