// What ptxas allocates for a kernel's generated CUDA C (`nvcc -cubin -Xptxas -v`), for
// `check --target cuda`: registers, stack frame (local memory) and spills, as ptxas reports them.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PtxasUsage {
  registers: number;
  /** Bytes of local memory per thread: local arrays ptxas keeps in memory, and spills. */
  stackBytes: number;
  spillStores: number;
  spillLoads: number;
}

/** Assembles `cuda` for `arch` and reads the entry's usage; throws with nvcc's output on failure. */
export async function ptxasUsage(nvcc: string, cuda: string, entry: string, arch: string): Promise<PtxasUsage> {
  const dir = await mkdtemp(join(tmpdir(), 'kernelscript-ptxas-'));
  try {
    const src = join(dir, 'k.cu');
    await writeFile(src, cuda);
    const args = ['-cubin', `-arch=${arch}`, '-Xptxas', '-v', '-o', join(dir, 'k.cubin'), src];
    let log: string;
    try {
      const r = await run(nvcc, args, { encoding: 'utf8', timeout: 120_000 });
      log = `${r.stderr}${r.stdout}`;
    } catch (e) {
      const x = e as { stderr?: string; stdout?: string; message: string };
      throw new Error(`nvcc failed on kernel '${entry}' (arch ${arch}):\n${`${x.stderr ?? ''}${x.stdout ?? ''}`.trim() || x.message}`);
    }
    return parsePtxasLog(log, entry);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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
