// The JS target (the cpu device and the reference semantics): nothing to legalize, no limits.
import type { TargetBackend } from '../target.js';
import { emitJs } from './emit.js';

export const js: TargetBackend = {
  name: 'js',
  unroll: false,
  legalize: [],
  emit: (ir) => emitJs(ir),
  limits: () => [],
};
