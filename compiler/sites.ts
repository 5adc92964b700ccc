// Finding a kernel(...) object's definition in its source file (the no-build path): by the call
// site captured when kernel() ran, else by the function's name and parameter names.
import { readFileSync } from 'node:fs';
import type { Code } from '../core/diagnostics/codes.js';
import { DiagnosticBag, KernelCompileError } from '../core/diagnostics/diagnostic.js';
import type { Span } from '../core/ir/types.js';
import type { Target } from '../core/output.js';
import { findKernels, type KernelSite } from './frontend/kernels.js';
import { displayName, loadModule, sourceTextOf } from './frontend/module.js';
import { sourceDiagnostics } from './frontend/source-check.js';
import { describeSpec } from './frontend/specialize.js';
import type { Kernel } from '../core/kernel.js';

/** Parameter names from a function's source text (as the JS engine prints it). */
function paramNames(fn: (...args: never[]) => unknown): string[] {
  const m = /^[^(]*\(([^)]*)\)/.exec(Function.prototype.toString.call(fn));
  if (!m?.[1]) return [];
  return m[1].split(',').map((p) => p.trim().split(/[\s:=]/)[0] ?? '').filter(Boolean);
}

/** One diagnostic, thrown: what stops a kernel object from compiling before its source is read. */
function refuse(span: Span, code: Code, ...args: string[]): never {
  const bag = new DiagnosticBag();
  bag.report(span, code, ...args);
  throw new KernelCompileError(bag.items, sourceTextOf);
}

export function findSiteForKernel(k: Kernel, target: Target): KernelSite {
  const site = k.site;
  // Both reach users (a kernel built ahead of time for another target; a source file moved since),
  // so they are coded diagnostics like every other refusal, not plain errors.
  if (!site) {
    const name = k.fn.name || '(anonymous)';
    const spec = k.specialization;
    refuse({ file: '<unknown>', line: 1, column: 1, endLine: 1, endColumn: 1 }, 'KS1012', spec ? describeSpec(spec.kernel, spec.values) : name, target);
  }
  const at = { file: displayName(site.file), line: site.line, column: site.column, endLine: site.line, endColumn: site.column };
  let text: string;
  try {
    text = readFileSync(site.file, 'utf8');
  } catch (e) {
    refuse(at, 'KS1013', (e as Error).message);
  }
  const mod = loadModule(site.file, text);
  const sites = findKernels(mod);
  // A file TypeScript cannot parse has no kernels to find: say why instead.
  const rejected = sites.length === 0 ? sourceDiagnostics(mod) : [];
  if (rejected.length > 0) throw new KernelCompileError([...rejected], sourceTextOf);
  const params = paramNames(k.fn);
  const fnName = k.fn.name;
  const matches = (s: KernelSite): boolean => {
    if (!s.fn) return false;
    const names = s.fn.parameters.map((p) => p.name.getText(mod.sf));
    return names.length === params.length && names.every((n, i) => n === params[i]);
  };
  // The call site's line falls inside the kernel(...) call; prefer the innermost such call.
  const containing = sites
    .filter((s) => s.span.line <= site.line && site.line <= s.span.endLine)
    .sort((a, b) => a.span.endLine - a.span.line - (b.span.endLine - b.span.line));
  const byLine = containing.find(matches) ?? containing[0];
  if (byLine && (matches(byLine) || params.length === 0)) return byLine;
  const byShape = sites.filter((s) => matches(s) && (!fnName || s.name === fnName || fnNameOf(s) === fnName));
  const pick = byShape.length ? byShape : sites.filter(matches);
  if (pick.length) {
    return pick.reduce((a, b) => (Math.abs(a.span.line - site.line) <= Math.abs(b.span.line - site.line) ? a : b));
  }
  if (byLine) return byLine;
  return refuse({ ...at, file: mod.display }, 'KS1011', `${mod.display}:${site.line}`);
}

function fnNameOf(s: KernelSite): string | undefined {
  const fn = s.fn;
  return fn && 'name' in fn && fn.name ? fn.name.getText(s.mod.sf) : undefined;
}
