// The WGSL target (WebGPU): unrolls, legalizes (legalize.ts), prints (emit.ts), and checks Tint's limits.
import type { TargetBackend } from '../target.js';
import { printWgsl } from './emit.js';
import { WGSL_LOWERING } from './legalize.js';
import { wgslLimits } from './limits.js';

export const wgsl: TargetBackend = { name: 'wgsl', ...WGSL_LOWERING, emit: printWgsl, limits: wgslLimits };
