// Every generated WGSL module must pass Dawn's validation: shader module and compute pipeline
// (with the blockDim overrides set), on whatever adapter Dawn finds (a software one will do).
// Kernels with matrix operations need an adapter with subgroup matrices (runtime/matrix.ts): where
// Dawn's has none, they are skipped with the reason.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { units, type Unit } from './sources.js';
import { MATRIX_FIXTURES } from './matrix-fixtures.js';
import { emitKernel } from '../../targets/index.js';
import { quietNative } from '../../runtime/webgpu/quiet.js';
import { matrixConfigs } from '../../runtime/webgpu/gpu.js';
import { SUBGROUP_MATRIX_FEATURE, webgpuMatrixSupport } from '../../runtime/matrix.js';
import type { MatrixSupport } from '../../core/matrix.js';
import { subgroupMaxOf, validationBlock } from '../fuzz/dawn.js';

process.env.XDG_RUNTIME_DIR ??= mkdtempSync(join(tmpdir(), 'ks-xdg-'));

/** Held for the whole run: if the GPU object is collected, Dawn's instance goes with it. */
let gpu: GPU | null = null;

/** The device validating matrix kernels, whether it can, and the adapter's largest subgroup (their block.x). */
interface Validator {
  device: GPUDevice;
  matrix: MatrixSupport;
  subgroupMax: number;
}

async function gpuDevice(): Promise<Validator> {
  const { create, globals } = (await import('webgpu')) as unknown as {
    create: (flags: string[]) => GPU;
    globals: Record<string, unknown>;
  };
  Object.assign(globalThis, globals);
  // The runtime's toggles (runtime/webgpu/node.ts): allow_unsafe_apis offers subgroup matrices.
  gpu = create(['enable-dawn-features=allow_unsafe_apis,vulkan_enable_f16_on_nvidia']);
  const g = gpu;
  // Dawn's limit notices stay off the test output, as they do for users (runtime/webgpu/quiet.ts).
  const adapter = await quietNative(() => g.requestAdapter(), (name) => import(name));
  if (!adapter) throw new Error('Dawn found no WebGPU adapter');
  // The optional features kernels use, where the adapter has them (as the webgpu device asks).
  const wanted = ['shader-f16', 'subgroups', SUBGROUP_MATRIX_FEATURE].filter((f) => adapter.features.has(f));
  const device = await adapter.requestDevice({ requiredFeatures: wanted as GPUFeatureName[] });
  const matrix = webgpuMatrixSupport(adapter.features.has(SUBGROUP_MATRIX_FEATURE), new Set<string>(device.features as ReadonlySet<string>), matrixConfigs(adapter.info));
  return { device, matrix, subgroupMax: subgroupMaxOf(adapter) };
}

async function validate({ device, subgroupMax }: Validator, u: Unit): Promise<string | null> {
  const module = device.createShaderModule({ code: u.code });
  const info = await module.getCompilationInfo();
  const errors = info.messages.filter((m) => m.type === 'error');
  if (errors.length > 0) return `${u.label}: ${errors.map((m) => `${m.lineNum}:${m.linePos} ${m.message}`).join('\n')}\n${u.code}`;
  const [ox, oy, oz] = u.meta.wgsl!.blockOverrides;
  const [bx, by, bz] = validationBlock(u.meta.matrix === true, subgroupMax);
  device.pushErrorScope('validation');
  device.createComputePipeline({
    layout: 'auto',
    compute: { module, entryPoint: u.entryPoint, constants: { [ox]: bx, [oy]: by, [oz]: bz } },
  });
  const err = await device.popErrorScope();
  return err ? `${u.label}: pipeline: ${err.message}` : null;
}

const validator = await gpuDevice();
afterAll(() => validator.device.destroy());

describe('Dawn accepts generated WGSL', () => {
  it('every fixture and case validates as a module and a compute pipeline', async () => {
    const list = units('wgsl').filter((u) => !u.meta.matrix);
    const failures: string[] = [];
    for (const u of list) {
      const f = await validate(validator, u);
      if (f) failures.push(f);
    }
    expect(failures).toEqual([]);
    expect(list.length).toBeGreaterThan(0);
  });

  const matrix = validator.matrix;
  const title = 'every fixture and case with matrix operations validates as a module and a compute pipeline';
  if (!matrix.ok) it.skip(`${title} (skipped: Dawn's adapter cannot run them: ${matrix.reason})`, () => undefined);
  else {
    it(title, async () => {
      const fixtures = MATRIX_FIXTURES.map((fx): Unit => ({ label: `matrix fixture ${fx.ir.name}`, ...emitKernel(fx.ir, 'wgsl') }));
      const list = [...fixtures, ...units('wgsl').filter((u) => u.meta.matrix)];
      const failures: string[] = [];
      for (const u of list) {
        const f = await validate(validator, u);
        if (f) failures.push(f);
      }
      expect(failures).toEqual([]);
      expect(list.length).toBeGreaterThan(fixtures.length);
    });
  }
});
