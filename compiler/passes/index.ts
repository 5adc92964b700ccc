// The passes that run on a kernel's IR after lowering, in order. Two run inside lowering itself
// (frontend/kernels.ts): first inlining of helpers that take arrays (passes/inline.ts), then array
// access and atomic flags (passes/access.ts), inferred once there: they are part of
// a well-formed kernel (the verifier checks them after the passes) and the uniformity check needs them.
import type { DiagnosticBag } from '../../core/diagnostics/diagnostic.js';
import type { KernelIR } from '../../core/ir/types.js';
import { checkConstantIndices } from './bounds.js';
import { checkUniformity, type SourceText } from './uniformity.js';

export interface Pass {
  name: string;
  run(k: KernelIR, diags: DiagnosticBag, textOf: SourceText): KernelIR;
}

export const PASSES: readonly Pass[] = [
  {
    name: 'bounds',
    run: (k, diags) => {
      checkConstantIndices(k, diags);
      return k;
    },
  },
  {
    name: 'uniformity',
    run: (k, diags, textOf) => checkUniformity(k, diags, textOf),
  },
];
