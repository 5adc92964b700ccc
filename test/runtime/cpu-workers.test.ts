// The cpu device's worker threads (runtime/cpu/): global atomics contended across workers give the
// exact integer reference; 1 and N threads give the same bits on random inputs (and the float64
// reference's values); dispose() stops the workers, and an undisposed device does not keep the
// process alive.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  atomicAdd, atomicCAS, atomicMax, atomicMin, blockDim, blockIdx, f16, f32, Float16Array, i32, kernel, sharedArray, syncthreads, threadIdx,
} from '../../index.js';
import type { CpuDevice } from '../../runtime/cpu/index.js';
import { DeviceError } from '../../runtime/errors.js';
import type { CompiledKernel } from '../../core/output.js';
import { THREADS_ENV } from '../../runtime/cpu/threads.js';
import type { DeviceArray } from '../../runtime/types.js';
import { Rng } from '../helpers/case.js';
import { cpuWith } from '../helpers/cpu.js';

/** More threads than this machine may have cores: the split must not depend on the core count. */
const N = 4;


const devices: CpuDevice[] = [];
afterAll(() => devices.forEach((d) => d.dispose()));
const open = async (threads: number): Promise<CpuDevice> => {
  const d = await cpuWith(threads);
  devices.push(d);
  return d;
};

/** Enough work per thread for the launch to go to the workers, on 8- and 16-bit and f16 arrays. */
export const narrowWork = kernel(function narrowWork(src: Uint8Array, bytes: Uint8Array, words: Int16Array, half: Float16Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    let s = 0;
    for (let r = 0; r < 64; r++) s += i32(src[(i + r) % n]!) * (r + 1);
    bytes[i] = s;
    words[i] = s;
    half[i] = f16(f32(half[i]!) * 2);
  }
});

/** Every thread folds its value into `reps` buckets: add, add of the value, min, max and a CAS-loop count. */
export const tally = kernel(function tally(
  keys: Int32Array, vals: Int32Array, counts: Int32Array, sums: Int32Array, lo: Int32Array, hi: Int32Array,
  casCount: Int32Array, n: i32, reps: i32,
) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    const v = vals[i]!;
    for (let r = 0; r < reps; r++) {
      const key = keys[(i + r) % n]!;
      atomicAdd(counts, key, 1);
      atomicAdd(sums, key, v);
      atomicMin(lo, key, v);
      atomicMax(hi, key, v);
      let done = false;
      while (!done) {
        const o = casCount[key]!;
        done = atomicCAS(casCount, key, o, o + 1) == o;
      }
    }
  }
});

const TILE = 8;

/** C = A·B with TILE×TILE tiles staged in shared memory (barriers, per-block shared state). */
export const tiledMatmul = kernel(function tiledMatmul(a: Float32Array, b: Float32Array, c: Float32Array, m: i32, n: i32, k: i32) {
  const as = sharedArray(Float32Array, TILE * TILE);
  const bs = sharedArray(Float32Array, TILE * TILE);
  const tx = threadIdx.x;
  const ty = threadIdx.y;
  const col = blockIdx.x * TILE + tx;
  const row = blockIdx.y * TILE + ty;
  let sum: f32 = 0;
  for (let p0 = 0; p0 < k; p0 += TILE) {
    as[ty * TILE + tx] = row < m && p0 + tx < k ? a[row * k + p0 + tx]! : 0;
    bs[ty * TILE + tx] = p0 + ty < k && col < n ? b[(p0 + ty) * n + col]! : 0;
    syncthreads();
    for (let p = 0; p < TILE; p++) {
      sum += as[ty * TILE + p]! * bs[p * TILE + tx]!;
    }
    syncthreads();
  }
  if (row < m && col < n) {
    c[row * n + col] = Math.exp(-Math.abs(sum)) + sum * 0.5;
  }
});

async function readAll(arrays: DeviceArray[]): Promise<number[][]> {
  return Promise.all(arrays.map(async (a) => [...(await a.read())]));
}

/** y = 3x, enough work per launch to go to the pool. */
export const scale = kernel(function scale(x: Float32Array, y: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] = x[i]! * 3;
});

/** Every thread adds a random f32 into one of a few buckets of a global array. */
export const floatSums = kernel(function floatSums(keys: Int32Array, vals: Float32Array, sums: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) atomicAdd(sums, keys[i]!, vals[i]!);
});

describe('cpu worker threads', () => {
  it(`contended global atomics give the exact reference on ${N} threads`, async () => {
    const gpu = await open(N);
    expect(gpu.threads).toBe(N);
    const rng = new Rng();
    const n = 64 * 64;
    const reps = 24;
    const buckets = 37;
    const keys = rng.i32Array(n, 0, buckets);
    const vals = rng.i32Array(n, -50, 50);
    const want = { counts: new Int32Array(buckets), sums: new Float64Array(buckets), lo: new Int32Array(buckets).fill(1 << 30), hi: new Int32Array(buckets).fill(-(1 << 30)) };
    for (let i = 0; i < n; i++) {
      for (let r = 0; r < reps; r++) {
        const key = keys[(i + r) % n] as number;
        const v = vals[i] as number;
        want.counts[key]! += 1;
        want.sums[key]! += v;
        want.lo[key] = Math.min(want.lo[key] as number, v);
        want.hi[key] = Math.max(want.hi[key] as number, v);
      }
    }
    const k = gpu.array(keys);
    const v = gpu.array(vals);
    // The first launch is timed in-thread; the later ones run on the workers.
    for (let launch = 0; launch < 3; launch++) {
      const counts = gpu.alloc(Int32Array, buckets);
      const sums = gpu.alloc(Int32Array, buckets);
      const lo = gpu.array(new Int32Array(buckets).fill(1 << 30));
      const hi = gpu.array(new Int32Array(buckets).fill(-(1 << 30)));
      const cas = gpu.alloc(Int32Array, buckets);
      gpu.launch(tally, { grid: n / 64, block: 64 }, k, v, counts, sums, lo, hi, cas, n, reps);
      const [c, s, l, h, cc] = await readAll([counts, sums, lo, hi, cas]);
      expect(c, `seed ${rng.seed}, launch ${launch}`).toEqual([...want.counts]);
      expect(cc).toEqual([...want.counts]);
      expect(s).toEqual([...want.sums]);
      expect(l).toEqual([...want.lo]);
      expect(h).toEqual([...want.hi]);
      for (const a of [counts, sums, lo, hi, cas]) a.dispose();
    }
    expect(gpu.launcher.parallelLaunches).toBeGreaterThan(0);
  });

  it(`1 and ${N} threads give the same bits, and the float64 reference`, async () => {
    const one = await open(1);
    const many = await open(N);
    expect(one.threads).toBe(1);
    const rng = new Rng();
    const [m, n, k] = [53, 70, 45];
    const a = rng.f32Array(m * k);
    const b = rng.f32Array(k * n);
    const run = async (gpu: CpuDevice): Promise<Float32Array> => {
      const [da, db, dc] = [gpu.array(a), gpu.array(b), gpu.alloc(Float32Array, m * n)];
      const grid: [number, number] = [Math.ceil(n / TILE), Math.ceil(m / TILE)];
      for (let r = 0; r < 3; r++) gpu.launch(tiledMatmul, { grid, block: [TILE, TILE] }, da, db, dc, m, n, k);
      const out = await dc.read();
      for (const x of [da, db, dc]) x.dispose();
      return out;
    };
    const x1 = await run(one);
    const xn = await run(many);
    expect(many.launcher.parallelLaunches).toBeGreaterThan(0);
    expect(new Uint32Array(xn.buffer), `seed ${rng.seed}`).toEqual(new Uint32Array(x1.buffer));
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += (a[i * k + p] as number) * (b[p * n + j] as number);
        const want = Math.exp(-Math.abs(s)) + s * 0.5;
        expect(Math.abs((xn[i * n + j] as number) - want), `seed ${rng.seed} at ${i},${j}`).toBeLessThan(1e-5 * (1 + Math.abs(want)) * k);
      }
    }
  });

  it(`8-, 16-bit and f16 arrays reach the workers as views of the same memory (${N} threads = 1 thread)`, async () => {
    const one = await open(1);
    const many = await open(N);
    const rng = new Rng();
    const n = 20000;
    const src = Uint8Array.from({ length: n }, () => rng.int(0, 256));
    const half = Float16Array.from({ length: n }, () => rng.f32(-4, 4));
    const run = async (gpu: CpuDevice): Promise<[Uint8Array, Int16Array, Float16Array]> => {
      const [ds, dd, dw, dh] = [gpu.array(src), gpu.alloc(Uint8Array, n), gpu.alloc(Int16Array, n), gpu.array(half)];
      for (let r = 0; r < 4; r++) gpu.launch(narrowWork, { grid: Math.ceil(n / 64), block: 64 }, ds, dd, dw, dh, n);
      const out: [Uint8Array, Int16Array, Float16Array] = [await dd.read(), await dw.read(), await dh.read()];
      for (const x of [ds, dd, dw, dh]) x.dispose();
      return out;
    };
    const [b1, w1, h1] = await run(one);
    const [bn, wn, hn] = await run(many);
    expect(many.launcher.parallelLaunches).toBeGreaterThan(0);
    expect(Array.from(bn), `seed ${rng.seed}`).toEqual(Array.from(b1));
    expect(Array.from(wn)).toEqual(Array.from(w1));
    expect(Array.from(hn)).toEqual(Array.from(h1));
    // Against the reference, with every byte and halfword written by some thread.
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let r = 0; r < 64; r++) s = (s + (src[(i + r) % n] as number) * (r + 1)) | 0;
      expect(bn[i], `seed ${rng.seed} at ${i}`).toBe(s & 0xff);
      expect(wn[i]).toBe((s << 16) >> 16);
    }
    expect(Array.from(hn.subarray(0, 8))).toEqual(Array.from(half.subarray(0, 8), (v) => Float16Array.of(v * 16)[0]));
  });

  it('global f32 atomic adds run on the calling thread: the same bits every time, as on 1 thread', async () => {
    // f32 addition is not associative: spread over threads, the sums would depend on timing.
    const rng = new Rng();
    const n = 64 * 256;
    const keys = rng.i32Array(n, 0, 5);
    const vals = rng.f32Array(n, -1, 1);
    const sumsOn = async (gpu: CpuDevice): Promise<number[]> => {
      const out: number[][] = [];
      for (let launch = 0; launch < 4; launch++) {
        const [k, v, s] = [gpu.array(keys), gpu.array(vals), gpu.alloc(Float32Array, 5)];
        gpu.launch(floatSums, { grid: n / 64, block: 64 }, k, v, s, n);
        const [got] = await readAll([s]);
        out.push(got ?? []);
        for (const a of [k, v, s]) a.dispose();
      }
      for (const o of out) expect(o, `seed ${rng.seed}`).toEqual(out[0]);
      return out[0] ?? [];
    };
    const many = await open(N);
    const one = await open(1);
    const want = new Float64Array(5);
    for (let i = 0; i < n; i++) want[keys[i] as number]! += vals[i] as number;
    const got = await sumsOn(many);
    expect(got).toEqual(await sumsOn(one));
    got.forEach((g, b) => expect(Math.abs(g - (want[b] ?? 0))).toBeLessThan(1e-3));
    expect(many.launcher.parallelLaunches).toBe(0);
  });

  it('an error in a worker reaches the caller as a DeviceError naming it', async () => {
    const gpu = await open(N);
    // Hand-written js code: each call busies itself for 2 ms (so later launches go to the pool),
    // and a call for a block range that does not start at 0 throws, as only a worker's can.
    const code = [
      '"use strict";',
      'return function planted(ks_args, ks_grid, ks_block, ks_first, ks_end) {',
      '  const t = Date.now(); while (Date.now() - t < 2);',
      '  if (ks_first !== undefined && ks_first > 0) throw new RangeError("planted in block " + ks_first);',
      '};',
    ].join('\n');
    const k: CompiledKernel = {
      target: 'js', name: 'planted', code, entryPoint: 'planted', params: [{ name: 'n', kind: 'scalar', type: 'i32' }],
      meta: { usesBarrier: false, sharedBytes: 0, atomicParams: [] }, hash: 'planted',
    };
    gpu.launchCompiled(k, { grid: 64, block: 1 }, [1]);
    expect(() => gpu.launchCompiled(k, { grid: 64, block: 1 }, [1])).toThrow(/failed on the cpu device: RangeError: planted in block/);
    expect(gpu.launcher.parallelLaunches).toBe(0);
  });

  it('a worker that dies mid-launch gives a DeviceError, not a hang; later launches run in the calling thread', async () => {
    const gpu = await open(N);
    const rng = new Rng();
    const n = 64 * 512;
    const host = rng.f32Array(n, -1, 1);
    const x = gpu.array(host);
    const y = gpu.alloc(Float32Array, n);
    for (let i = 0; i < 3; i++) gpu.launch(scale, { grid: n / 64, block: 64 }, x, y, n);
    expect(gpu.launcher.workers).toBe(N - 1);
    // Ends one worker as an out-of-memory crash would, without telling the pool.
    const pool = (gpu.launcher as unknown as { pool: { members: { worker: { terminate(): Promise<number> } }[] } }).pool;
    await pool.members[0]?.worker.terminate();
    expect(() => gpu.launch(scale, { grid: n / 64, block: 64 }, x, y, n)).toThrow(DeviceError);
    expect(gpu.launcher.workers).toBe(0);
    const z = gpu.alloc(Float32Array, n);
    gpu.launch(scale, { grid: n / 64, block: 64 }, x, z, n);
    const got = await z.read();
    got.forEach((v, i) => expect(v).toBe(Math.fround((host[i] ?? 0) * 3)));
    for (const a of [x, y, z]) a.dispose();
  });

  it('dispose() stops the workers', async () => {
    const gpu = await cpuWith(N);
    const rng = new Rng();
    const a = gpu.array(rng.f32Array(64 * 64));
    const b = gpu.array(rng.f32Array(64 * 64));
    const c = gpu.alloc(Float32Array, 64 * 64);
    for (let r = 0; r < 3; r++) gpu.launch(tiledMatmul, { grid: [8, 8], block: [TILE, TILE] }, a, b, c, 64, 64, 64);
    await c.read();
    expect(gpu.launcher.workers).toBe(N - 1);
    gpu.dispose();
    expect(gpu.launcher.workers).toBe(0);
    await gpu.launcher.closed;
  });

  it('an undisposed device with running workers lets the process exit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ks-cpu-workers-'));
    const script = join(dir, 'run.mts');
    const cpu = pathToFileURL(resolve('runtime/cpu/index.ts')).href;
    // A hand-written js kernel taking a block range, as the compiler emits them, big enough to go
    // to the workers: out[i] = i.
    const code = `return function iota(args, grid, block, first, end) {
  const out = args[0], n = args[1];
  for (let b = first ?? 0; b < (end ?? grid[0]); b++) for (let t = 0; t < block[0]; t++) {
    const i = b * block[0] + t;
    if (i < n) out[i] = i;
  }
};`;
    const iota = {
      target: 'js', name: 'iota', code, entryPoint: 'iota', hash: 'iota', meta: { usesBarrier: false, sharedBytes: 0, atomicParams: [] },
      params: [{ name: 'out', kind: 'array', type: 'i32', access: 'write' }, { name: 'n', kind: 'scalar', type: 'i32' }],
    };
    writeFileSync(
      script,
      `import { createCpuDevice } from '${cpu}';
const gpu = await createCpuDevice();
const out = gpu.alloc(Int32Array, 1 << 20);
const iota = ${JSON.stringify(iota)};
for (let r = 0; r < 4; r++) gpu.launchCompiled(iota, { grid: 4096, block: 256 }, [out, 1 << 20]);
const got = await out.read();
console.log(JSON.stringify({ ok: got.every((v, i) => v === i), workers: gpu.launcher.workers }));
`,
    );
    const tsx = createRequire(import.meta.url).resolve('tsx');
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(tsx).href, script], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, [THREADS_ENV]: String(N) },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, workers: N - 1 });
  });
});
