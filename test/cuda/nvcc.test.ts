// The CUDA toolchain without a GPU: finding nvcc, building PTX and cubins from a hand-written
// kernel, reporting a compile error with the kernel's name and nvcc's log, caching the result.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImageCache } from '../../runtime/cuda/cache.js';
import { CudaCompiler, findToolchains } from '../../runtime/cuda/compile.js';
import { CudaCompileError, compileWithNvcc, findNvcc, nvccArgs, nvccVersion } from '../../runtime/cuda/nvcc.js';
import { broken, saxpy } from './kernels.js';

const nvcc = findNvcc();
const dir = mkdtempSync(join(tmpdir(), 'ks-nvcc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nvcc command line', () => {
  it('builds a cubin for the real architecture or PTX for the matching virtual one', () => {
    const req = { code: '', name: 'k', arch: 'sm_90', format: 'cubin' as const };
    expect(nvccArgs(req, 'in.cu', 'out.cubin')).toEqual(expect.arrayContaining(['-cubin', '-arch=sm_90', '-o', 'out.cubin', 'in.cu']));
    expect(nvccArgs({ ...req, format: 'ptx' }, 'in.cu', 'o.ptx')).toEqual(expect.arrayContaining(['-ptx', '-arch=compute_90']));
  });

  it('honours KERNELSCRIPT_NVCC, searches PATH, and reports a missing nvcc as null', () => {
    expect(findNvcc({ KERNELSCRIPT_NVCC: join(dir, 'no-such-nvcc') })).toBeNull();
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'nvcc'), '#!/bin/sh\n', { mode: 0o755 });
    expect(findNvcc({ PATH: `/nonexistent:${bin}` })).toBe(join(bin, 'nvcc'));
    expect(findNvcc({ KERNELSCRIPT_NVCC: join(bin, 'nvcc') })).toBe(join(bin, 'nvcc'));
  });
});

describe.skipIf(!nvcc)('nvcc builds (nvcc not found on this machine)', () => {
  const path = nvcc as string;

  it('reports its version', () => {
    expect(nvccVersion(path)).toMatch(/^nvcc \d+\.\d+/);
  });

  it('compiles a hand-written kernel to PTX with its entry point', () => {
    const ptx = compileWithNvcc(path, { code: saxpy.code, name: 'saxpy', arch: 'sm_90', format: 'ptx' }).toString();
    expect(ptx).toMatch(/\.target sm_90/);
    expect(ptx).toMatch(/\.entry saxpy\(/);
    expect(ptx).toMatch(/fma\.rn\.f32|mul\.f32/);
  });

  it('compiles a hand-written kernel to a cubin (an ELF image)', () => {
    const cubin = compileWithNvcc(path, { code: saxpy.code, name: 'saxpy', arch: 'sm_90', format: 'cubin' });
    expect(cubin.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(cubin.includes(Buffer.from('saxpy'))).toBe(true);
  });

  it('names the kernel and shows the compiler log when compilation fails', () => {
    let err: unknown;
    try {
      compileWithNvcc(path, { code: broken.code, name: 'broken', arch: 'sm_90', format: 'ptx' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CudaCompileError);
    expect((err as Error).message).toMatch(/could not compile kernel 'broken'/);
    expect((err as Error).message).toMatch(/undefined_name/);
  });

  it('says so when it does not know the architecture, and builds PTX for its default one', () => {
    expect(() => compileWithNvcc(path, { code: saxpy.code, name: 'saxpy', arch: 'sm_999', format: 'cubin' })).toThrow(
      /kernel 'saxpy'[\s\S]*arch/i,
    );
    const ptx = compileWithNvcc(path, { code: saxpy.code, name: 'saxpy', arch: '', format: 'ptx' }).toString();
    expect(ptx).toMatch(/\.target sm_\d+/);
    expect(ptx).toMatch(/\.entry saxpy\(/);
  });

  it('serves the second build of the same source from the disk cache', () => {
    const { chains } = findToolchains({ ...process.env, KERNELSCRIPT_CUDA_COMPILER: 'nvcc' });
    const cache = new ImageCache(join(dir, 'cache'));
    const req = { code: saxpy.code, name: 'saxpy', arch: 'sm_90', format: 'ptx' as const };
    const first = new CudaCompiler(chains, cache).build(req);
    const second = new CudaCompiler(chains, cache).build(req);
    expect(second.equals(first)).toBe(true);
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1 });
  });
});
