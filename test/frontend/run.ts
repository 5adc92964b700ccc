// Compiles a kernel from source text and runs it on a device, returning every array argument's
// final contents: the front end's tests execute what they compile.
import { fileURLToPath } from 'node:url';
import { compileKernel } from '../../compiler/index.js';
import type { Target } from '../../core/output.js';
import { elementOfArray } from '../../core/elements.js';
import type { Device, DeviceArray, Dim3, LaunchArg, TypedArray } from '../../runtime/types.js';
import type { HostArg } from '../helpers/case.js';
export { relL2 } from '../helpers/compare.js';

const TARGET: Record<string, Target> = { cpu: 'js', webgpu: 'wgsl', cuda: 'cuda' };

/** Kernels compiled from inline sources resolve their imports from this test folder. */
export const INLINE_FILE = fileURLToPath(new URL('./inline-kernel.ts', import.meta.url));

function isTyped(a: HostArg): a is TypedArray {
  return elementOfArray(a) !== null;
}

export async function runSource(
  device: Device,
  src: string,
  kernel: string,
  args: HostArg[],
  grid: Dim3,
  block: Dim3,
): Promise<(TypedArray | null)[]> {
  const compiled = compileKernel(src, { target: TARGET[device.backend] ?? 'js', kernel, fileName: INLINE_FILE });
  const arrays: (DeviceArray | null)[] = args.map((a) => (isTyped(a) ? device.array(a.slice()) : null));
  try {
    const launchArgs: LaunchArg[] = args.map((a, i) => arrays[i] ?? (a as number | boolean));
    device.launchCompiled(compiled, { grid, block }, launchArgs);
    await device.synchronize();
    return await Promise.all(arrays.map((d) => (d ? d.read() : null)));
  } finally {
    for (const d of arrays) d?.dispose();
  }
}

/** Largest relative error of `out` against a float64 reference (absolute near zero). */
export function maxRelErr(out: ArrayLike<number>, ref: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < ref.length; i++) {
    const r = ref[i] as number;
    const e = Math.abs((out[i] as number) - r) / Math.max(1, Math.abs(r));
    if (!(e <= worst)) worst = e;
  }
  return worst;
}

/** Random floats in [lo, hi), never all zero. */
export function randomF32(n: number, lo = -1, hi = 1): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = Math.fround(lo + (hi - lo) * Math.random());
  a[0] ||= 0.5;
  return a;
}

export function randomI32(n: number, lo: number, hi: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = lo + Math.floor((hi - lo) * Math.random());
  a[0] ||= 7;
  return a;
}

