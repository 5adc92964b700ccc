// Optional PTX assembly of generated CUDA C with nvcc, for `build --ptx`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The nvcc to use is the runtime's choice too: one finder, one environment variable
// (KERNELSCRIPT_NVCC; NVCC still honoured), documented in docs/cuda.md.
export { findNvcc } from '../runtime/cuda/nvcc.js';

/** Compiles CUDA C to PTX for `arch` (sm_XX or compute_XX); throws with nvcc's output on failure. */
export function compilePtx(nvcc: string, cuda: string, name: string, arch: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kernelscript-ptx-'));
  try {
    const src = join(dir, `${name}.cu`);
    const out = join(dir, `${name}.ptx`);
    writeFileSync(src, cuda);
    const virtualArch = arch.replace(/^sm_/, 'compute_');
    const r = spawnSync(nvcc, ['-ptx', `-arch=${virtualArch}`, '-o', out, src], { encoding: 'utf8' });
    if (r.status !== 0) {
      const why = r.error ? r.error.message : `${r.stderr}${r.stdout}`.trim();
      throw new Error(`nvcc failed on kernel '${name}' (arch ${arch}):\n${why}`);
    }
    return readFileSync(out, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
