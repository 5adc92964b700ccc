// Optional PTX assembly of generated CUDA C with nvcc, for `build --ptx`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The nvcc to use: $NVCC, else the first on PATH or in the usual install places; null if none. */
export function findNvcc(): string | null {
  const candidates = [process.env.NVCC, 'nvcc', '/usr/local/cuda/bin/nvcc', '/usr/local/bin/nvcc'];
  for (const c of candidates) {
    if (!c) continue;
    const r = spawnSync(c, ['--version'], { encoding: 'utf8' });
    if (r.status === 0) return c;
  }
  return null;
}

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
