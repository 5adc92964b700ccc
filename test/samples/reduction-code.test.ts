// What the bandwidth-bound sum (samples/lib/reduction-kernels.ts, reduceVec4) compiles to: the
// properties its speed rests on, checked on the generated code so that a compiler change that loses
// one fails here rather than only in a benchmark on a GPU. CUDA: 16-byte read-only loads
// (ld.global.nc.v4.f32, SASS LDG.E.128.CONSTANT), four of them per step of the main loop, nothing in
// local memory, and at most 32 registers, so 8 blocks of 256 threads fit an SM (2048 threads of
// 65536 registers) and VEC_BLOCKS = 1024 blocks run as one wave on GPUs of 128 SMs or more. WGSL: the
// input bound read-only as array<vec4<f32>>, one vector access per load4.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ptxasUsage } from '../../cli/ptxas.js';
import { compileKernel } from '../../compiler/index.js';
import type { Target } from '../../core/output.js';
import { hasNvcc, NVCC, nvccCompile } from '../helpers/nvcc.js';
import { ROOT } from './run-sample.js';

// Compiled from the source text, as `kernelscript build` does (samples are not type-checked with the tests).
const FILE = 'samples/lib/reduction-kernels.ts';
const SOURCE = readFileSync(join(ROOT, FILE), 'utf8');
const compile = (target: Target): ReturnType<typeof compileKernel> => compileKernel(SOURCE, { target, kernel: 'reduceVec4', fileName: FILE });
const constant = (name: string): number => Number(new RegExp(`export const ${name} = (\\d+);`).exec(SOURCE)?.[1]);
const VEC_BLOCK = constant('VEC_BLOCK');

/** The PTX lines of the loop that starts at the first label whose block holds `marker`. */
function loopOf(ptx: string, marker: RegExp): string[] {
  const lines = ptx.split('\n');
  const at = lines.findIndex((l) => marker.test(l));
  let start = at;
  while (start > 0 && !/^\$L__BB\d+_\d+:/.test(lines[start] ?? '')) start--;
  const label = (lines[start] ?? '').replace(':', '').trim();
  const end = lines.findIndex((l, i) => i > start && l.includes('bra') && l.includes(label));
  return at < 0 || start < 0 || end < 0 ? [] : lines.slice(start, end + 1);
}

const noNvcc = hasNvcc ? '' : ' (skipped: nvcc not found)';
const count = (lines: readonly string[], re: RegExp): number => lines.filter((l) => re.test(l)).length;

describe('reduceVec4 compiles to what its speed rests on', () => {
  it('launch shape: 256-thread blocks, 1024 of them at most', () => {
    expect(VEC_BLOCK).toBe(256);
    expect(constant('VEC_BLOCKS')).toBe(1024);
  });

  it.skipIf(!hasNvcc)(`cuda: 16-byte read-only loads, four per step, no local memory${noNvcc}`, async () => {
    const cuda = compile('cuda');
    const { ok, said, ptx } = await nvccCompile(cuda.code);
    expect(ok, said).toBe(true);
    const lines = ptx.split('\n');
    // The four-load step and the one-load remainder; the tail's one scalar load; nothing else reads x.
    expect(count(lines, /ld\.global\.nc\.v4\.f32/)).toBe(5);
    expect(count(lines, /ld\.global\.nc\.f32/)).toBe(1);
    expect(count(lines, /ld\.global\.(?!nc)/)).toBe(0);
    expect(count(lines, /\.local\b|ld\.local|st\.local/)).toBe(0);
    const loop = loopOf(ptx, /ld\.global\.nc\.v4\.f32/);
    expect(count(loop, /ld\.global\.nc\.v4\.f32/)).toBe(4);
    // One 64-bit multiply for the step's first address; the other three are 64-bit adds of it.
    expect(count(loop, /mul\.wide/)).toBeLessThanOrEqual(1);
    expect(count(loop, /add\.f32/)).toBe(16);
  });

  it.skipIf(!hasNvcc)(`cuda (sm_90): at most 32 registers, no spills, so 8 blocks of 256 fit an SM${noNvcc}`, async () => {
    const cuda = compile('cuda');
    const use = await ptxasUsage(NVCC, cuda.code, cuda.entryPoint, 'sm_90');
    expect(use.registers).toBeGreaterThan(0);
    expect(use.registers).toBeLessThanOrEqual(65536 / (8 * VEC_BLOCK));
    expect(use.spillStores + use.spillLoads + use.stackBytes).toBe(0);
  });

  it('wgsl: x read-only as array<vec4<f32>>, one vector access per load4, enable subgroups', () => {
    const { code } = compile('wgsl');
    expect(code).toMatch(/var<storage, read> x: array<vec4<f32>>;/);
    expect(code).toContain('enable subgroups;');
    // Whole-vector reads (`x[…]` not followed by a component index): four in the step, one in the remainder.
    expect(code.match(/= x\[[^\]]*\];/g)?.length).toBe(5);
  });
});
