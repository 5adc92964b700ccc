// Dawn's verdict on one compiled WGSL kernel, for tests that check a kernel or two: the fuzzers'
// validator (test/fuzz/dawn.ts), opened and disposed around the one check.
import type { CompiledKernel } from '../../core/output.js';
import { openDawn } from '../fuzz/dawn.js';

/** null when Dawn accepts `k` as a module and a compute pipeline, else what it said. */
export async function validateWgsl(k: CompiledKernel): Promise<string | null> {
  const dawn = await openDawn();
  try {
    return await dawn.validate(k);
  } finally {
    dawn.dispose();
  }
}
