// What ptxas allocates for a kernel's generated CUDA C (`nvcc -cubin -Xptxas -v`), for
// `check --target cuda`: registers, stack frame (local memory) and spills, as ptxas reports them.
import { join } from 'node:path';
import { withNvcc } from './ptx.js';

export interface PtxasUsage {
  registers: number;
  /** Bytes of local memory per thread: local arrays ptxas keeps in memory, and spills. */
  stackBytes: number;
  spillStores: number;
  spillLoads: number;
}

/** Assembles `cuda` for `arch` and reads the entry's usage; throws with nvcc's output on failure. */
export function ptxasUsage(nvcc: string, cuda: string, entry: string, arch: string): Promise<PtxasUsage> {
  return withNvcc(
    nvcc,
    cuda,
    entry,
    arch,
    (src, dir) => ['-cubin', `-arch=${arch}`, '-Xptxas', '-v', '-o', join(dir, 'k.cubin'), src],
    async (_dir, log) => parsePtxasLog(log, entry),
  );
}

/** The lines of `log` about entry function `entry` (ptxas prints one section per function). */
export function parsePtxasLog(log: string, entry: string): PtxasUsage {
  const start = log.indexOf(`Compiling entry function '${entry}'`);
  if (start < 0) throw new Error(`ptxas reported nothing for kernel '${entry}':\n${log.trim()}`);
  const next = log.indexOf('Compiling entry function', start + 1);
  const part = log.slice(start, next < 0 ? undefined : next);
  const num = (re: RegExp): number => Number(re.exec(part)?.[1] ?? 0);
  return {
    registers: num(/Used (\d+) registers/),
    stackBytes: num(/(\d+) bytes stack frame/),
    spillStores: num(/(\d+) bytes spill stores/),
    spillLoads: num(/(\d+) bytes spill loads/),
  };
}
