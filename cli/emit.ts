// What `kernelscript build` writes: generated sources per kernel and target, manifest.json, and a
// typed module (index.js + index.d.ts) of precompiled kernels. Pure functions from compile
// results to file contents, so that they can be checked against golden files.
import { relative, sep } from 'node:path';
import { ELEMENTS } from '../core/elements.js';
import type { ScalarType } from '../core/ir/types.js';
import type { CompiledKernel, ParamInfo, Target } from '../core/output.js';

export interface BuiltKernel {
  name: string;
  /** Absolute path of the source file. */
  file: string;
  line: number;
  column: number;
  outputs: Partial<Record<Target, CompiledKernel>>;
}

export interface PtxOutput {
  code: string;
  arch: string;
  hash: string;
}

export const EXTENSIONS: Record<Target, string> = { wgsl: '.wgsl', cuda: '.cu', js: '.js' };

/** Relative output file name of each generated file, keyed by kernel then target (plus 'ptx'). */
export function outputName(kernel: string, what: Target | 'ptx'): string {
  return kernel + (what === 'ptx' ? '.ptx' : EXTENSIONS[what]);
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
  outputs: Partial<Record<Target, { file: string; entryPoint: string; hash: string; meta: CompiledKernel['meta'] }>>;
  ptx?: { file: string; arch: string; hash: string };
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
        outputs: {},
      };
      for (const t of targets) {
        const o = k.outputs[t];
        if (o) entry.outputs[t] = { file: outputName(k.name, t), entryPoint: o.entryPoint, hash: o.hash, meta: o.meta };
      }
      const p = ptx.get(k.name);
      if (p) entry.ptx = { file: outputName(k.name, 'ptx'), arch: p.arch, hash: p.hash };
      return entry;
    }),
  };
}

/** The host array type of an array parameter; its type is always an element type (never bool). */
function arrayType(type: ScalarType): string {
  return type === 'bool' ? ELEMENTS.u32.host.name : ELEMENTS[type].host.name;
}

/** The TypeScript signature of a kernel function, rebuilt from its parameters. */
export function signature(params: readonly ParamInfo[]): string {
  const list = params.map((p) => `${safeName(p.name)}: ${p.kind === 'array' ? arrayType(p.type) : p.type}`);
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
  const scalars = new Set<string>();
  const lines = kernels.map((k) => {
    const params = targets.map((t) => k.outputs[t]).find((o) => o !== undefined)?.params ?? [];
    for (const p of params) if (p.kind === 'scalar') scalars.add(p.type);
    const from = commentText(posix(k.file.split(sep).slice(-2).join('/')));
    return `/** Kernel '${k.name}' from ${from}. */\nexport declare const ${k.name}: Kernel<${signature(params)}>;`;
  });
  const types = ['Kernel', ...[...scalars].sort()].join(', ');
  return `// Generated by kernelscript build; do not edit.\nimport type { ${types} } from 'kernelscript/runtime';\n\n${lines.join('\n')}\n`;
}

/** index.js: the precompiled kernels, importable without the compiler. */
export function module(kernels: readonly BuiltKernel[], targets: Target[]): string {
  const lines = kernels.map((k) => {
    const compiled: Partial<Record<Target, CompiledKernel>> = {};
    for (const t of targets) {
      const o = k.outputs[t];
      if (o) compiled[t] = o;
    }
    return `export const ${k.name} = kernel(function ${k.name}() {\n  throw new Error('${k.name} runs through a device: device.launch(${k.name}, ...)');\n}, ${JSON.stringify(compiled)});`;
  });
  return `// Generated by kernelscript build; do not edit.\nimport { kernel } from 'kernelscript/runtime';\n\n${lines.join('\n\n')}\n`;
}
