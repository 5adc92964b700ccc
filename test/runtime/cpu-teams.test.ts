// One block run by several cpu threads at once (targets/js/team.ts, runtime/cpu/pool.ts): a launch
// of fewer blocks than threads gives the bits one thread gives, for barrier kernels of every loop
// form (plain, guarded, jammed, 2-D blocks, per-thread values and bools across barriers, dynamic
// shared memory) on fresh random inputs, checked against float64 too; a member that fails ends the
// launch with its own error, not a hang, and the pool runs the next launch;
// kernels a team cannot run (atomics) keep the single-thread code. (A barrier under a condition
// that reads memory, which members could see differently, is refused by the front end, KS5001.)
import * as wt from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { blockDim, blockIdx, f32, gridDim, i32, kernel, sharedArray, syncthreads, threadIdx } from '../../index.js';
import type { CpuDevice } from '../../runtime/cpu/index.js';
import { CpuPool, type JsKernel } from '../../runtime/cpu/pool.js';
import { compileToIR, listKernels } from '../../compiler/index.js';
import { emitKernel } from '../../targets/index.js';
import { Rng } from '../helpers/case.js';
import { cpuWith } from '../helpers/cpu.js';
import { ROOT } from '../samples/run-sample.js';

// Kernel files type-check under tsconfig.kernels.json: loaded by path, as the sample tests do.
type AnyKernel = Parameters<CpuDevice['launch']>[0];
const { softmaxStep } = (await import(`${ROOT}samples/lib/softmax-kernels.ts`)) as { softmaxStep: AnyKernel };
const { matmulTiled8 } = (await import(`${ROOT}test/cases/matmul-tiled.ts`)) as { matmulTiled8: AnyKernel };

const N = 4;


const one = await cpuWith(1);
const team = await cpuWith(N);
afterAll(() => [one, team].forEach((d) => d.dispose()));

/** Per block: a weighted sum over its grid-stride slice, a tree in shared memory, and a flag across a barrier. */
export const blockStats = kernel(function blockStats(x: Float32Array, out: Float32Array, n: i32, reps: i32) {
  const s = sharedArray(Float32Array, blockDim.x);
  const t = threadIdx.x;
  let acc: f32 = 0;
  for (let r = 0; r < reps; r++) {
    for (let i = blockIdx.x * blockDim.x + t; i < n; i += blockDim.x * gridDim.x) acc += x[i]! * f32(r + 1);
  }
  const positive = acc > 0;
  s[t] = acc;
  syncthreads();
  for (let h = blockDim.x / 2; h > 0; h >>= 1) {
    if (t < h) s[t]! += s[t + h]!;
    syncthreads();
  }
  out[blockIdx.x * blockDim.x + t] = s[0]! + (positive ? 1 : 0);
});

const bits = (a: Float32Array): number[] => [...new Uint32Array(a.buffer, a.byteOffset, a.length)];

/** Runs `launch` on both devices until the team device ran it as a team, and returns both results. */
async function both(launch: (gpu: CpuDevice) => Promise<Float32Array>): Promise<[Float32Array, Float32Array]> {
  const want = await launch(one);
  const before = team.launcher.teamLaunches;
  // The first launch of a kernel runs in the calling thread and is timed; the next go to the pool.
  let got = await launch(team);
  for (let r = 0; r < 3 && team.launcher.teamLaunches === before; r++) got = await launch(team);
  expect(team.launcher.teamLaunches).toBeGreaterThan(before);
  return [want, got];
}

describe('cpu teams', () => {
  it('a tree reduction with a flag across barriers: the bits of one thread, and the float64 sums', async () => {
    const rng = new Rng();
    const n = 200_000;
    const reps = 6;
    const host = rng.f32Array(n, -1, 1);
    for (const block of [256, 64]) {
      const grid = 3;
      const [want, got] = await both(async (gpu) => {
        const x = gpu.array(host);
        const out = gpu.alloc(Float32Array, grid * block);
        gpu.launch(blockStats, { grid, block }, x, out, n, reps);
        const r = await out.read();
        x.dispose();
        out.dispose();
        return r;
      });
      expect(bits(got), `block ${block} (seed ${rng.seed})`).toEqual(bits(want));
      // Thread t of block b sums every element i with ⌊i / block⌋ mod grid = b and i mod block = t,
      // times 1 + 2 + … + 6; every thread gets the block's sum plus its own flag.
      for (let b = 0; b < grid; b++) {
        const own = new Float64Array(block);
        for (let i = 0; i < n; i++) if (Math.floor(i / block) % grid === b) own[i % block]! += (host[i] ?? 0) * 21;
        const sum = own.reduce((p, v) => p + v, 0);
        for (let t = 0; t < block; t++) {
          const v = (got[b * block + t] ?? NaN) - ((own[t] ?? 0) > 0 ? 1 : 0);
          expect(Math.abs(v - sum), `block ${b}, thread ${t} of ${block}`).toBeLessThan(1e-3 * Math.max(1, Math.abs(sum)));
        }
      }
    }
  });

  it('a tiled matmul on 8×8 blocks (its inner loop jammed): the bits of one thread', async () => {
    const rng = new Rng();
    const [m, n, k] = [8, 24, 4096];
    const a = rng.f32Array(m * k);
    const b = rng.f32Array(k * n);
    const [want, got] = await both(async (gpu) => {
      const [da, db] = [gpu.array(a), gpu.array(b)];
      const c = gpu.alloc(Float32Array, m * n);
      gpu.launch(matmulTiled8, { grid: [3, 1], block: [8, 8] }, da, db, c, m, n, k);
      const r = await c.read();
      for (const d of [da, db, c]) d.dispose();
      return r;
    });
    expect(bits(got), `seed ${rng.seed}`).toEqual(bits(want));
    let err = 0;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += (a[i * k + p] ?? 0) * (b[p * n + j] ?? 0);
        err = Math.max(err, Math.abs((got[i * n + j] ?? NaN) - s));
      }
    }
    expect(err).toBeLessThan(1e-2);
  });

  it("the MNIST sample's softmaxStep on three blocks: the bits of one thread", async () => {
    const rng = new Rng();
    const [rows, d, k] = [2000, 784, 10];
    const x = rng.f32Array(rows * d, 0, 1);
    const labels = rng.i32Array(rows, 0, k);
    const order = rng.i32Array(rows, 0, rows);
    const w = rng.f32Array((d + 1) * k, -0.05, 0.05);
    const stride = (d + 1) * k + 2;
    const [want, got] = await both(async (gpu) => {
      const a = [gpu.array(x), gpu.array(labels), gpu.array(order), gpu.array(w)] as const;
      const partial = gpu.alloc(Float32Array, 3 * stride);
      gpu.launch(softmaxStep, { grid: 3, block: 256 }, ...a, partial, 17, 96, d, k);
      const r = await partial.read();
      for (const arr of [...a, partial]) arr.dispose();
      return r;
    });
    expect(bits(got), `seed ${rng.seed}`).toEqual(bits(want));
    // Each block's loss sum is finite and positive, and its hits are whole numbers up to its 32 rows.
    for (let b = 0; b < 3; b++) {
      expect(got[b * stride + (d + 1) * k]).toBeGreaterThan(0);
      expect(Number.isInteger(got[b * stride + (d + 1) * k + 1])).toBe(true);
    }
  });

  it('kernels a team cannot run keep the code of one thread', () => {
    const source = `import { kernel, sharedArray, syncthreads, threadIdx, atomicAdd, type i32 } from 'kernelscript';
export const counted = kernel(function counted(x: Int32Array) {
  const s = sharedArray(Int32Array, 64);
  s[threadIdx.x] = x[threadIdx.x];
  syncthreads();
  atomicAdd(x, 0, s[63 - threadIdx.x]);
});
export const teamed = kernel(function teamed(x: Float32Array) {
  const s = sharedArray(Float32Array, 64);
  s[threadIdx.x] = x[threadIdx.x];
  syncthreads();
  x[threadIdx.x] = s[63 - threadIdx.x];
});
`;
    const code = (name: string): string => emitKernel(compileToIR(source, { kernel: name, fileName: 'teams.ts' }), 'js').code;
    expect(listKernels(source, 'teams.ts')).toEqual(['counted', 'teamed']);
    expect(code('counted')).not.toContain('ks_team');
    expect(code('teamed')).toContain('ks_team.sync()');
  });
});

describe('cpu team failures', () => {
  /** A team kernel written by hand: every member meets twice; `fail` says what member 1 does in between. */
  const planted = (fail: string): { run: JsKernel; code: string } => {
    const code = `return Object.assign(function planted(args, grid, block, first, end, team) {
  if (team === undefined) return;
  team.sync();
  if (team.p === 1) { ${fail} }
  team.sync();
}, { memory: () => [] });`;
    return { run: new Function(code)() as JsKernel, code };
  };

  it("a member that throws ends the launch with its own error, and the pool still runs launches", async () => {
    const pool = new CpuPool(wt, 3);
    try {
      const bad = planted("throw new RangeError('member 1 failed on purpose');");
      expect(() => pool.run(bad.run, bad.code, [], [1, 1, 1], [1, 1, 1])).toThrow(/RangeError: member 1 failed on purpose/);
      const good = planted('');
      pool.run(good.run, good.code, [], [2, 1, 1], [1, 1, 1]);
      expect(pool.broken).toBe(false);
    } finally {
      await pool.close();
    }
  });
});

