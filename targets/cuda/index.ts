// The CUDA C target. No unrolling: nvcc unrolls such loops itself, and the output stays as it was.
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
