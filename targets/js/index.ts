// The JS target (the cpu device and the reference semantics): short counted loops over local
// arrays unrolled, then those arrays turned into scalars (scalarize.ts); no limits.
import type { TargetBackend } from '../target.js';
import { emitJs } from './emit.js';
import { scalarizeRule } from './scalarize.js';

export const js: TargetBackend = {
  name: 'js',
  unroll: true,
  legalize: [scalarizeRule],
  emit: (ir) => emitJs(ir),
  limits: () => [],
};
