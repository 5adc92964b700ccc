// k.specialize(values): one kernel object per canonical key, each compiled once (on demand here,
// through the no-build path), with outputs that follow the replaced constant, run on the cpu
// against the float64 reference.
import { afterAll, describe, expect, it } from 'vitest';
import '../../index.js';
import { compileKernel } from '../../compiler/index.js';
import { compileKernelObject } from '../../compiler/jit.js';
import type { Kernel } from '../../core/kernel.js';
import type { Target } from '../../core/output.js';
import { createDevice } from '../../runtime/index.js';
import { registerCompiler } from '../../runtime/jit.js';
import { N, inputs, reference } from '../fixtures/spec-app/data.js';
import { relL2 } from '../helpers/compare.js';

// Kernel files are loaded by URL, so that they stay out of the strict tsconfig (as the cases are).
const kernels = (await import(new URL('../fixtures/spec-app/kernels.ts', import.meta.url).href)) as Record<string, Kernel>;
const { blockSum, blockSum4 } = kernels as { blockSum: Kernel; blockSum4: Kernel };

// Every compile the runtime asks for, by specialization key ('' for the kernel as written).
const compiles: string[] = [];
registerCompiler((k: Kernel, target: Target, debug?: boolean) => {
  compiles.push(`${k.specialization?.key ?? ''}/${target}`);
  return compileKernelObject(k, target, debug);
});
afterAll(() => registerCompiler(compileKernelObject));

const gpu = await createDevice({ backend: 'cpu' });
afterAll(() => gpu.dispose());

async function run(k: Kernel, tile: number, x: Float32Array): Promise<Float32Array> {
  const dx = gpu.array(x);
  const out = gpu.alloc(Float32Array, Math.ceil(N / tile));
  try {
    gpu.launch(k, { grid: Math.ceil(N / tile), block: tile }, dx, out, N);
    return await out.read();
  } finally {
    dx.dispose();
    out.dispose();
  }
}

describe('k.specialize()', () => {
  it('gives one object per set of values, whatever their order, and the kernel itself for none', () => {
    const a = blockSum.specialize({ TILE: 8 });
    expect(blockSum.specialize({ TILE: 8 })).toBe(a);
    expect(a).not.toBe(blockSum);
    expect(a.specialization).toEqual({ kernel: 'blockSum', key: 'TILE=8', values: { TILE: 8 } });
    expect(blockSum.specialize({})).toBe(blockSum);
    expect(blockSum.specialize({ TILE: -0 }).specialization?.key).toBe('TILE=0');
    // Specializing a specialization merges the values, on the kernel as written.
    const two = blockSum.specialize({ TILE: 8, Z: 1 });
    expect(blockSum.specialize({ Z: 1, TILE: 8 })).toBe(two);
    expect(two.specialization?.key).toBe('TILE=8,Z=1');
    expect(a.specialize({ Z: 1 })).toBe(two);
    expect(a.specialize({ TILE: 4 })).toBe(blockSum4);
    expect(a.fn).toBe(blockSum.fn);
    expect(a.site).toEqual(blockSum.site);
  });

  it('refuses values no constant can take, naming the kernel and the constant', () => {
    const bad = (v: unknown): (() => unknown) => () => blockSum.specialize(v as Record<string, number>);
    expect(bad({ TILE: '8' })).toThrow(/^blockSum\.specialize\(\): the value of 'TILE' must be a finite number, got string$/);
    expect(bad({ TILE: NaN })).toThrow(/'TILE' must be a finite number, got NaN/);
    expect(bad({ TILE: Infinity })).toThrow(/'TILE' must be a finite number, got Infinity/);
    expect(bad({ 'A=B': 1 })).toThrow(/'A=B' cannot name a module constant/);
    expect(bad(null)).toThrow(TypeError);
  });

  it('compiles each specialization once per target, on its first launch, and runs it with its tile size', async () => {
    const x = inputs((Math.random() * 2 ** 32) >>> 0);
    compiles.length = 0;
    const k8 = blockSum.specialize({ TILE: 8 });
    for (const [k, tile] of [[blockSum, 16], [k8, 8], [blockSum.specialize({ TILE: 8 }), 8], [blockSum4, 4], [k8, 8], [blockSum4, 4]] as const) {
      expect(relL2(await run(k, tile, x), reference(x, tile)), `TILE ${tile}`).toBeLessThan(1e-5);
    }
    expect(compiles.sort()).toEqual(['/js', 'TILE=4/js', 'TILE=8/js']);
  });

  it('replaces the constant and what is derived from it (shared length, loop bound, SCALE = TILE * 2)', () => {
    const wgsl = (k: Kernel): string => compileKernel(k, { target: 'wgsl' }).code;
    const w16 = wgsl(blockSum);
    for (const part of ['array<f32, 16>', 'j < 16i', '* 16i', 's * 32.0f']) expect(w16).toContain(part);
    const w8 = wgsl(blockSum.specialize({ TILE: 8 }));
    for (const part of ['array<f32, 8>', 'j < 8i', '* 8i', 's * 16.0f']) expect(w8).toContain(part);
    expect(w8).not.toMatch(/\b32\b/);
    // The same specialization compiles once: the pipeline's cache returns the same output.
    const spec = blockSum.specialize({ TILE: 8 });
    expect(compileKernel(spec, { target: 'cuda' })).toBe(compileKernel(spec, { target: 'cuda' }));
    expect(compileKernel(spec, { target: 'cuda' }).code).not.toBe(compileKernel(blockSum, { target: 'cuda' }).code);
  });
});
