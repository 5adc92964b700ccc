// The passes that run on a kernel's IR after lowering, in order. Lowering already infers array
// access (passes/access.ts), which the uniformity check needs.
import type { DiagnosticBag } from '../../core/diagnostics/diagnostic.js';
import type { KernelIR } from '../../core/ir/types.js';
import { inferAccess } from './access.js';
import { checkConstantIndices } from './bounds.js';
import { checkUniformity, type SourceText } from './uniformity.js';

export interface Pass {
  name: string;
  run(k: KernelIR, diags: DiagnosticBag, textOf: SourceText): KernelIR;
}

export const PASSES: readonly Pass[] = [
  { name: 'access', run: (k) => inferAccess(k) },
  {
    name: 'bounds',
    run: (k, diags) => {
      checkConstantIndices(k, diags);
      return k;
    },
  },
  {
    name: 'uniformity',
    run: (k, diags, textOf) => {
      checkUniformity(k, diags, textOf);
      return k;
    },
  },
];
