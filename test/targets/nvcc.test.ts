// Every generated CUDA C file must compile with nvcc for sm_90 without a single warning.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { units, type Unit } from './sources.js';

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

  /** null when `u` compiles cleanly, else what nvcc said. */
  async function compile(u: Unit, k: number): Promise<string | null> {
    const cu = join(dir, `k${k}.cu`);
    writeFileSync(cu, u.code);
    try {
      const { stderr } = await run(nvcc, ['-arch=sm_90', '-ptx', '-Werror', 'all-warnings', '-o', join(dir, `k${k}.ptx`), cu]);
      return stderr.trim() === '' ? null : `${u.label}: ${stderr}`;
    } catch (e) {
      return `${u.label}: ${(e as { stderr?: string }).stderr ?? String(e)}\n${u.code}`;
    }
  }

  it('every fixture and case compiles to PTX with no warnings', async () => {
    const list = units('cuda');
    const jobs = list.map((u, k) => () => compile(u, k));
    const results: (string | null)[] = [];
    // A few compilers at a time: each nvcc is CPU- and memory-hungry.
    const worker = async (): Promise<void> => {
      for (let job = jobs.shift(); job; job = jobs.shift()) results.push(await job());
    };
    await Promise.all(Array.from({ length: Math.min(8, availableParallelism()) }, worker));
    expect(results.filter((r) => r !== null)).toEqual([]);
    expect(results.length).toBe(list.length);
  });
});
