// nvcc on generated CUDA C from the command line: PTX for `build --ptx`, and ptxas's resource
// report for `check --target cuda` (ptxas.ts). Both run nvcc in a scratch folder.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// The nvcc to use is the runtime's choice too: one finder, one environment variable
// (KERNELSCRIPT_NVCC; NVCC still honoured), documented in docs/cuda.md.
export { findNvcc } from '../runtime/cuda/nvcc.js';

const run = promisify(execFile);

/**
 * Writes `cuda` to `<scratch>/<name>.cu`, runs nvcc with `args(src, dir)`, and gives `collect`
 * the scratch folder and what nvcc printed; throws with nvcc's output when it fails.
 */
export async function withNvcc<T>(
  nvcc: string,
  cuda: string,
  name: string,
  arch: string,
  args: (src: string, dir: string) => string[],
  collect: (dir: string, log: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'kernelscript-nvcc-'));
  try {
    const src = join(dir, `${name}.cu`);
    await writeFile(src, cuda);
    let log: string;
    try {
      const r = await run(nvcc, args(src, dir), { encoding: 'utf8', timeout: 120_000 });
      log = `${r.stderr}${r.stdout}`;
    } catch (e) {
      const x = e as { stderr?: string; stdout?: string; message: string };
      throw new Error(`nvcc failed on kernel '${name}' (arch ${arch}):\n${`${x.stderr ?? ''}${x.stdout ?? ''}`.trim() || x.message}`);
    }
    return await collect(dir, log);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Compiles CUDA C to PTX for `arch` (sm_XX or compute_XX); throws with nvcc's output on failure. */
export function compilePtx(nvcc: string, cuda: string, name: string, arch: string): Promise<string> {
  const out = (dir: string): string => join(dir, `${name}.ptx`);
  const virtualArch = arch.replace(/^sm_/, 'compute_');
  return withNvcc(nvcc, cuda, name, arch, (src, dir) => ['-ptx', `-arch=${virtualArch}`, '-o', out(dir), src], (dir) => readFile(out(dir), 'utf8'));
}
