// Every generated WGSL module must pass Dawn's validation: shader module and compute pipeline
// (with the blockDim overrides set), on whatever adapter Dawn finds (a software one will do).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { units, type Unit } from './sources.js';
import { quietNative } from '../../runtime/webgpu/quiet.js';

process.env.XDG_RUNTIME_DIR ??= mkdtempSync(join(tmpdir(), 'ks-xdg-'));

/** Held for the whole run: if the GPU object is collected, Dawn's instance goes with it. */
let gpu: GPU | null = null;

async function gpuDevice(): Promise<GPUDevice> {
  const { create, globals } = (await import('webgpu')) as unknown as {
    create: (flags: string[]) => GPU;
    globals: Record<string, unknown>;
  };
  Object.assign(globalThis, globals);
  gpu = create(['enable-dawn-features=vulkan_enable_f16_on_nvidia']);
  const g = gpu;
  // Dawn's limit notices stay off the test output, as they do for users (runtime/webgpu/quiet.ts).
  const adapter = await quietNative(() => g.requestAdapter(), (name) => import(name));
  if (!adapter) throw new Error('Dawn found no WebGPU adapter');
  // The optional features kernels use, where the adapter has them (as the webgpu device asks).
  return adapter.requestDevice({ requiredFeatures: (['shader-f16', 'subgroups'] as const).filter((f) => adapter.features.has(f)) });
}

async function validate(device: GPUDevice, u: Unit): Promise<string | null> {
  const module = device.createShaderModule({ code: u.code });
  const info = await module.getCompilationInfo();
  const errors = info.messages.filter((m) => m.type === 'error');
  if (errors.length > 0) return `${u.label}: ${errors.map((m) => `${m.lineNum}:${m.linePos} ${m.message}`).join('\n')}\n${u.code}`;
  const [ox, oy, oz] = u.meta.wgsl!.blockOverrides;
  device.pushErrorScope('validation');
  device.createComputePipeline({
    layout: 'auto',
    compute: { module, entryPoint: u.entryPoint, constants: { [ox]: 8, [oy]: 4, [oz]: 2 } },
  });
  const err = await device.popErrorScope();
  return err ? `${u.label}: pipeline: ${err.message}` : null;
}

describe('Dawn accepts generated WGSL', () => {
  it('every fixture and case validates as a module and a compute pipeline', async () => {
    const device = await gpuDevice();
    try {
      const list = units('wgsl');
      const failures: string[] = [];
      for (const u of list) {
        const f = await validate(device, u);
        if (f) failures.push(f);
      }
      expect(failures).toEqual([]);
      expect(list.length).toBeGreaterThan(0);
    } finally {
      device.destroy();
    }
  });
});
