// The only file that imports the Node WebGPU binding (Dawn). Loaded with a dynamic import, and
// only when the host has no navigator.gpu, so browser bundles never reach it.
import { create, globals } from 'webgpu';

let gpu: GPU | null = null;

export function nodeGpu(): GPU {
  if (!gpu) {
    // Dawn's node binding expects the WebGPU constants (GPUBufferUsage, …) as globals.
    Object.assign(globalThis, globals);
    gpu = create([]);
  }
  return gpu;
}
