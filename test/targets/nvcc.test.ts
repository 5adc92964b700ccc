// Every generated CUDA C file must compile with nvcc for sm_90 without a single warning.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { hasNvcc, inParallel, nvccCompile } from '../helpers/nvcc.js';
import { units, type Unit } from './sources.js';

describe.skipIf(!hasNvcc)('nvcc compiles generated CUDA C (skipped: nvcc not found)', () => {
  /** null when `u` compiles cleanly, else what nvcc said. */
  async function compile(u: Unit): Promise<string | null> {
    const { said } = await nvccCompile(u.code);
    return said === '' ? null : `${u.label}: ${said}\n${u.code}`;
  }

  it('every fixture and case compiles to PTX with no warnings', async () => {
    const list = units('cuda');
    const results = await inParallel(list.map((u) => () => compile(u)), Math.min(8, availableParallelism()));
    expect(results.filter((r) => r !== null)).toEqual([]);
    expect(results.length).toBe(list.length);
  });
});
