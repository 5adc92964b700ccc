// Regression: one nvcc finder (runtime/cuda/nvcc.ts) for the runtime, the CLI's `build --ptx` and
// the tests, with one documented variable, KERNELSCRIPT_NVCC. The CLI and the tests used to read
// NVCC instead, so one machine could compile with two different nvccs; NVCC is still honoured when
// KERNELSCRIPT_NVCC is unset.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findNvcc } from '../../runtime/cuda/nvcc.js';
import { findNvcc as cliFindNvcc } from '../../cli/ptx.js';
import { NVCC } from '../helpers/nvcc.js';

const dir = mkdtempSync(join(tmpdir(), 'ks-nvcc-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fake executable `name` in a fresh folder; returns the folder. */
function fake(folder: string, name: string): string {
  const bin = join(dir, folder);
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, name), '#!/bin/sh\n', { mode: 0o755 });
  return bin;
}

describe.skipIf(process.platform === 'win32')('finding nvcc', () => {
  const a = fake('a', 'nvcc');
  const b = fake('b', 'nvcc');
  const named = fake('c', 'nvcc-12.4');
  const cuda = fake('cuda/bin', 'nvcc');

  it('is one function for the runtime, the CLI and the tests', () => {
    expect(cliFindNvcc).toBe(findNvcc);
    expect(NVCC).toBe(findNvcc() ?? 'nvcc');
  });

  it('prefers KERNELSCRIPT_NVCC, then the older NVCC, then PATH and CUDA_HOME', () => {
    const path = `/nonexistent:${a}`;
    expect(findNvcc({ PATH: path, KERNELSCRIPT_NVCC: join(b, 'nvcc'), NVCC: join(named, 'nvcc-12.4') })).toBe(join(b, 'nvcc'));
    expect(findNvcc({ PATH: path, NVCC: join(b, 'nvcc') })).toBe(join(b, 'nvcc'));
    expect(findNvcc({ PATH: path })).toBe(join(a, 'nvcc'));
    expect(findNvcc({ PATH: '/nonexistent', CUDA_HOME: join(dir, 'cuda') })).toBe(join(cuda, 'nvcc'));
  });

  it('looks a bare command name up on PATH, and keeps an explicit choice it cannot find', () => {
    expect(findNvcc({ PATH: `${a}:${named}`, KERNELSCRIPT_NVCC: 'nvcc-12.4' })).toBe(join(named, 'nvcc-12.4'));
    expect(findNvcc({ PATH: `${a}:${named}`, NVCC: 'nvcc-12.4' })).toBe(join(named, 'nvcc-12.4'));
    expect(findNvcc({ PATH: a, KERNELSCRIPT_NVCC: 'nvcc-9' })).toBeNull();
    expect(findNvcc({ PATH: a, KERNELSCRIPT_NVCC: join(dir, 'missing', 'nvcc') })).toBeNull();
  });
});
