// What `kernelscript build` writes: generated sources per kernel and target, manifest.json, and a
// typed module (index.js + index.d.ts) of precompiled kernels. Pure functions from compile
// results to file contents, so that they can be checked against golden files.
import { relative, sep } from 'node:path';
import { ELEMENTS } from '../core/elements.js';
import type { CompiledKernel, ParamInfo, Target } from '../core/output.js';

export interface BuiltKernel {
  name: string;
  /** Absolute path of the source file. */
  file: string;
  line: number;
  column: number;
  outputs: Partial<Record<Target, CompiledKernel>>;
  /** Specializations (`<kernel>.specialize({...})` calls the build found), by canonical key. */
  specializations?: BuiltSpecialization[];
}

export interface BuiltSpecialization {
  key: string;
  values: Readonly<Record<string, number>>;
  outputs: Partial<Record<Target, CompiledKernel>>;
}

export interface PtxOutput {
  code: string;
  arch: string;
  hash: string;
}

export const EXTENSIONS: Record<Target, string> = { wgsl: '.wgsl', cuda: '.cu', js: '.js' };

/**
 * Relative output file name of each generated file, keyed by kernel then target (plus 'ptx'); a
 * specialization's carries its key: `matmul.TILE=32.wgsl`.
 */
export function outputName(kernel: string, what: Target | 'ptx', key?: string): string {
  return kernel + (key ? `.${key.replaceAll(',', '.')}` : '') + (what === 'ptx' ? '.ptx' : EXTENSIONS[what]);
}

const RESERVED = new Set(['manifest.json', 'index.js', 'index.d.ts']);

/** Checks that kernel names are unique across files and do not collide with index/manifest files. */
export function nameClashes(kernels: readonly BuiltKernel[], root: string): string[] {
  const problems: string[] = [];
  const seen = new Map<string, BuiltKernel>();
  for (const k of kernels) {
    const prev = seen.get(k.name);
    if (prev) {
      problems.push(
        `kernel name '${k.name}' is defined in both ${where(prev, root)} and ${where(k, root)}; ` +
          `output files are named by kernel, so build them into different --out directories or rename one`,
      );
    }
    seen.set(k.name, k);
    for (const t of Object.keys(k.outputs) as Target[]) {
      if (RESERVED.has(outputName(k.name, t))) {
        problems.push(`kernel name '${k.name}' at ${where(k, root)} would overwrite ${outputName(k.name, t)}; rename it`);
      }
    }
  }
  return problems;
}

function where(k: BuiltKernel, root: string): string {
  return `${posix(relative(root, k.file))}:${k.line}:${k.column}`;
}

function posix(p: string): string {
  return p.split(sep).join('/');
}

export interface Manifest {
  kernelscript: string;
  targets: Target[];
  kernels: ManifestKernel[];
}

export interface ManifestKernel {
  name: string;
  source: { file: string; line: number; column: number };
  params: ParamInfo[];
  outputs: ManifestOutputs;
  ptx?: { file: string; arch: string; hash: string };
  /** The specializations built ahead of time, by canonical key. */
  specializations?: { key: string; values: Readonly<Record<string, number>>; outputs: ManifestOutputs }[];
}

type ManifestOutputs = Partial<Record<Target, { file: string; entryPoint: string; hash: string; meta: CompiledKernel['meta'] }>>;

function manifestOutputs(name: string, targets: Target[], outputs: Partial<Record<Target, CompiledKernel>>, key?: string): ManifestOutputs {
  const out: ManifestOutputs = {};
  for (const t of targets) {
    const o = outputs[t];
    if (o) out[t] = { file: outputName(name, t, key), entryPoint: o.entryPoint, hash: o.hash, meta: o.meta };
  }
  return out;
}

export function manifest(
  version: string,
  targets: Target[],
  kernels: readonly BuiltKernel[],
  root: string,
  ptx: ReadonlyMap<string, PtxOutput> = new Map(),
): Manifest {
  return {
    kernelscript: version,
    targets,
    kernels: kernels.map((k) => {
      const first = targets.map((t) => k.outputs[t]).find((o) => o !== undefined);
      const entry: ManifestKernel = {
        name: k.name,
        source: { file: posix(relative(root, k.file)), line: k.line, column: k.column },
        params: first?.params ?? [],
        outputs: manifestOutputs(k.name, targets, k.outputs),
      };
      const p = ptx.get(k.name);
      if (p) entry.ptx = { file: outputName(k.name, 'ptx'), arch: p.arch, hash: p.hash };
      if (k.specializations?.length) {
        entry.specializations = k.specializations.map((s) => ({
          key: s.key,
          values: s.values,
          outputs: manifestOutputs(k.name, targets, s.outputs, s.key),
        }));
      }
      return entry;
    }),
  };
}

/** The TypeScript signature of a kernel function, rebuilt from its parameters (arrays as their host array type). */
export function signature(params: readonly ParamInfo[]): string {
  const list = params.map((p) => `${safeName(p.name)}: ${p.kind === 'array' ? ELEMENTS[p.type].host.name : p.type}`);
  return `(${list.join(', ')}) => void`;
}

function safeName(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : '_';
}

/** Text safe inside a block comment: a path may hold `*\/` (a folder named `x*`), or line breaks. */
export function commentText(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/[\r\n\u2028\u2029]/g, ' ');
}

/** index.d.ts: each kernel typed for `device.launch`, so launch arguments are checked by tsc. */
export function typings(kernels: readonly BuiltKernel[], targets: Target[]): string {
  const imported = new Set<string>();
  const lines = kernels.map((k) => {
    const params = targets.map((t) => k.outputs[t]).find((o) => o !== undefined)?.params ?? [];
    for (const p of params) if (p.kind === 'scalar') imported.add(p.type);
    // Float16Array comes from the package: TypeScript's lib has it only from ES2025 on.
    for (const p of params) if (p.kind === 'array' && p.type === 'f16') imported.add('Float16Array');
    const from = commentText(posix(k.file.split(sep).slice(-2).join('/')));
    return `/** Kernel '${k.name}' from ${from}. */\nexport declare const ${k.name}: Kernel<${signature(params)}>;`;
  });
  const types = ['Kernel', ...[...imported].sort()].join(', ');
  return `// Generated by kernelscript build; do not edit.\nimport type { ${types} } from 'kernelscript/runtime';\n\n${lines.join('\n')}\n`;
}

/** index.js: the precompiled kernels (and their specializations, by key), importable without the compiler. */
export function module(kernels: readonly BuiltKernel[], targets: Target[]): string {
  const pick = (outputs: Partial<Record<Target, CompiledKernel>>): Partial<Record<Target, CompiledKernel>> => {
    const compiled: Partial<Record<Target, CompiledKernel>> = {};
    for (const t of targets) {
      const o = outputs[t];
      if (o) compiled[t] = o;
    }
    return compiled;
  };
  const lines = kernels.map((k) => {
    const specs = k.specializations?.length ? `, ${JSON.stringify(Object.fromEntries(k.specializations.map((s) => [s.key, pick(s.outputs)])))}` : '';
    return `export const ${k.name} = kernel(function ${k.name}() {\n  throw new Error('${k.name} runs through a device: device.launch(${k.name}, ...)');\n}, ${JSON.stringify(pick(k.outputs))}${specs});`;
  });
  return `// Generated by kernelscript build; do not edit.\nimport { kernel } from 'kernelscript/runtime';\n\n${lines.join('\n\n')}\n`;
}
