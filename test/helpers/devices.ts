// The devices tests run on: cpu always, webgpu (Dawn; required when CI is set), cuda when present.
// Each unavailable backend carries the one-line reason it is skipped.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompiledKernel, Target } from '../../core/output.js';
import { NoDeviceError, createDevice } from '../../runtime/index.js';
import type { Backend, Device, DeviceArray, LaunchArg, TypedArray } from '../../runtime/types.js';
import type { HostArg } from './case.js';

// Dawn's Vulkan loader warns when XDG_RUNTIME_DIR is unset.
process.env.XDG_RUNTIME_DIR ??= mkdtempSync(join(tmpdir(), 'xdg-'));

/** The target each backend runs. */
export const TARGET = { cpu: 'js', webgpu: 'wgsl', cuda: 'cuda' } as const satisfies Record<Backend, Target>;

export interface DeviceSlot {
  backend: Backend;
  device: Device | null;
  /** Why `device` is null. */
  reason: string;
}

/** Opens one device per backend. Dispose them with closeDevices() in afterAll. */
export async function openDevices(backends: readonly Backend[] = ['cpu', 'webgpu', 'cuda']): Promise<DeviceSlot[]> {
  const slots: DeviceSlot[] = [];
  for (const backend of backends) {
    try {
      slots.push({ backend, device: await createDevice({ backend }), reason: '' });
    } catch (e) {
      const reason = e instanceof NoDeviceError ? (e.reasons[0]?.reason ?? e.message) : (e as Error).message;
      if (backend === 'webgpu' && process.env.CI) {
        throw new Error(`WebGPU must be available in CI, but: ${reason}`, { cause: e });
      }
      slots.push({ backend, device: null, reason });
    }
  }
  return slots;
}

export function closeDevices(slots: readonly DeviceSlot[]): void {
  for (const s of slots) s.device?.dispose();
}

/**
 * Launches `k` on `device` with blocks of 64 threads, at least `threads` in all, arrays in `args`
 * uploaded fresh; returns the final contents of the arrays at the indices `outputs`.
 */
export async function launchAndRead(device: Device, k: CompiledKernel, threads: number, args: readonly HostArg[], outputs: readonly number[]): Promise<TypedArray[]> {
  const arrays: DeviceArray[] = [];
  try {
    const launchArgs: LaunchArg[] = args.map((a) => {
      if (typeof a !== 'object') return a;
      const d = device.array(a);
      arrays.push(d);
      return d;
    });
    device.launchCompiled(k, { grid: Math.ceil(threads / 64), block: 64 }, launchArgs);
    return await Promise.all(outputs.map((i) => (launchArgs[i] as DeviceArray).read()));
  } finally {
    for (const d of arrays) d.dispose();
  }
}
