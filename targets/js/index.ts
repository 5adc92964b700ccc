// The JS target (the cpu device and the reference semantics): short counted loops over local
// arrays unrolled, vector accesses split into element accesses (vectors.ts), then those local
// arrays turned into scalars (scalarize.ts); no limits.
import type { TargetBackend } from '../target.js';
import { emitJs } from './emit.js';
import { scalarizeRule } from './scalarize.js';
import { scalarizeVectorsRule } from './vectors.js';
import { f16Rule } from '../f16.js';

export const js: TargetBackend = {
  name: 'js',
  unroll: true,
  legalize: [scalarizeVectorsRule, f16Rule, scalarizeRule],
  emit: (ir) => emitJs(ir),
  limits: () => [],
};
