// A kernel's specialization (`k.specialize({ TILE: 32 })`) in the front end: which module constants
// of the kernel's file it replaces, checked against what each constant is, as overrides for the
// constant evaluator (symbols.ts withConstOverrides). Only constants declared in the kernel's own
// file can be replaced: an imported constant belongs to its file and every kernel that reads it.
import type { ts } from 'ts-morph';
import type { Code } from '../../core/diagnostics/codes.js';
import type { Diagnostic, DiagnosticBag } from '../../core/diagnostics/diagnostic.js';
import type { Span } from '../../core/ir/types.js';
import type { SpecializeValues } from '../../core/kernel.js';
import type { KernelSite } from './kernels.js';
import { spanOf, type ModuleInfo } from './module.js';
import { evalConstDecl, type ConstOverrides, type ConstValue } from './symbols.js';

export interface SpecRequest {
  /** Canonical key (core/specialize.ts specializationKey). */
  key: string;
  values: SpecializeValues;
  /** Where each value is written, for a specialize(...) call found in source at build time. */
  written?: ReadonlyMap<string, Span>;
}

/** How messages name a specialization: as the source would write it. */
export function describeSpec(kernelName: string, values: SpecializeValues): string {
  const parts = Object.keys(values)
    .sort()
    .map((n) => {
      const v: unknown = values[n];
      return `${n}: ${typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v))}`;
    });
  return `${kernelName}.specialize({ ${parts.join(', ')} })`;
}

/** The file's module constants that have a numeric value: what a specialization can set. */
function numericConsts(mod: ModuleInfo): string[] {
  return [...mod.consts].filter(([, d]) => evalConstDecl(mod, d).ok).map(([n]) => n);
}

/**
 * The overrides a specialization makes, or null after reporting why it cannot (KS1020–KS1023):
 * each name a numeric constant of the kernel's file, each value a finite number, an integer for an
 * integer constant.
 */
export function resolveOverrides(site: KernelSite, spec: SpecRequest, diags: DiagnosticBag): ConstOverrides | null {
  const { mod } = site;
  const what = describeSpec(site.name, spec.values);
  const out = new Map<ts.VariableDeclaration, ConstValue>();
  let ok = true;
  for (const name of Object.keys(spec.values).sort()) {
    const value = spec.values[name] as unknown;
    const decl = mod.consts.get(name);
    const at = spec.written?.get(name) ?? (decl ? spanOf(mod, decl) : site.span);
    const fail = (code: Code, ...args: string[]): void => {
      diags.report(at, code, ...args);
      ok = false;
    };
    const r = decl && evalConstDecl(mod, decl);
    if (!decl || !r?.ok) {
      const imp = mod.imports.get(name);
      if (!decl && imp?.k === 'user') fail('KS1021', name, imp.spec, what, mod.display);
      else fail('KS1020', name, mod.display, what, numericConsts(mod).join(', ') || '(none)');
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      fail('KS1022', name, what, typeof value === 'number' ? String(value) : `a ${typeof value}`);
      continue;
    }
    if (!r.v.int && !Number.isFinite(Math.fround(value))) {
      // Beyond the f32 range a float constant would silently become Infinity in its f32 uses.
      fail('KS1022', name, what, `${value}, beyond the f32 range`);
      continue;
    }
    if (r.v.int && !Number.isInteger(value)) {
      fail('KS1023', name, String(r.v.value), what, String(value));
      continue;
    }
    out.set(decl, { value: value === 0 ? 0 : value, int: r.v.int });
  }
  return ok ? out : null;
}

/**
 * Diagnostics found while lowering or emitting a specialization, naming it: the same codes, at the
 * same places, as writing those values into the constants would give.
 */
export function inSpecialization(ds: readonly Diagnostic[], kernelName: string, spec: SpecRequest | undefined): Diagnostic[] {
  if (!spec) return [...ds];
  const note = ` (in ${describeSpec(kernelName, spec.values)})`;
  return ds.map((d) => (/^KS102\d$/.test(d.code) || d.message.endsWith(note) ? d : { ...d, message: d.message + note }));
}
