// Turns a kernel object into a CompiledKernel for a device's target. Ahead-of-time outputs (from
// the CLI or the esbuild plugin) win; otherwise the compiler registered by the full 'kernelscript'
// entry compiles the kernel's own TypeScript source on first use. The runtime-only entry registers
// no compiler, so bundles built with the plugin never contain it.
import type { CompiledKernel, Target } from '../core/output.js';
import { LaunchError } from './errors.js';
import { isKernel, type Kernel } from '../core/kernel.js';

/** `debug`: a bounds-checked build (compileKernel's option of that name). */
export type KernelCompiler = (k: Kernel, target: Target, debug?: boolean) => CompiledKernel;

let compiler: KernelCompiler | null = null;

export function registerCompiler(c: KernelCompiler): void {
  compiler = c;
}

export function hasCompiler(): boolean {
  return compiler !== null;
}

// Debug builds are cached apart from default ones.
const cache = new WeakMap<Kernel, Map<string, CompiledKernel>>();

/** The kernel for `target`; a bounds-checked build when `debug` (a device in debug mode). */
export function resolveKernel(k: Kernel | CompiledKernel, target: Target, debug = false): CompiledKernel {
  if (!isKernel(k)) {
    if (k.target !== target) {
      throw new LaunchError(`kernel '${k.name}' was compiled for ${k.target}, but this device runs ${target}`);
    }
    return k;
  }
  // Ahead-of-time outputs are default builds: a debug device compiles its own.
  const pre = k.compiled[target];
  if (pre && (!debug || pre.meta.debug)) return pre;
  const key = debug ? `${target}+debug` : target;
  let perKernel = cache.get(k);
  const hit = perKernel?.get(key);
  if (hit) return hit;
  if (!compiler) {
    const name = k.fn.name || '(anonymous)';
    const spec = k.specialization;
    if (spec && !pre) {
      throw new LaunchError(
        `kernel '${spec.kernel}' specialization ${spec.key} has no precompiled ${target} output and no compiler is loaded: ` +
          `list it at build time by writing ${spec.kernel}.specialize(${literal(spec.values)}) with literal values in a file ` +
          `that the CLI or the esbuild plugin compiles, or import from 'kernelscript' (not 'kernelscript/runtime')`,
      );
    }
    throw new LaunchError(
      pre
        ? `kernel '${name}' was compiled ahead of time without bounds checks, and this device is in debug mode, ` +
            `which needs the compiler to build a checked version: import from 'kernelscript' (not 'kernelscript/runtime'), ` +
            `or create the device without debug`
        : `kernel '${name}' has no precompiled ${target} output and no compiler is loaded: ` +
            `import from 'kernelscript' (not 'kernelscript/runtime') or build it with the CLI or esbuild plugin`,
    );
  }
  const out = compiler(k, target, debug);
  if (!perKernel) cache.set(k, (perKernel = new Map()));
  perKernel.set(key, out);
  return out;
}

/** Specialization values as the source writes them: `{ TILE: 32 }`. */
function literal(values: Readonly<Record<string, number>>): string {
  return `{ ${Object.entries(values).map(([n, v]) => `${n}: ${v}`).join(', ')} }`;
}
