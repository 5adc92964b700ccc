// Starts a WebGPU device: the adapter's own compute limits are requested (the defaults are lower),
// capped at the portable launch limits (limits.ts) so that a block or grid shape accepted here is
// accepted by the cpu and cuda devices too; and timestamp queries, shader-f16, subgroups and subgroup
// matrices when the adapter has them.
import { PORTABLE_LIMITS } from '../limits.js';
import { adapterFacts, requestAdapter } from './gpu.js';
import { WebGpuDevice } from './device.js';
import { NO_SUBGROUPS, probeWarps } from './warp-probe.js';
import { SUBGROUP_MATRIX_FEATURE, webgpuMatrixSupport } from '../matrix.js';
import { matrixConfigs } from './gpu.js';

export { WebGpuDevice } from './device.js';

const WANTED_LIMITS = [
  'maxComputeWorkgroupsPerDimension',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupSizeY',
  'maxComputeWorkgroupSizeZ',
  'maxComputeWorkgroupStorageSize',
  'maxStorageBufferBindingSize',
  'maxBufferSize',
  'maxStorageBuffersPerShaderStage',
] as const;

const [BX, BY, BZ] = PORTABLE_LIMITS.maxBlockDim;
const CAPS: Partial<Record<(typeof WANTED_LIMITS)[number], number>> = {
  maxComputeWorkgroupsPerDimension: PORTABLE_LIMITS.maxGridDim[1],
  maxComputeInvocationsPerWorkgroup: PORTABLE_LIMITS.maxThreadsPerBlock,
  maxComputeWorkgroupSizeX: BX,
  maxComputeWorkgroupSizeY: BY,
  maxComputeWorkgroupSizeZ: BZ,
};

/** What a KernelScript device asks of `adapter`: its compute limits (capped) and the optional features it has. */
export function deviceRequest(adapter: GPUAdapter): { requiredLimits: Record<string, number>; requiredFeatures: GPUFeatureName[] } {
  const requiredLimits: Record<string, number> = {};
  for (const k of WANTED_LIMITS) requiredLimits[k] = Math.min(adapter.limits[k], CAPS[k] ?? Infinity);
  // shader-f16 where the adapter offers it: kernels using f16 need it (checked per kernel at launch).
  // subgroups likewise, for warp operations: probed once here (warp-probe.ts), checked per launch.
  // Subgroup matrices likewise, for matrix operations (runtime/matrix.ts decides from the adapter's
  // configurations; the feature needs subgroups, and its f16 configurations shader-f16).
  const wanted = ['timestamp-query', 'shader-f16', 'subgroups', SUBGROUP_MATRIX_FEATURE];
  return { requiredLimits, requiredFeatures: wanted.filter((f) => adapter.features.has(f)) as GPUFeatureName[] };
}

export async function createWebGpuDevice(): Promise<WebGpuDevice> {
  const adapter = await requestAdapter();
  if (!adapter) throw new Error('no WebGPU adapter was found');
  const device = await adapter.requestDevice({ label: 'kernelscript', ...deviceRequest(adapter) });
  const warps = device.features.has('subgroups') ? await probeWarps(device, adapter.info as { subgroupMinSize?: number; subgroupMaxSize?: number }) : NO_SUBGROUPS;
  const features = new Set<string>(device.features as ReadonlySet<string>);
  const matrix = webgpuMatrixSupport(adapter.features.has(SUBGROUP_MATRIX_FEATURE), features, matrixConfigs(adapter.info));
  return new WebGpuDevice(device, adapterFacts(adapter.info).name, warps, matrix);
}
