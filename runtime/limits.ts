// The launch limits every backend can honour: CUDA's (compute capability 5.0 and later), which are
// also within what WebGPU adapters offer (its defaults are lower only where kernelscript raises
// them on request). The cpu device reports exactly these; the webgpu device requests no more than
// these, so that a launch shape valid on one backend is valid on the others.
import type { DeviceLimits } from './types.js';

export const PORTABLE_LIMITS: Readonly<Omit<DeviceLimits, 'maxSharedBytes'>> = Object.freeze({
  maxThreadsPerBlock: 1024,
  maxBlockDim: [1024, 1024, 64] as [number, number, number],
  // blockIdx.x is an i32 in kernels, hence 2^31 - 1 blocks along x (CUDA's limit too).
  maxGridDim: [2 ** 31 - 1, 65535, 65535] as [number, number, number],
});
