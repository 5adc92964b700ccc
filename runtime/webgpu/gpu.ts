// Finds the host's WebGPU entry point: navigator.gpu in browsers (and runtimes that provide it),
// else Dawn through the Node binding.

// Computed specifiers keep bundlers from following Node-only modules into browser bundles.
const NODE_BINDING = './node.js';
const NODE_PACKAGE = 'webgpu';

interface DawnPackage {
  create(options: string[]): GPU;
  globals: object;
}

export async function findGpu(): Promise<GPU> {
  const nav = (globalThis as { navigator?: { gpu?: GPU } }).navigator;
  if (nav?.gpu) return nav.gpu;
  const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
  if (!isNode) throw new Error('this environment has no WebGPU (navigator.gpu is missing)');
  try {
    const mod = (await import(/* @vite-ignore */ NODE_BINDING)) as { nodeGpu(): GPU };
    return mod.nodeGpu();
  } catch {
    // Inside an application bundle node.js is not beside this file; load the package directly.
  }
  try {
    const dawn = (await import(/* @vite-ignore */ NODE_PACKAGE)) as DawnPackage;
    Object.assign(globalThis, dawn.globals);
    return dawn.create([]);
  } catch (e) {
    throw new Error(`the 'webgpu' package (Dawn for Node) failed to load: ${(e as Error).message}`, { cause: e });
  }
}
