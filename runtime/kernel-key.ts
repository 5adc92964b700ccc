// The key under which devices cache what they build from a compiled kernel (programs, shader
// modules, layouts, loaded CUDA modules). It is the kernel's content, not its `hash` field: that
// field is data a caller can get wrong (a stale or copied hash), and two kernels that share one
// must not share one program.
import type { CompiledKernel } from '../core/output.js';

const keys = new WeakMap<CompiledKernel, string>();

/** Everything a device builds from: target, entry point, WGSL layout and code (memoised per object). */
export function kernelKey(k: CompiledKernel): string {
  let key = keys.get(k);
  if (key === undefined) {
    const layout = k.meta.wgsl ? JSON.stringify(k.meta.wgsl) : '';
    key = `${k.target}\n${k.entryPoint}\n${layout}\n${k.code}`;
    keys.set(k, key);
  }
  return key;
}
