// From a kernel's definition site to verified IR, and from IR to a CompiledKernel: the steps
// shared by every entry point (compileKernel, compileFile, the JIT). Results are cached per
// parsed file, and invalidated when a file the kernel imports from changes on disk.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DiagnosticBag, KernelCompileError, sortDiagnostics, type Diagnostic } from '../core/diagnostics/diagnostic.js';
import type { KernelIR, Span } from '../core/ir/types.js';
import { verifyKernel } from '../core/ir/verify.js';
import { lowerKernel, type KernelSite } from './frontend/kernels.js';
import { recordDependencies, sourceTextOf } from './frontend/module.js';
import { sourceDiagnostics } from './frontend/source-check.js';
import { inSpecialization, resolveOverrides, type SpecRequest } from './frontend/specialize.js';
import { withConstOverrides } from './frontend/symbols.js';
import { PASSES } from './passes/index.js';
import type { CompiledKernel, DebugSite, ParamInfo, Target } from '../core/output.js';
import { compileForTarget } from '../targets/index.js';

export interface KernelIRResult {
  ir: KernelIR | null;
  diagnostics: Diagnostic[];
  /** Absolute paths of the user files the kernel imports from (not its own file). */
  dependencies: string[];
}

interface Entry {
  result: KernelIRResult;
  deps: Map<string, string>;
  /** Per target, and per build: debug builds (bounds-checked) are cached apart from default ones. */
  outputs: Map<BuildKey, CompiledKernel>;
  /** Targets whose limits the kernel exceeds, with the diagnostics (KS8xxx) that say so. */
  refused: Map<BuildKey, Diagnostic[]>;
}

type BuildKey = Target | `${Target}+debug`;

// Per site, per specialization (entryKey; '' for the kernel as written).
const cache = new WeakMap<KernelSite, Map<string, Entry>>();

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

// Line starts of the last text quoted from: a kernel with many messages quotes one file many times.
let quoted: { text: string; starts: number[] } | null = null;

/** Line `line` (1-based) of a user file, without its line break; undefined when the text is unknown. */
function sourceLine(file: string, line: number): string | undefined {
  const text = sourceTextOf(file);
  if (text === undefined) return undefined;
  if (quoted?.text !== text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    quoted = { text, starts };
  }
  const start = quoted.starts[line - 1];
  if (start === undefined) return undefined;
  const end = quoted.starts[line] ?? text.length + 1;
  return text.slice(start, end - 1).replace(/\r$/, '');
}

/** The text a span covers, for messages that quote the source. */
export function spanText(span: Span): string | null {
  if (span.line !== span.endLine) return null;
  return sourceLine(span.file, span.line)?.slice(span.column - 1, span.endColumn - 1) ?? null;
}

/**
 * A specialization's entry key: its values, and where a build found them written (its diagnostics
 * point there, so a request from elsewhere must not reuse them).
 */
function entryKey(spec: SpecRequest | undefined): string {
  if (!spec) return '';
  const at = spec.written ? [...spec.written].map(([n, s]) => `${n}@${s.file}:${s.line}:${s.column}`).join(' ') : '';
  return `${spec.key} ${at}`;
}

function entryFor(site: KernelSite, spec?: SpecRequest): Entry {
  let perSite = cache.get(site);
  const hit = perSite?.get(entryKey(spec));
  if (hit && depsUnchanged(hit.deps)) return hit;
  const { value: result, deps } = recordDependencies(() => lowerAndCheck(site, spec));
  result.dependencies = [...deps.keys()].filter((f) => f !== site.mod.file);
  const entry: Entry = { result, deps, outputs: new Map(), refused: new Map() };
  if (!perSite) cache.set(site, (perSite = new Map()));
  perSite.set(entryKey(spec), entry);
  return entry;
}

/**
 * Lowers and checks a kernel without any cache (benchmarks measure this); with `spec`, with those
 * module constants replaced (a specialization), its diagnostics naming it.
 */
export function lowerAndCheck(site: KernelSite, spec?: SpecRequest): KernelIRResult {
  // A file TypeScript rejects is never lowered: its recovery nodes would compile to something else.
  const rejected = sourceDiagnostics(site.mod);
  if (rejected.length > 0) return { ir: null, diagnostics: [...rejected], dependencies: [] };
  const diags = new DiagnosticBag();
  const overrides = spec ? resolveOverrides(site, spec, diags) : null;
  let ir: KernelIR | null = null;
  if (!spec || overrides) {
    ir = withConstOverrides(overrides, () => {
      let lowered = lowerKernel(site, diags);
      if (lowered) for (const pass of PASSES) lowered = pass.run(lowered, diags, spanText);
      return lowered;
    });
    if (ir) {
      if (diags.hasErrors) ir = null;
      else verifyKernel(ir);
    }
  }
  // Errors first by position, as tsc lists them.
  return { ir, diagnostics: sortDiagnostics(inSpecialization(diags.items, site.name, spec)), dependencies: [] };
}

/** The verified IR of a kernel, or of one specialization of it. */
export function kernelIR(site: KernelSite, spec?: SpecRequest): KernelIRResult {
  return entryFor(site, spec).result;
}

export function paramInfo(ir: KernelIR): ParamInfo[] {
  return ir.params.map((p) =>
    p.kind === 'scalar'
      ? { name: p.name, kind: 'scalar', type: p.type }
      : { name: p.name, kind: 'array', type: p.elem, access: p.access },
  );
}

/**
 * Emits a verified kernel for one target (cached with the IR). Throws KernelCompileError when the
 * kernel exceeds that target's limits; they concern this target only, never the kernel's others.
 */
export function emit(site: KernelSite, ir: KernelIR, target: Target, debug = false, spec?: SpecRequest): CompiledKernel {
  const entry = entryFor(site, spec);
  const key: BuildKey = debug ? `${target}+debug` : target;
  const hit = entry.outputs.get(key);
  if (hit) return hit;
  const refused = entry.refused.get(key);
  if (refused) throw new KernelCompileError(refused, sourceTextOf);
  // The target's whole pass list: [unroll] → fold → [check bounds] → legalize → emit → limits (targets/index.ts).
  const { out, limits } = compileForTarget(ir, target, { debug });
  if (limits.length > 0) {
    const sorted = sortDiagnostics(inSpecialization(limits, site.name, spec));
    entry.refused.set(key, sorted);
    throw new KernelCompileError(sorted, sourceTextOf);
  }
  if (out.meta.debug) out.meta.debug.sites = out.meta.debug.sites.map(quoteSite);
  if (out.meta.debug?.syncs) out.meta.debug.syncs = out.meta.debug.syncs.map((s) => ({ ...s, ...lineOf(s) }));
  const compiled: CompiledKernel = {
    target,
    name: ir.name,
    code: out.code,
    entryPoint: out.entryPoint,
    params: paramInfo(ir),
    meta: out.meta,
    hash: createHash('sha256').update(out.code).digest('hex'),
  };
  entry.outputs.set(key, compiled);
  return compiled;
}

/**
 * A debug site with its source line (faults quote it, and the runtime reads no files) and the
 * array as the source spells it (the IR may have renamed a shadowing local).
 */
function quoteSite(s: DebugSite): DebugSite {
  const spelled = spanText(s);
  const name = spelled && /^(?:atomic\w*\(\s*)?([\p{L}_$][\p{L}\p{N}_$]*)\s*[[,]/u.exec(spelled)?.[1];
  return { ...s, array: name ?? s.array, ...lineOf(s) };
}

/** A span's source line, for code frames: `{ lineText }`, or nothing when the file's text is unknown. */
function lineOf(s: Span): { lineText?: string } {
  const lineText = sourceLine(s.file, s.line);
  return lineText === undefined ? {} : { lineText };
}
