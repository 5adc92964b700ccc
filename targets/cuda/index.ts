// The CUDA C target. No unrolling in the IR: nvcc unrolls loops itself, and the printer marks the
// counted loops it should unroll fully with `#pragma unroll` (pragma-unroll.ts).
import type { TargetBackend } from '../target.js';
import { emitCuda } from './emit.js';
import { CUDA_LEGALIZE } from './legalize.js';
import { cudaLimits } from './limits.js';

export const cuda: TargetBackend = {
  name: 'cuda',
  unroll: false,
  legalize: CUDA_LEGALIZE,
  emit: emitCuda,
  limits: (ir) => cudaLimits(ir),
};
