// nvcc as a CUDA C validator (optional: slow, and only where nvcc is installed), with the flags the
// nvcc target test uses: PTX for sm_90, every warning an error.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findNvcc } from '../../runtime/cuda/nvcc.js';

const run = promisify(execFile);
const NVCC = findNvcc() ?? 'nvcc';

export interface CudaValidator {
  /** null when nvcc compiles `code` cleanly, else what it said. */
  validate(code: string): Promise<string | null>;
  dispose(): void;
}

export function hasNvcc(): boolean {
  try {
    execFileSync(NVCC, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** `strict`: every warning is an error, as the project's own nvcc test asks of generated code. */
export function openNvcc(strict = true): CudaValidator {
  const dir = mkdtempSync(join(tmpdir(), 'ks-fuzz-nvcc-'));
  let n = 0;
  return {
    async validate(code) {
      const cu = join(dir, `k${n++}.cu`);
      writeFileSync(cu, code);
      try {
        const flags = strict ? ['-Werror', 'all-warnings'] : [];
        const { stderr } = await run(NVCC, ['-arch=sm_90', '-ptx', ...flags, '-o', `${cu}.ptx`, cu], { timeout: 120_000 });
        return !strict || stderr.trim() === '' ? null : stderr.trim();
      } catch (e) {
        return ((e as { stderr?: string }).stderr ?? String(e)).trim();
      } finally {
        rmSync(cu, { force: true });
        rmSync(`${cu}.ptx`, { force: true });
      }
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
