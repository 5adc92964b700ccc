// Turns a kernel object into a CompiledKernel for a device's target. Ahead-of-time outputs (from
// the CLI or the esbuild plugin) win; otherwise the compiler registered by the full 'kernelscript'
// entry compiles the kernel's own TypeScript source on first use. The runtime-only entry registers
// no compiler, so bundles built with the plugin never contain it.
import type { CompiledKernel, Target } from '../core/output.js';
import { LaunchError } from './errors.js';
import { isKernel, type Kernel } from '../core/kernel.js';

export type KernelCompiler = (k: Kernel, target: Target) => CompiledKernel;

let compiler: KernelCompiler | null = null;

export function registerCompiler(c: KernelCompiler): void {
  compiler = c;
}

export function hasCompiler(): boolean {
  return compiler !== null;
}

const cache = new WeakMap<Kernel, Map<Target, CompiledKernel>>();

export function resolveKernel(k: Kernel | CompiledKernel, target: Target): CompiledKernel {
  if (!isKernel(k)) {
    if (k.target !== target) {
      throw new LaunchError(`kernel '${k.name}' was compiled for ${k.target}, but this device runs ${target}`);
    }
    return k;
  }
  const pre = k.compiled[target];
  if (pre) return pre;
  let perKernel = cache.get(k);
  const hit = perKernel?.get(target);
  if (hit) return hit;
  if (!compiler) {
    throw new LaunchError(
      `kernel '${k.fn.name || '(anonymous)'}' has no precompiled ${target} output and no compiler is loaded: ` +
        `import from 'kernelscript' (not 'kernelscript/runtime') or build it with the CLI or esbuild plugin`,
    );
  }
  const out = compiler(k, target);
  if (!perKernel) cache.set(k, (perKernel = new Map()));
  perKernel.set(target, out);
  return out;
}
