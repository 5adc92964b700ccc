// The js target's WebAssembly functions (targets/js/wasm-loop.ts) and the memory they read
// (runtime/cpu/heap.ts). On fresh random inputs, each kernel's code linked to the memory gives the
// bits the same code gives unlinked (its JS, the reference semantics; a NaN as NaN, its sign and
// payload being the engine's choice) and the float64 or exact reference; the linked functions are
// counted, so a run that quietly fell back to JS fails. Covered: counted loops (< and <=, steps of
// 1 and 2), i32/u32/f32 reads, bit tests, short-circuit conditions, selects, casts, abs, f32
// division, integer division and remainder by 0 and −1; regions' thread loops with a flag across
// barriers, a guarded tree, reads past the end (NaN), an early return, break and continue; a
// region touching no array; a local holding JS's undefined going into a loop; an f32 read past
// the end compared with itself; the same on the cpu device on one thread and on workers, in a
// team, and with KERNELSCRIPT_CPU_WASM=0. The memory: arrays live there, are zeroed, never
// overlap, and are given back when disposed.
import * as wt from 'node:worker_threads';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileKernel } from '../../index.js';
import type { CompiledKernel } from '../../core/output.js';
import { cpuHeap, type Heap } from '../../runtime/cpu/heap.js';
import { CpuPool, type JsKernel } from '../../runtime/cpu/pool.js';
import type { TypedArray } from '../../runtime/types.js';
import { Rng } from '../helpers/case.js';
import { cpuWith } from '../helpers/cpu.js';
import { ROOT } from '../samples/run-sample.js';

const FILE = 'wasm-loops.ts';
const SOURCE = `
import { kernel, sharedArray, syncthreads, threadIdx, blockIdx, blockDim, f32, i32, u32 } from 'kernelscript';
export const rowDot = kernel(function rowDot(x: Float32Array, w: Float32Array, y: Float32Array, rows: i32, n: i32) {
  const r = blockIdx.x * blockDim.x + threadIdx.x;
  if (r < rows) {
    let acc: f32 = 0;
    let hits = 0;
    for (let j = 0; j < n; j++) {
      const v = x[r * n + j] * w[j];
      acc += v;
      if (v > 0) hits += 1;
    }
    y[r] = acc + f32(hits);
  }
});
export const mixed = kernel(function mixed(x: Float32Array, bits: Uint32Array, k: Int32Array, y: Float32Array, n: i32, m: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    let s: f32 = 0;
    let c = 0;
    for (let j = 0; j < m; j += 2) {
      const b = bits[i * m + j];
      const v = x[i * m + j];
      const t = (b & 1) == 1 && v > -0.25 ? Math.abs(v) : -v / 3;
      s += t * f32(j - c);
      c = c + i32(b >>> 30) - k[j];
    }
    y[i] = s + f32(c);
  }
});
export const windowSum = kernel(function windowSum(x: Float32Array, y: Float32Array, n: i32, width: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    let s: f32 = 0;
    for (let j = 0; j < width; j++) s += x[i + j];
    y[i] = s;
  }
});
export const divmod = kernel(function divmod(a: Int32Array, b: Int32Array, y: Int32Array, n: i32, m: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    let s = 0;
    for (let j = 0; j < m; j++) {
      const p = a[i * m + j];
      const q = b[j];
      s = s + p / q - p % q + i32(u32(p) / u32(q)) + i32(u32(p) % u32(q)) + p / 7 - p % 3;
    }
    y[i] = s;
  }
});
export const blockMix = kernel(function blockMix(x: Float32Array, y: Float32Array, n: i32, reach: i32) {
  const s = sharedArray(Float32Array, 64);
  const t = threadIdx.x;
  const i = blockIdx.x * blockDim.x + t;
  const v = x[i + reach];
  const big = v > 0.25;
  s[t] = v;
  syncthreads();
  for (let h = 32; h > 0; h >>= 1) {
    if (t < h) s[t] = s[t] + s[t + h];
    syncthreads();
  }
  if (i >= n) return;
  let acc: f32 = 0;
  for (let j = 0; j < 64; j++) {
    acc += 0.5;
    if (j % 3 == 2) continue;
    if (j > t + 8) break;
    acc += s[j] * f32(j / 4 - 1);
  }
  y[i] = acc + (big ? s[0] : -s[0]) + f32(t % 5);
});
export const swap = kernel(function swap(x: Float32Array, y: Float32Array, n: i32) {
  const s = sharedArray(Float32Array, 64);
  const t = threadIdx.x;
  const i = blockIdx.x * blockDim.x + t;
  syncthreads();
  s[t] = i < n ? x[i] : 0;
  syncthreads();
  if (i < n) y[i] = s[63 - t] * 2;
});
export const undefinedIn = kernel(function undefinedIn(x: Float32Array, k: Int32Array, y: Float32Array, n: i32, m: i32) {
  const t = blockIdx.x * blockDim.x + threadIdx.x;
  if (t < n) {
    const base = k[t + n];
    let s: f32 = 0;
    for (let j = 0; j < m; j++) s += x[j] * f32(base + j) + f32(base < j ? 1 : 2);
    y[t] = s;
  }
});
export const selfEqual = kernel(function selfEqual(x: Float32Array, y: Float32Array, n: i32, m: i32) {
  const s = sharedArray(Float32Array, 32);
  const t = threadIdx.x;
  s[t] = x[t];
  syncthreads();
  let c: f32 = 0;
  for (let j = 0; j < m; j++) {
    const a = x[t + j + n];
    if (a == a) c += 1;
    else c += 2;
    c += s[j % 32];
  }
  y[t] = c;
});
export const prefix = kernel(function prefix(x: Float32Array, y: Float32Array, n: i32) {
  const tile = sharedArray(Float32Array, 128);
  const t = threadIdx.x;
  const i = blockIdx.x * blockDim.x + t;
  tile[t] = i < n ? x[i] : 0;
  syncthreads();
  let s: f32 = 0;
  for (let j = 0; j <= t; j++) s += tile[j];
  if (i < n) y[i] = s;
});
`;

type Run = ((args: unknown[], grid: number[], block: number[]) => void) & { wasm?: string; link?: (exports: Record<string, unknown>, ...rest: unknown[]) => void };

const build = (name: string): CompiledKernel => compileKernel(SOURCE, { target: 'js', kernel: name, fileName: FILE });

interface Case {
  kernel: string;
  block: number;
  /** Fresh inputs: the launch's arguments (arrays as plain typed arrays), its grid, and float64 results (NaN: JS's own). */
  make: (rng: Rng) => { args: (number | TypedArray)[]; out: number; grid: number; want: number[] };
}

const CASES: Case[] = [
  {
    kernel: 'rowDot', block: 32,
    make: (rng) => {
      const rows = 70, n = 150;
      const x = rng.f32Array(rows * n), w = rng.f32Array(n);
      const want = Array.from({ length: rows }, (_, r) => {
        let acc = 0, hits = 0;
        for (let j = 0; j < n; j++) {
          const v = Math.fround((x[r * n + j] as number) * (w[j] as number));
          acc += v;
          if (v > 0) hits++;
        }
        return acc + hits;
      });
      return { args: [x, w, new Float32Array(rows), rows, n], out: 2, grid: Math.ceil(rows / 32), want };
    },
  },
  {
    kernel: 'mixed', block: 64,
    make: (rng) => {
      const n = 100, m = 90;
      const x = rng.f32Array(n * m);
      const bits = Uint32Array.from({ length: n * m }, () => (rng.next() * 2 ** 32) >>> 0);
      const k = rng.i32Array(m, -5, 5);
      const want = Array.from({ length: n }, (_, i) => {
        let s = 0, c = 0;
        for (let j = 0; j < m; j += 2) {
          const b = bits[i * m + j] as number, v = x[i * m + j] as number;
          const t = (b & 1) === 1 && v > -0.25 ? Math.abs(v) : -v / 3;
          s += t * (j - c);
          c += (b >>> 30) - (k[j] as number);
        }
        return s + c;
      });
      return { args: [x, bits, k, new Float32Array(n), n, m], out: 3, grid: Math.ceil(n / 64), want };
    },
  },
  {
    // The last width − 1 threads read past the end: JS gives NaN there.
    kernel: 'windowSum', block: 64,
    make: (rng) => {
      const n = 200, width = 40;
      const x = rng.f32Array(n);
      const want = Array.from({ length: n }, (_, i) => (i + width > n ? NaN : Array.from(x.subarray(i, i + width)).reduce((a, b) => a + b, 0)));
      return { args: [x, new Float32Array(n), n, width], out: 1, grid: Math.ceil(n / 64), want };
    },
  },
  {
    // Division by 0 and by −1 and of −2^31, signed and unsigned, as JS computes them.
    kernel: 'divmod', block: 32,
    make: (rng) => {
      const n = 50, m = 40;
      const a = Int32Array.from({ length: n * m }, (_, i) => (i % 11 === 0 ? -(2 ** 31) : rng.int(-(2 ** 31), 2 ** 31)));
      const b = Int32Array.from({ length: m }, (_, j) => [0, -1, 1, -(2 ** 31)][j] ?? (rng.next() < 0.5 ? rng.int(-20, 20) : rng.int(-(2 ** 31), 2 ** 31)));
      const div = (p: number, q: number): number => (q === 0 ? 0 : Math.trunc(p / q) | 0);
      const rem = (p: number, q: number): number => (q === 0 ? 0 : (p % q) | 0);
      const want = Array.from({ length: n }, (_, i) => {
        let s = 0;
        for (let j = 0; j < m; j++) {
          const p = a[i * m + j] as number, q = b[j] as number;
          const [pu, qu] = [p >>> 0, q >>> 0];
          s = (s + div(p, q) - rem(p, q) + ((qu === 0 ? 0 : Math.trunc(pu / qu)) | 0) + ((qu === 0 ? 0 : pu % qu) | 0) + div(p, 7) - rem(p, 3)) | 0;
        }
        return s;
      });
      return { args: [a, b, new Int32Array(n), n, m], out: 2, grid: Math.ceil(n / 32), want };
    },
  },
  {
    // Barriers: a flag carried across them, a guarded tree (its thread range narrowed), reads past
    // the end of x (NaN, as JS's undefined computes), an early return, break and continue.
    kernel: 'blockMix', block: 64,
    make: (rng) => {
      const n = 200, reach = 3, blocks = 4;
      const x = rng.f32Array(n);
      const y = new Float32Array(blocks * 64);
      const want = Array.from({ length: blocks * 64 }, () => 0);
      for (let b = 0; b < blocks; b++) {
        const v = Array.from({ length: 64 }, (_, t) => (b * 64 + t + reach < n ? (x[b * 64 + t + reach] as number) : NaN));
        const s = [...v];
        for (let h = 32; h > 0; h >>= 1) for (let t = 0; t < h; t++) s[t] = (s[t] as number) + (s[t + h] as number);
        for (let t = 0; t < 64; t++) {
          const i = b * 64 + t;
          if (i >= n) continue;
          let acc = 0;
          for (let j = 0; j < 64; j++) {
            acc += 0.5;
            if (j % 3 === 2) continue;
            if (j > t + 8) break;
            acc += (s[j] as number) * (Math.trunc(j / 4) - 1);
          }
          want[i] = acc + ((v[t] as number) > 0.25 ? (s[0] as number) : -(s[0] as number)) + (t % 5);
        }
      }
      return { args: [x, y, n, reach], out: 1, grid: blocks, want };
    },
  },
  {
    // A region that touches no array (before the first barrier) next to ones that do.
    kernel: 'swap', block: 64,
    make: (rng) => {
      const n = 150;
      const x = rng.f32Array(n);
      const want = Array.from({ length: n }, (_, i) => {
        const j = i - (i % 64) + 63 - (i % 64);
        return j < n ? 2 * (x[j] as number) : 0;
      });
      return { args: [x, new Float32Array(n), n], out: 1, grid: Math.ceil(n / 64), want };
    },
  },
  {
    // A local holding JS's undefined (an int read past the end) going into a loop: JS computes
    // (undefined + j) | 0 as 0 and undefined < j as false, which WebAssembly's 0 would not.
    kernel: 'undefinedIn', block: 32,
    make: (rng) => {
      const n = 40, m = 70;
      const x = rng.f32Array(m);
      const k = rng.i32Array(n + 20, -50, 50);
      const want = Array.from({ length: n }, (_, t) => {
        const base = t + n < k.length ? (k[t + n] as number) : NaN;
        let s = 0;
        for (let j = 0; j < m; j++) s += (x[j] as number) * ((base + j) | 0) + (base < j ? 1 : 2);
        return s;
      });
      return { args: [x, k, new Float32Array(n), n, m], out: 2, grid: Math.ceil(n / 32), want };
    },
  },
  {
    // An f32 read past the end compared with itself: JS's undefined === undefined is true.
    kernel: 'selfEqual', block: 32,
    make: (rng) => {
      const len = 100, n = 60, m = 50;
      const x = rng.f32Array(len);
      const want = Array.from({ length: 32 }, () => {
        let c = 0;
        for (let j = 0; j < m; j++) c += 1 + (x[j % 32] as number);
        return c;
      });
      return { args: [x, new Float32Array(32), n, m], out: 1, grid: 1, want };
    },
  },
  {
    kernel: 'prefix', block: 128,
    make: (rng) => {
      const n = 300;
      const x = rng.f32Array(n);
      const want = Array.from({ length: n }, (_, i) => {
        const first = i - (i % 128);
        return Array.from(x.subarray(first, i + 1)).reduce((a, b) => a + b, 0);
      });
      return { args: [x, new Float32Array(n), n], out: 1, grid: Math.ceil(n / 128), want };
    },
  },
];

/** Each element's bits; a NaN as the one quiet NaN (its sign and payload are JS's engine's choice, not the language's). */
const bits = (a: TypedArray): number[] =>
  [...new Uint32Array(a.buffer, a.byteOffset, a.length)].map((b, i) => (a instanceof Float32Array && Number.isNaN(a[i]) ? 0x7fc00000 : b));

/**
 * Every result within f32 accumulation error of float64, NaN exactly where the reference has NaN;
 * integer results exactly.
 */
function expectNear(got: TypedArray, want: number[], what: string): void {
  if (got instanceof Int32Array) return expect([...got], what).toEqual(want);
  want.forEach((w, i) => {
    const g = got[i] as number;
    if (Number.isNaN(w)) expect(g, `${what}[${i}]`).toBeNaN();
    else expect(Math.abs(g - w), `${what}[${i}] = ${g}, float64 ${w}`).toBeLessThanOrEqual(1e-4 * (1 + Math.abs(w)));
  });
}

/** The same arguments with every array copied into the heap. */
function inHeap(heap: Heap, args: (number | TypedArray)[]): (number | TypedArray)[] {
  return args.map((a) => {
    if (typeof a === 'number') return a;
    const type = a instanceof Float32Array ? 'f32' : a instanceof Int32Array ? 'i32' : 'u32';
    const h = heap.array(type, a.length) as TypedArray;
    h.set(a);
    return h;
  });
}

const heap = cpuHeap();

describe.skipIf(heap === null)('js target: WebAssembly loops', () => {
  const h = heap as Heap;
  for (const c of CASES) {
    it(`${c.kernel}: linked code gives the JS loops' bits and float64's results, and its loops ran as WebAssembly`, () => {
      const k = build(c.kernel);
      expect(k.code).toContain('ks_W.w0(');
      const plain = new Function(k.code)() as Run;
      const linked = new Function(k.code)() as Run;
      let calls = 0;
      const link = linked.link as NonNullable<Run['link']>;
      linked.link = (exports, ...rest) => {
        const counted = Object.fromEntries(Object.entries(exports).map(([name, f]) => [name, (...a: unknown[]) => {
          calls++;
          return (f as (...a: unknown[]) => unknown)(...a);
        }]));
        link(counted, ...rest);
      };
      const before = h.thread.linked;
      h.thread.link(linked);
      expect(h.thread.linked).toBe(before + 1);
      const rng = new Rng();
      for (let rep = 0; rep < 3; rep++) {
        const { args, out, grid, want } = c.make(rng);
        const heapArgs = inHeap(h, args);
        plain(args, [grid, 1, 1], [c.block, 1, 1]);
        linked(heapArgs, [grid, 1, 1], [c.block, 1, 1]);
        const js = args[out] as TypedArray, wasm = heapArgs[out] as TypedArray;
        expect(bits(wasm), `seed ${rng.seed}`).toEqual(bits(js));
        expectNear(wasm, want, `${c.kernel} (seed ${rng.seed})`);
        for (const a of heapArgs) if (typeof a !== 'number') h.dispose(a);
      }
      expect(calls).toBeGreaterThan(0);
    });
  }

  it('a loop that does not pay for a call, or does what WebAssembly spells differently, stays JS', () => {
    const src = `
import { kernel, threadIdx, i32, type f32 } from 'kernelscript';
export const short = kernel(function short(x: Float32Array, y: Float32Array, n: i32) {
  let s: f32 = 0;
  for (let j = threadIdx.x; j < n; j += 32) s += x[j];
  y[threadIdx.x] = s;
});
export const truncates = kernel(function truncates(x: Float32Array, y: Int32Array, n: i32) {
  let s = 0;
  for (let j = 0; j < n; j++) s += i32(x[j] * 2.5);
  y[threadIdx.x] = s;
});
export const remainders = kernel(function remainders(x: Float32Array, y: Float32Array, n: i32) {
  let s: f32 = 0;
  for (let j = 0; j < n; j++) s += x[j] % 0.75;
  y[threadIdx.x] = s;
});`;
    for (const name of ['truncates', 'remainders']) expect(compileKernel(src, { target: 'js', kernel: name, fileName: FILE }).code).not.toContain('ks_W.');
    // A short body is called only where enough iterations are left.
    expect(compileKernel(src, { target: 'js', kernel: 'short', fileName: FILE }).code).toMatch(/n - j >= \d+ && ks_W\.w0\(/);
  });

  describe('on the cpu device', async () => {
    const devices = [await cpuWith(1), await cpuWith(2)];
    afterAll(() => devices.forEach((d) => d.dispose()));
    for (const c of CASES) {
      it(`${c.kernel}: one thread and workers give the JS loops' bits`, async () => {
        const k = build(c.kernel);
        const plain = new Function(k.code)() as Run;
        const rng = new Rng();
        for (const gpu of devices) {
          // The first launch runs in the calling thread and is timed; later ones may go to the workers.
          for (let rep = 0; rep < 3; rep++) {
            const { args, out, grid, want } = c.make(rng);
            const dev = args.map((a) => (typeof a === 'number' ? a : gpu.array(a)));
            gpu.launch(k, { grid, block: c.block }, ...dev);
            const got = await (dev[out] as { read(): Promise<TypedArray> }).read();
            plain(args, [grid, 1, 1], [c.block, 1, 1]);
            expect(bits(got), `${gpu.threads} thread(s), seed ${rng.seed}`).toEqual(bits(args[out] as TypedArray));
            expectNear(got, want, `${c.kernel} on ${gpu.threads} thread(s)`);
            for (const a of dev) if (typeof a !== 'number') a.dispose();
          }
        }
      });
    }
  });
});

/** Runs `f` with the case's code linked here, unlinked (`plain`), and a pool of three threads, closed after. */
async function onPool(c: Case, f: (pool: CpuPool, run: JsKernel, code: string, plain: Run) => void): Promise<void> {
  const k = build(c.kernel);
  const pool = new CpuPool(wt, 3);
  try {
    f(pool, (heap as Heap).thread.link(new Function(k.code)() as JsKernel), k.code, new Function(k.code)() as Run);
  } finally {
    await pool.close();
  }
}

describe.skipIf(heap === null)('js target: WebAssembly loops on worker threads', () => {
  const h = heap as Heap;
  for (const c of CASES) {
    it(`${c.kernel}: blocks claimed by three threads give the JS loops' bits; the workers linked the code`, () =>
      onPool(c, (pool, run, code, plain) => {
        const rng = new Rng();
        let parts = 0;
        for (let rep = 0; rep < 3; rep++) {
          const { args, out, grid, want } = c.make(rng);
          const heapArgs = inHeap(h, args);
          const ran = pool.run(run, code, heapArgs, [grid, 1, 1], [c.block, 1, 1]);
          parts = Math.max(parts, ran.parts);
          expect(ran.parts).toBeGreaterThan(1);
          plain(args, [grid, 1, 1], [c.block, 1, 1]);
          expect(bits(heapArgs[out] as TypedArray), `seed ${rng.seed}`).toEqual(bits(args[out] as TypedArray));
          expectNear(heapArgs[out] as TypedArray, want, `${c.kernel} (seed ${rng.seed})`);
          for (const a of heapArgs) if (typeof a !== 'number') h.dispose(a);
        }
        // Each worker that ran the launch loaded the code once and linked it.
        expect(pool.linked).toBe(parts - 1);
      }));
  }
});

describe.skipIf(heap === null)('js target: WebAssembly loops in a team', () => {
  const h = heap as Heap;
  const c = CASES.find((x) => x.kernel === 'prefix') as Case;
  it("one block on three threads keeps the team's shared arrays in the memory and gives the JS bits", () =>
    onPool(c, (pool, run, code, plain) => {
      const rng = new Rng();
      for (let rep = 0; rep < 3; rep++) {
        const { args, out, want } = c.make(rng);
        const heapArgs = inHeap(h, args);
        const before = h.used;
        const ran = pool.run(run, code, heapArgs, [1, 1, 1], [c.block, 1, 1]);
        expect(ran.team).toBe(true);
        // The tile (128 f32) and the per-thread cells, allocated for the first team launch only.
        if (rep === 0) expect(h.used - before).toBeGreaterThanOrEqual(c.block * 4);
        plain(args, [1, 1, 1], [c.block, 1, 1]);
        expect(bits(heapArgs[out] as TypedArray), `seed ${rng.seed}`).toEqual(bits(args[out] as TypedArray));
        expectNear((heapArgs[out] as Float32Array).subarray(0, c.block), want.slice(0, c.block), `team (seed ${rng.seed})`);
        for (const a of heapArgs) if (typeof a !== 'number') h.dispose(a);
      }
    }));
});

describe.skipIf(heap === null)('the cpu device memory', () => {
  const h = heap as Heap;
  it('arrays are zeroed, never overlap, and are given back when disposed (free ranges merge)', () => {
    const rng = new Rng();
    const start = h.used;
    const live: { a: Int32Array; tag: number }[] = [];
    for (let round = 0; round < 400; round++) {
      if (live.length > 0 && rng.next() < 0.45) {
        const [gone] = live.splice(rng.int(0, live.length), 1);
        if (gone) h.dispose(gone.a);
      } else {
        const a = h.array('i32', rng.int(1, 5000)) as Int32Array;
        expect(a.every((v) => v === 0)).toBe(true);
        a.fill(round + 1);
        live.push({ a, tag: round + 1 });
      }
      for (const { a, tag } of live) expect(a[0] === tag && a[a.length - 1] === tag, `round ${round}, seed ${rng.seed}`).toBe(true);
    }
    for (const { a } of live) h.dispose(a);
    expect(h.used).toBe(start);
  });

  it("a device's arrays live there, and a disposed array's bytes come back", async () => {
    const gpu = await cpuWith(1);
    try {
      const start = h.used;
      const a = gpu.alloc(Float32Array, 100_000);
      expect(h.used - start).toBeGreaterThanOrEqual(400_000);
      a.dispose();
      expect(h.used).toBe(start);
    } finally {
      gpu.dispose();
    }
  });
});

describe('KERNELSCRIPT_CPU_WASM=0', () => {
  it('keeps arrays plain and every loop JS, with the same results', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ks-wasm-'));
    try {
      const seed = new Rng().seed;
      const file = join(dir, 'run.mts');
      writeFileSync(file, `
import { compileKernel } from '${ROOT}index.ts';
import { createCpuDevice } from '${ROOT}runtime/cpu/index.ts';
import { cpuHeap } from '${ROOT}runtime/cpu/heap.ts';
import { Rng } from '${ROOT}test/helpers/case.ts';
const k = compileKernel(${JSON.stringify(SOURCE)}, { target: 'js', kernel: 'rowDot', fileName: 'w.ts' });
const gpu = await createCpuDevice();
const rng = new Rng(${seed});
const rows = 64, n = 300;
const x = gpu.array(rng.f32Array(rows * n)), w = gpu.array(rng.f32Array(n)), y = gpu.alloc(Float32Array, rows);
gpu.launch(k, { grid: 2, block: 32 }, x, w, y, rows, n);
const got = await y.read();
console.log(JSON.stringify({ heap: cpuHeap() !== null, bits: [...new Uint32Array(got.buffer)] }));
gpu.dispose();
`);
      const run = (env: Record<string, string>): { heap: boolean; bits: number[] } => {
        const r = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, KERNELSCRIPT_CPU_THREADS: '1', ...env }, timeout: 60_000 });
        expect(r.status, r.stderr).toBe(0);
        return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as { heap: boolean; bits: number[] };
      };
      const off = run({ KERNELSCRIPT_CPU_WASM: '0' });
      const on = run({});
      expect(off.heap).toBe(false);
      expect(on.heap).toBe(true);
      expect(on.bits).toEqual(off.bits);
      expect(on.bits.some((b) => b !== 0)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
