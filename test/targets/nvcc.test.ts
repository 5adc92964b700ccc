// Every generated CUDA C file must compile with nvcc for sm_90 without a single warning.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { units } from './sources.js';

const run = promisify(execFile);
const nvcc = process.env.NVCC ?? 'nvcc';
const hasNvcc = (() => {
  try {
    execFileSync(nvcc, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasNvcc)('nvcc compiles generated CUDA C (skipped: nvcc not found)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ks-nvcc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every fixture and case compiles to PTX with no warnings', async () => {
    const { units: list } = await units('cuda');
    const results = await Promise.all(
      list.map(async (u, k) => {
        const cu = join(dir, `k${k}.cu`);
        writeFileSync(cu, u.code);
        try {
          const { stderr } = await run(nvcc, ['-arch=sm_90', '-ptx', '-Werror', 'all-warnings', '-o', join(dir, `k${k}.ptx`), cu]);
          return stderr.trim() === '' ? null : `${u.label}: ${stderr}`;
        } catch (e) {
          return `${u.label}: ${(e as { stderr?: string }).stderr ?? String(e)}\n${u.code}`;
        }
      }),
    );
    expect(results.filter((r) => r !== null)).toEqual([]);
    expect(list.length).toBeGreaterThan(0);
  });
});
