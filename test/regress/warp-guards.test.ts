// Warp operations under the guards other features add: a debug build's bounds check around a store
// whose value is a warpSum, and a console.log whose value is one while the log buffer fills up. The
// warp operation must still run in every lane (computed before the guard), so each lane's result is
// its whole warp's sum, and the faulting store is reported as a fault.
import { afterAll, describe, expect, it } from 'vitest';
import { compileKernel, createDevice, KernelFaultError } from '../../index.js';
import type { Backend, Device } from '../../runtime/types.js';
import { Rng } from '../helpers/case.js';
import { TARGET } from '../helpers/devices.js';

const FILE = '/virtual/warp-guards.ts';
const SRC = `import { kernel, threadIdx, warpSum } from 'kernelscript';
export const store = kernel(function store(x: Int32Array, out: Int32Array) {
  out[threadIdx.x] = warpSum(x[threadIdx.x]);
});
export const show = kernel(function show(x: Int32Array) {
  console.log('s=%d', warpSum(x[threadIdx.x]));
});
`;
const opened: Device[] = [];
afterAll(() => opened.forEach((d) => d.dispose()));

async function open(backend: Backend, opts: Parameters<typeof createDevice>[0]): Promise<Device | null> {
  try {
    const d = await createDevice({ backend, ...opts });
    opened.push(d);
    return d;
  } catch (e) {
    if (backend === 'webgpu' && process.env.CI) throw e;
    return null;
  }
}

/** Each lane's expected warpSum: the sum over its warp of `xs`. */
const sums = (xs: Int32Array, w: number): number[] => Array.from(xs, (_, i) => xs.slice(i - (i % w), i - (i % w) + w).reduce((a, b) => a + b, 0));

describe.each(['cpu', 'webgpu'] as Backend[])('warp operations under guards on %s', (backend) => {
  it('a debug store of a warpSum: the in-bounds lanes get their warp sums, the rest fault', async () => {
    const gpu = await open(backend, { debug: true });
    if (!gpu) return;
    const xs = new Rng().i32Array(32, -1000, 1000);
    const out = gpu.alloc(Int32Array, 20);
    gpu.launchCompiled(compileKernel(SRC, { target: TARGET[backend], kernel: 'store', fileName: FILE, debug: true }), { grid: 1, block: 32 }, [gpu.array(xs), out]);
    await expect(gpu.synchronize()).rejects.toThrow(KernelFaultError);
    expect(Array.from(await out.read())).toEqual(sums(xs, gpu.warpSize ?? 32).slice(0, 20));
  });

  it('a console.log of a warpSum with a nearly full log buffer: every printed sum is whole', async () => {
    const lines: string[] = [];
    // Room for 10 records of 8 words after the 2-word header and a spare word.
    const gpu = await open(backend, { log: (l) => lines.push(l), logBytes: 4 * (2 + 81) });
    if (!gpu) return;
    const xs = new Rng().i32Array(32, -1000, 1000);
    gpu.launchCompiled(compileKernel(SRC, { target: TARGET[backend], kernel: 'show', fileName: FILE }), { grid: 1, block: 32 }, [gpu.array(xs)]);
    await gpu.synchronize();
    const want = sums(xs, gpu.warpSize ?? 32);
    const printed = lines.filter((l) => l.includes('s='));
    expect(printed.length).toBe(10);
    for (const l of printed) {
      const lane = Number(/thread \((\d+),/.exec(l)?.[1]);
      expect(l.endsWith(`s=${want[lane]}`), l).toBe(true);
    }
  });
});
