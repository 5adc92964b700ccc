// What CUDA cannot run, diagnosed at the TypeScript source. ptxas (CUDA 13) rejects more than
// 48 KiB of static shared memory per block ("uses too much shared data (0xc004 bytes, 0xc000
// max)"), but accepts 4 GB of it (1e9 floats: the size seems to wrap); larger shared memory needs
// dynamic shared memory, which kernels do not use. ptxas accepts any local array (a 400 MB one
// becomes a 400 MB stack frame), but the CUDA C Programming Guide gives a thread at most 512 KiB
// of local memory, and on a recent NVIDIA GPU (driver 580) cuLaunchKernel runs a kernel with a 511 KiB stack
// frame and fails with CUDA_ERROR_INVALID_VALUE from 524000 bytes up (400 MB included).
import { makeDiagnostic, type Diagnostic } from '../../core/diagnostics/diagnostic.js';
import { elementBytes } from '../../core/elements.js';
import type { KernelIR } from '../../core/ir/types.js';
import { visitStmts } from '../../core/ir/walk.js';
import { sharedLimit } from '../analysis.js';
import { matrixLimits } from './matrix.js';

export const CUDA_MAX_SHARED_BYTES = 48 * 1024;
export const CUDA_MAX_LOCAL_BYTES = 511 * 1024;

export function cudaLimits(ir: KernelIR): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Every local array counts, whatever its scope: ptxas gives each its own stack slot.
  let local = 0;
  visitStmts(ir.body, (s) => {
    if (s.k !== 'localArray' || local > CUDA_MAX_LOCAL_BYTES) return;
    local += elementBytes(s.elem, s.length);
    if (local > CUDA_MAX_LOCAL_BYTES) out.push(makeDiagnostic(s.span, 'KS8002', 'cuda', local, CUDA_MAX_LOCAL_BYTES));
  });
  const shared = sharedLimit(ir, 'cuda', CUDA_MAX_SHARED_BYTES);
  if (shared) out.push(shared);
  out.push(...matrixLimits(ir));
  return out;
}
