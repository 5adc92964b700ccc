// Finds the host's WebGPU adapter: navigator.gpu in browsers (and runtimes that provide it), else
// Dawn through the Node binding (node.ts, which loads Dawn only when called).
import { nodeAdapter } from './node.js';
import { isNode } from '../env.js';
import type { SubgroupMatrixConfig } from '../matrix.js';

const OPTIONS: GPURequestAdapterOptions = { powerPreference: 'high-performance' };

/** The adapter devices are created on (the same one for the doctor), or null when there is none. */
export async function requestAdapter(): Promise<GPUAdapter | null> {
  const options = OPTIONS;
  const nav = (globalThis as { navigator?: { gpu?: GPU } }).navigator;
  if (nav?.gpu) return nav.gpu.requestAdapter(options);
  if (!isNode()) throw new Error('this environment has no WebGPU (navigator.gpu is missing)');
  return nodeAdapter(options);
}

/** What the adapter says about itself, and whether it renders in software (a CPU, not a GPU). */
export interface AdapterFacts {
  name: string;
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  software: boolean;
  /** The subgroup matrix configurations it reports (none where the feature is absent). */
  matrixConfigs: SubgroupMatrixConfig[];
}

/**
 * The adapter's subgroupMatrixConfigs (Dawn's GPUAdapterInfo extension), copied into plain objects;
 * empty where the adapter has none or does not say.
 */
export function matrixConfigs(info: GPUAdapterInfo | undefined): SubgroupMatrixConfig[] {
  const list = (info as { subgroupMatrixConfigs?: readonly SubgroupMatrixConfig[] } | undefined)?.subgroupMatrixConfigs ?? [];
  return [...list].map((c) => ({ componentType: c.componentType, resultComponentType: c.resultComponentType, M: c.M, N: c.N, K: c.K }));
}

// Software Vulkan / D3D / GL implementations, for adapters that do not say isFallbackAdapter
// (exported for bench/run.ts, which sizes its work to a software adapter by the device's name).
export const SOFTWARE = /llvmpipe|lavapipe|softpipe|swiftshader|microsoft basic render/i;

export function adapterFacts(info: GPUAdapterInfo | undefined): AdapterFacts {
  const vendor = info?.vendor ?? '';
  const architecture = info?.architecture ?? '';
  const device = info?.device ?? '';
  const description = info?.description ?? '';
  const parts = [vendor, architecture, device].filter((s) => s);
  const fallback = (info as { isFallbackAdapter?: boolean } | undefined)?.isFallbackAdapter === true;
  return {
    name: description || parts.join(' ') || 'WebGPU adapter',
    vendor,
    architecture,
    device,
    description,
    software: fallback || SOFTWARE.test(`${description} ${architecture} ${device}`),
    matrixConfigs: matrixConfigs(info),
  };
}
