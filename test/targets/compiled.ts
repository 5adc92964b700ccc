// A hand-built IR fixture as the CompiledKernel a device launches: the target's code and meta, the
// parameters, and a hash of the code (the devices cache modules by it).
import { createHash } from 'node:crypto';
import type { KernelIR } from '../../core/ir/types.js';
import type { CompiledKernel, Target } from '../../core/output.js';
import { emitKernel } from '../../targets/index.js';

export function compiled(ir: KernelIR, target: Target): CompiledKernel {
  const out = emitKernel(ir, target);
  return {
    target,
    name: ir.name,
    ...out,
    params: ir.params.map((p) =>
      p.kind === 'scalar' ? { name: p.name, kind: 'scalar', type: p.type } : { name: p.name, kind: 'array', type: p.elem, access: p.access },
    ),
    hash: createHash('sha256').update(out.code).digest('hex'),
  };
}
