// Dawn as a WGSL validator: a generated module must compile (getCompilationInfo has no errors) and
// make a compute pipeline (with blockDim overrides set) without a validation error. The pipeline is
// only built from a module that compiled, inside an error scope, so a bad shader becomes a message
// rather than an uncaptured device error; a lost device is replaced before the next check.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompiledKernel } from '../../core/output.js';
import { quietNative } from '../../runtime/webgpu/quiet.js';
import { deviceRequest } from '../../runtime/webgpu/index.js';
import { SUBGROUP_MATRIX_FEATURE, webgpuMatrixSupport } from '../../runtime/matrix.js';
import { matrixConfigs } from '../../runtime/webgpu/gpu.js';
import type { MatrixSupport } from '../../core/matrix.js';

process.env.XDG_RUNTIME_DIR ??= mkdtempSync(join(tmpdir(), 'ks-xdg-'));

export interface WgslValidator {
  /** null when Dawn accepts the kernel's module and pipeline, else what it said. */
  validate(k: Pick<CompiledKernel, 'code' | 'entryPoint' | 'meta'>): Promise<string | null>;
  /** Whether the device runs subgroup matrices (and why not): kernels using them (meta.matrix) validate only where it does. */
  readonly matrix: MatrixSupport;
  dispose(): void;
}

/** Held for the whole run: if the GPU object is collected, Dawn's instance goes with it. */
let gpu: GPU | null = null;

async function newDevice(): Promise<{ device: GPUDevice; lost: { why: string | null }; matrix: MatrixSupport; subgroupMax: number }> {
  if (!gpu) {
    const { create, globals } = (await import('webgpu')) as unknown as { create: (flags: string[]) => GPU; globals: Record<string, unknown> };
    Object.assign(globalThis, globals);
    // The runtime's toggles (runtime/webgpu/node.ts): allow_unsafe_apis offers subgroup matrices.
    gpu = create(['enable-dawn-features=allow_unsafe_apis,vulkan_enable_f16_on_nvidia']);
  }
  const g = gpu;
  // Dawn's limit notices stay off the fuzzers' output, as they do for users (runtime/webgpu/quiet.ts).
  const adapter = await quietNative(() => g.requestAdapter(), (name) => import(name));
  if (!adapter) throw new Error('Dawn found no WebGPU adapter');
  // The limits and optional features the webgpu device asks for (a pipelined SGEMM's tiles need more
  // than the default 16 KiB of workgroup storage).
  const device = await adapter.requestDevice(deviceRequest(adapter));
  const lost = { why: null as string | null };
  void device.lost.then((info) => (lost.why = info.message || info.reason || 'lost'));
  // The webgpu device's own verdict on subgroup matrices (runtime/matrix.ts).
  const matrix = webgpuMatrixSupport(adapter.features.has(SUBGROUP_MATRIX_FEATURE), new Set<string>(device.features as ReadonlySet<string>), matrixConfigs(adapter.info));
  return { device, lost, matrix, subgroupMax: subgroupMaxOf(adapter) };
}

/** The largest subgroup the adapter reports (32 where it does not say). */
const subgroupMaxOf = (adapter: GPUAdapter): number => (adapter.info as { subgroupMaxSize?: number }).subgroupMaxSize ?? 32;

/**
 * The block a kernel's pipeline is validated with. Dawn wants a matrix kernel's block x to be a
 * multiple of the largest subgroup (runtime/warp.ts launches such kernels only so).
 */
const validationBlock = (matrix: boolean, subgroupMax: number): [number, number, number] =>
  matrix ? [subgroupMax, 2, 1] : [8, 4, 2];

export async function openDawn(): Promise<WgslValidator> {
  let cur = await newDevice();
  return {
    get matrix() {
      return cur.matrix;
    },
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
      const [bx, by, bz] = validationBlock(k.meta.matrix === true, cur.subgroupMax);
      device.pushErrorScope('validation');
      device.pushErrorScope('out-of-memory');
      device.pushErrorScope('internal');
      device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: k.entryPoint, constants: { [ox]: bx, [oy]: by, [oz]: bz } } });
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
