// nvcc for the tests that check generated CUDA C: which one (the runtime's findNvcc, so
// KERNELSCRIPT_NVCC picks it as everywhere else), whether it runs here (tests that need it are
// skipped when not), and one compile in a temporary directory.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findNvcc } from '../../runtime/cuda/nvcc.js';

/** The nvcc tests run ('nvcc' when none is found, so that commands still name it). */
export const NVCC = findNvcc() ?? 'nvcc';

export const hasNvcc = ((): boolean => {
  try {
    execFileSync(NVCC, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** What every generated unit must compile with: PTX for sm_90, every warning an error. */
export const STRICT_PTX: readonly string[] = ['-arch=sm_90', '-ptx', '-Werror', 'all-warnings'];

export interface NvccResult {
  /** nvcc exited with status 0. */
  ok: boolean;
  /** What nvcc said on stderr, trimmed ('' when nothing); why it failed when it said nothing. */
  said: string;
  /** The PTX it wrote, when `flags` ask for PTX ('' otherwise). */
  ptx: string;
}

/** Compiles the CUDA C `code` as one file with `flags` (default STRICT_PTX), in a directory removed afterwards. */
export async function nvccCompile(code: string, flags: readonly string[] = STRICT_PTX): Promise<NvccResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ks-nvcc-'));
  try {
    const cu = join(dir, 'k.cu');
    const out = join(dir, 'k.out');
    writeFileSync(cu, code);
    let ok = true;
    let said: string;
    try {
      said = (await promisify(execFile)(NVCC, [...flags, '-o', out, cu])).stderr.trim();
    } catch (e) {
      ok = false;
      said = (e as { stderr?: string }).stderr?.trim() || String(e);
    }
    const ptx = flags.includes('-ptx') && existsSync(out) ? readFileSync(out, 'utf8') : '';
    return { ok, said, ptx };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The results of `jobs`, in order, running `width` at a time (each nvcc is CPU- and memory-hungry). */
export async function inParallel<T>(jobs: readonly (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array<T>(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let k = next++; k < jobs.length; k = next++) results[k] = await jobs[k]!();
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}
