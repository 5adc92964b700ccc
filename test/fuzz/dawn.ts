// Dawn as a WGSL validator: a generated module must compile (getCompilationInfo has no errors) and
// make a compute pipeline (with blockDim overrides set) without a validation error. The pipeline is
// only built from a module that compiled, inside an error scope, so a bad shader becomes a message
// rather than an uncaptured device error; a lost device is replaced before the next check.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompiledKernel } from '../../core/output.js';
import { quietNative } from '../../runtime/webgpu/quiet.js';

process.env.XDG_RUNTIME_DIR ??= mkdtempSync(join(tmpdir(), 'ks-xdg-'));

export interface WgslValidator {
  /** null when Dawn accepts the kernel's module and pipeline, else what it said. */
  validate(k: CompiledKernel): Promise<string | null>;
  dispose(): void;
}

/** Held for the whole run: if the GPU object is collected, Dawn's instance goes with it. */
let gpu: GPU | null = null;

async function newDevice(): Promise<{ device: GPUDevice; lost: { why: string | null } }> {
  if (!gpu) {
    const { create, globals } = (await import('webgpu')) as unknown as { create: (flags: string[]) => GPU; globals: Record<string, unknown> };
    Object.assign(globalThis, globals);
    gpu = create(['enable-dawn-features=vulkan_enable_f16_on_nvidia']);
  }
  const g = gpu;
  // Dawn's limit notices stay off the fuzzers' output, as they do for users (runtime/webgpu/quiet.ts).
  const adapter = await quietNative(() => g.requestAdapter(), (name) => import(name));
  if (!adapter) throw new Error('Dawn found no WebGPU adapter');
  // The optional features kernels use, where the adapter has them (as the webgpu device asks).
  const device = await adapter.requestDevice({ requiredFeatures: (['shader-f16', 'subgroups'] as const).filter((f) => adapter.features.has(f)) });
  const lost = { why: null as string | null };
  void device.lost.then((info) => (lost.why = info.message || info.reason || 'lost'));
  return { device, lost };
}

export async function openDawn(): Promise<WgslValidator> {
  let cur = await newDevice();
  return {
    async validate(k) {
      if (cur.lost.why !== null) cur = await newDevice();
      const { device } = cur;
      device.pushErrorScope('validation');
      const module = device.createShaderModule({ code: k.code });
      await device.popErrorScope();
      const info = await module.getCompilationInfo();
      const errors = info.messages.filter((m) => m.type === 'error');
      if (errors.length > 0) return `module: ${errors.map((m) => `${m.lineNum}:${m.linePos} ${m.message}`).join('\n')}`;
      const wgsl = k.meta.wgsl;
      if (!wgsl) return 'compiled kernel has no meta.wgsl';
      const [ox, oy, oz] = wgsl.blockOverrides;
      device.pushErrorScope('validation');
      device.pushErrorScope('out-of-memory');
      device.pushErrorScope('internal');
      device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: k.entryPoint, constants: { [ox]: 8, [oy]: 4, [oz]: 2 } } });
      const errs = [await device.popErrorScope(), await device.popErrorScope(), await device.popErrorScope()];
      const msg = errs.filter((e) => e !== null).map((e) => e.message).join('\n');
      if (cur.lost.why !== null) return `device lost: ${cur.lost.why}`;
      return msg ? `pipeline: ${msg}` : null;
    },
    dispose() {
      cur.device.destroy();
    },
  };
}
