// The cpu debug build's race and divergence checks, on both ways the cpu runs barrier kernels
// (regions of thread loops, and generators forced with `generators: true`): a planted shared-memory
// race (a tree reduction missing its barrier, a neighbour read without one, a plain read of an
// element other threads update atomically) throws a KernelRaceError naming both threads and both
// TS places; the same kernels with the barrier, and atomics from every thread on one element,
// report nothing and match a float64 (or exact) reference on random inputs. The compiler rejects
// every divergent barrier written in the language (shown below), so the divergence check is tested
// on hand-built IR that skips the front end: an early return guarded by data, a barrier under a
// data-dependent if.
import { afterAll, describe, expect, it } from 'vitest';
import { compileKernel, createDevice, KernelCompileError, KernelDivergenceError, KernelRaceError, type CompiledKernel } from '../../index.js';
import { compileToIR } from '../../compiler/index.js';
import { paramInfo } from '../../compiler/pipeline.js';
import { irBuilder } from '../../core/ir/build.js';
import type { KernelIR, Span } from '../../core/ir/types.js';
import { verifyKernel } from '../../core/ir/verify.js';
import type { Device, DeviceArray, LaunchArg, TypedArray } from '../../runtime/types.js';
import { checkBounds } from '../../targets/debug.js';
import { foldKernel } from '../../targets/fold.js';
import { emitJs } from '../../targets/js/emit.js';
import { TARGETS } from '../../targets/index.js';
import { Rng, type CaseSpec, type HostArg } from '../helpers/case.js';
import { checkOutput } from '../exec/run-case.js';
import { CASES_DIR, caseKernels } from '../targets/sources.js';

const FILE = 'test/debug/race-planted.ts';
const SOURCE = `import { kernel, sharedArray, syncthreads, atomicAdd, type i32 } from 'kernelscript';

export const reduceRacy = kernel(function reduceRacy(out: Float32Array, x: Float32Array) {
  const tile = sharedArray(Float32Array, 64);
  const t = threadIdx.x;
  tile[t] = x[blockIdx.x * 64 + t];
  syncthreads();
  for (let s = 32; s > 0; s = s / 2) {
    if (t < s) {
      tile[t] = tile[t] + tile[t + s];
    }
  }
  if (t == 0) {
    out[blockIdx.x] = tile[0];
  }
});

export const reduce = kernel(function reduce(out: Float32Array, x: Float32Array) {
  const tile = sharedArray(Float32Array, 64);
  const t = threadIdx.x;
  tile[t] = x[blockIdx.x * 64 + t];
  syncthreads();
  for (let s = 32; s > 0; s = s / 2) {
    if (t < s) {
      tile[t] = tile[t] + tile[t + s];
    }
    syncthreads();
  }
  if (t == 0) {
    out[blockIdx.x] = tile[0];
  }
});

export const neighbourRacy = kernel(function neighbourRacy(out: Float32Array, x: Float32Array) {
  const tile = sharedArray(Float32Array, 64);
  const t = threadIdx.x;
  const i = blockIdx.x * 64 + t;
  tile[t] = x[i];
  out[i] = tile[(t + 1) % 64] - tile[t];
});

export const neighbour = kernel(function neighbour(out: Float32Array, x: Float32Array) {
  const tile = sharedArray(Float32Array, 64);
  const t = threadIdx.x;
  const i = blockIdx.x * 64 + t;
  tile[t] = x[i];
  syncthreads();
  out[i] = tile[(t + 1) % 64] - tile[t];
});

export const histogram = kernel(function histogram(hist: Int32Array, keys: Int32Array, n: i32) {
  const bins = sharedArray(Int32Array, 16);
  const t = threadIdx.x;
  if (t < 16) {
    bins[t] = 0;
  }
  syncthreads();
  const i = blockIdx.x * blockDim.x + t;
  if (i < n) {
    atomicAdd(bins, keys[i] & 15, 1);
  }
  syncthreads();
  if (t < 16) {
    atomicAdd(hist, t, bins[t]);
  }
});

export const peek = kernel(function peek(out: Int32Array, keys: Int32Array) {
  const count = sharedArray(Int32Array, 1);
  const t = threadIdx.x;
  if (t == 0) {
    count[0] = 0;
  }
  syncthreads();
  atomicAdd(count, 0, keys[blockIdx.x * 64 + t] & 1);
  out[blockIdx.x * 64 + t] = count[0];
});
`;

const BLOCK = 64;
const GRID = 3;
const N = BLOCK * GRID;

/** 1-based line and column of `snippet`'s first occurrence in kernel `kernel` of SOURCE. */
function where(kernel: string, snippet: string): { file: string; line: number; column: number } {
  const start = SOURCE.indexOf(`export const ${kernel} =`);
  const at = SOURCE.indexOf(snippet, start);
  if (start < 0 || at < 0) throw new Error(`'${snippet}' is not in kernel ${kernel}`);
  const before = SOURCE.slice(0, at).split('\n');
  return { file: FILE, line: before.length, column: (before[before.length - 1] as string).length + 1 };
}

/** A debug build for the cpu as the pipeline makes it, optionally on the generator path. */
function jsDebugBuild(ir: KernelIR, generators: boolean): CompiledKernel {
  const checked = checkBounds(foldKernel(ir));
  verifyKernel(checked.ir);
  // The JS target's rules, as lowerFor runs them after the bounds check (f16 computed in f32 first).
  const out = emitJs(TARGETS.js.legalize.reduce((k, rule) => rule.apply(k), checked.ir), { generators });
  return {
    target: 'js',
    name: ir.name,
    code: out.code,
    entryPoint: out.entryPoint,
    params: paramInfo(ir),
    meta: { ...out.meta, debug: { ...out.meta.debug, sites: checked.sites } },
    hash: '',
  };
}

const PATHS = [
  { path: 'regions', generators: false },
  { path: 'generators', generators: true },
] as const;

function build(kernel: string, generators: boolean): CompiledKernel {
  if (!generators) return compileKernel(SOURCE, { target: 'js', kernel, fileName: FILE, debug: true });
  return jsDebugBuild(compileToIR(SOURCE, { kernel, fileName: FILE }), true);
}

const device = await createDevice({ backend: 'cpu', debug: true });
afterAll(() => device.dispose());

async function reported(d: Device): Promise<unknown> {
  const err = await d.synchronize().then(
    () => null,
    (e: unknown) => e,
  );
  // Reported once: the device is usable and has nothing more to say.
  await d.synchronize();
  return err;
}

function upload<T extends TypedArray>(data: T, keep: DeviceArray[]): DeviceArray<T> {
  const a = device.array(data);
  keep.push(a);
  return a;
}

/** A float input of N fresh random values, none zero. */
const input = (rng: Rng): Float32Array => rng.f32Array(N, 0.5, 2).map((v, i) => (i % 3 === 0 ? -v : v));

describe.each(PATHS)('cpu debug build, $path path', ({ generators }) => {
  it('reports a tree reduction missing its barrier, with both accesses and threads', async () => {
    const k = build('reduceRacy', generators);
    expect(k.code.includes('function*')).toBe(generators);
    const keep: DeviceArray[] = [];
    const rng = new Rng();
    device.launch(k, { grid: GRID, block: BLOCK }, upload(new Float32Array(GRID), keep), upload(input(rng), keep));
    const err = await reported(device);
    expect(err).toBeInstanceOf(KernelRaceError);
    const r = err as KernelRaceError;
    // Threads run x-fastest: thread 0 runs its whole loop, reading tile[1] at s = 1, before thread 1 writes it at s = 32.
    const read = where('reduceRacy', 'tile[t + s]');
    const write = where('reduceRacy', 'tile[t] = tile[t]');
    expect(r).toMatchObject({ kernel: 'reduceRacy', array: 'tile', index: 1, block: [0, 0, 0] });
    expect(r.first).toEqual({ thread: [0, 0, 0], access: 'read', ...read });
    expect(r.second).toEqual({ thread: [1, 0, 0], access: 'write', ...write });
    expect(r.message.split('\n')[0]).toBe(
      `kernel 'reduceRacy' has a data race on shared tile[1]: thread (0,0,0) read it at ${FILE}:${read.line}:${read.column} ` +
        `and thread (1,0,0) wrote it at ${FILE}:${write.line}:${write.column} with no syncthreads() between (block (0,0,0))`,
    );
    if (!generators) expect(r.message).toContain(SOURCE.split('\n')[read.line - 1]);
    keep.forEach((a) => a.dispose());
  });

  it('passes the reduction with its barrier, matching a float64 reference', async () => {
    const keep: DeviceArray[] = [];
    const rng = new Rng();
    const x = input(rng);
    const out = upload(new Float32Array(GRID), keep);
    device.launch(build('reduce', generators), { grid: GRID, block: BLOCK }, out, upload(x, keep));
    expect(await reported(device)).toBeNull();
    const got = await out.read();
    for (let b = 0; b < GRID; b++) {
      let want = 0;
      let magnitude = 0;
      for (let t = 0; t < BLOCK; t++) {
        want += x[b * BLOCK + t] as number;
        magnitude += Math.abs(x[b * BLOCK + t] as number);
      }
      // Six levels of f32 additions, each rounding by at most half an ulp.
      expect(Math.abs((got[b] as number) - want), `block ${b} (seed ${rng.seed})`).toBeLessThanOrEqual(magnitude * 6 * 2 ** -24);
    }
    keep.forEach((a) => a.dispose());
  });

  it('passes atomics on one shared element from every thread, matching exact counts', async () => {
    const keep: DeviceArray[] = [];
    const rng = new Rng();
    const n = N - 5;
    const keys = rng.i32Array(N, 1, 1000);
    const hist = upload(new Int32Array(16), keep);
    device.launch(build('histogram', generators), { grid: GRID, block: BLOCK }, hist, upload(keys, keep), n);
    expect(await reported(device)).toBeNull();
    const want = new Int32Array(16);
    for (let i = 0; i < n; i++) {
      const bin = (keys[i] as number) & 15;
      want[bin] = (want[bin] as number) + 1;
    }
    expect([...(await hist.read())], `seed ${rng.seed}`).toEqual([...want]);
    keep.forEach((a) => a.dispose());
  });

  it('reports a plain read of an element other threads update atomically in the same interval', async () => {
    const keep: DeviceArray[] = [];
    const rng = new Rng();
    device.launch(build('peek', generators), { grid: GRID, block: BLOCK }, upload(new Int32Array(N), keep), upload(rng.i32Array(N, 1, 1000), keep));
    const r = (await reported(device)) as KernelRaceError;
    expect(r).toBeInstanceOf(KernelRaceError);
    expect(r).toMatchObject({ array: 'count', index: 0, block: [0, 0, 0] });
    expect(r.first).toEqual({ thread: [0, 0, 0], access: 'read', ...where('peek', 'count[0];') });
    expect(r.second).toEqual({ thread: [1, 0, 0], access: 'atomic', ...where('peek', 'atomicAdd(count') });
    expect(r.message).toContain('thread (1,0,0) atomically updated it at');
    keep.forEach((a) => a.dispose());
  });
});

describe('cpu debug build without barriers', () => {
  it('reports a neighbour read with no barrier before it', async () => {
    const keep: DeviceArray[] = [];
    const rng = new Rng();
    device.launch(build('neighbourRacy', false), { grid: GRID, block: BLOCK }, upload(new Float32Array(N), keep), upload(input(rng), keep));
    const r = (await reported(device)) as KernelRaceError;
    expect(r).toBeInstanceOf(KernelRaceError);
    expect(r).toMatchObject({ kernel: 'neighbourRacy', array: 'tile', index: 1, block: [0, 0, 0] });
    expect(r.first).toEqual({ thread: [0, 0, 0], access: 'read', ...where('neighbourRacy', 'tile[(t + 1)') });
    expect(r.second).toEqual({ thread: [1, 0, 0], access: 'write', ...where('neighbourRacy', 'tile[t] = x[i]') });
    keep.forEach((a) => a.dispose());
  });

  it.each(PATHS)('passes the neighbour read after a barrier ($path path), matching a float64 reference', async ({ generators }) => {
    const keep: DeviceArray[] = [];
    const rng = new Rng();
    const x = input(rng);
    const out = upload(new Float32Array(N), keep);
    device.launch(build('neighbour', generators), { grid: GRID, block: BLOCK }, out, upload(x, keep));
    expect(await reported(device)).toBeNull();
    const got = await out.read();
    for (let i = 0; i < N; i++) {
      const b = i - (i % BLOCK);
      const want = (x[b + ((i + 1) % BLOCK)] as number) - (x[i] as number);
      expect(Math.abs((got[i] as number) - want), `element ${i} (seed ${rng.seed})`).toBeLessThanOrEqual(Math.abs(want) * 2 ** -24);
    }
    keep.forEach((a) => a.dispose());
  });

  it('adds no race checks where there is nothing to check, and none to default builds', () => {
    const plain = compileKernel(SOURCE, { target: 'js', kernel: 'reduceRacy', fileName: FILE });
    expect(plain.code).not.toContain('ks_race');
    const debug = compileKernel(SOURCE, { target: 'js', kernel: 'reduceRacy', fileName: FILE, debug: true });
    expect(debug.meta.debug?.syncs).toBeDefined();
    const noShared = `import { kernel } from 'kernelscript';\nexport const k = kernel(function k(y: Float32Array) { y[threadIdx.x] = 1; });\n`;
    const k = compileKernel(noShared, { target: 'js', fileName: 'k.ts', debug: true });
    expect(k.meta.debug?.syncs).toBeUndefined();
    expect(k.code).not.toContain('ks_race');
  });
});

describe('every case kernel with shared memory or barriers, debug build on the generator path', () => {
  // (test/debug/cases.test.ts runs them all in debug mode the default way, on regions.)
  const cases = caseKernels()
    .map((c) => ({ ...c, ir: compileToIR(c.source, { kernel: c.kernel, fileName: c.fileName }) }))
    .filter((c) => c.ir.usesBarrier || c.ir.shared.length > 0);
  it('finds such kernels among the cases', () => expect(cases.length).toBeGreaterThan(3));
  for (const c of cases) {
    it(`${c.caseName}.${c.kernel}: no report, and its reference`, async () => {
      const k = jsDebugBuild(c.ir, true);
      const mod = (await import(`${CASES_DIR}${c.caseName}.ts`)) as { spec?: CaseSpec; specs?: CaseSpec[] };
      const specs = (mod.specs ?? (mod.spec ? [mod.spec] : [])).filter((s) => s.kernel === c.kernel);
      expect(specs.length).toBeGreaterThan(0);
      for (const spec of specs) {
        const rng = new Rng();
        const run = spec.make(rng);
        const copy = (a: HostArg): HostArg => (typeof a === 'object' ? a.slice() : a);
        const ref = spec.reference(run.args.map(copy));
        const keep: DeviceArray[] = [];
        const arrays = run.args.map((a) => (typeof a === 'object' ? upload(a.slice(), keep) : null));
        const args: LaunchArg[] = run.args.map((a, i) => arrays[i] ?? (a as number | boolean));
        for (let r = 0; r < (spec.repeat ?? 1); r++) device.launch(k, { grid: run.grid, block: run.block }, ...args);
        expect(await reported(device), `seed ${rng.seed}`).toBeNull();
        for (const [i, want] of Object.entries(ref)) {
          const got = await (arrays[Number(i)] as DeviceArray).read();
          checkOutput(spec, Number(i), `${c.kernel} argument ${i} (seed ${rng.seed})`, got, want, 'cpu', run.args);
        }
        keep.forEach((a) => a.dispose());
      }
    });
  }
});

// Divergent barriers. The compiler refuses both as TypeScript, so they are built as IR by hand.
const HAND = 'hand.ts';
const at = (line: number, column = 3): ReturnType<typeof irBuilder> =>
  irBuilder({ file: HAND, line, column, endLine: line, endColumn: column + 10 } satisfies Span);

/**
 * 2  const t = threadIdx.x;  const i = blockIdx.x * blockDim.x + t;
 * 3  if (x[i] < 0) {  return;  }              (early: true)
 * 4  tile[t] = x[i];
 * 5  if (x[i] > 0) {  syncthreads();  }       (early: false; else a plain syncthreads() on line 6)
 * 6    syncthreads();
 * 7  out[i] = tile[t] * 2;
 */
function divergent(early: boolean): KernelIR {
  const k = irBuilder({ file: HAND, line: 1, column: 1, endLine: 8, endColumn: 3 });
  const xi = (line: number): ReturnType<typeof k.idx> => at(line).idx('x', at(line).load('i', 'i32'), 'f32');
  const t = at(2).load('t', 'i32');
  const body = [
    at(2).let_('t', 'i32', at(2).tid(), false),
    at(2, 25).let_('i', 'i32', at(2, 25).add(at(2, 25).mul(at(2, 25).bid(), at(2, 25).bdim()), t), false),
    ...(early ? [at(3).if_(at(3).lt(xi(3), at(3).f(0)), [at(3, 20).ret()])] : []),
    at(4).store('tile', t, xi(4)),
    early ? at(6, 5).barrier : at(5, 7).if_(at(5, 7).lt(at(5, 7).f(0), xi(5)), [at(6, 5).barrier]),
    at(7).store('out', at(7).load('i', 'i32'), at(7).mul(at(7).idx('tile', t, 'f32'), at(7).f(2))),
  ];
  return k.kernelIR(early ? 'earlyExit' : 'branchBarrier', [k.array('out', 'f32', 'write'), k.array('x', 'f32', 'read')], body, {
    shared: [k.shared('tile', 'f32', 64)],
  });
}

describe('divergent barriers', () => {
  it('are compile errors when written in the language', () => {
    const src = (body: string): string =>
      `import { kernel, sharedArray, syncthreads } from 'kernelscript';\nexport const k = kernel(function k(out: Float32Array, x: Float32Array) {\n` +
      `  const tile = sharedArray(Float32Array, 64);\n  const t = threadIdx.x;\n  const i = blockIdx.x * blockDim.x + t;\n${body}\n  out[i] = tile[63 - t];\n});\n`;
    const codes = (body: string): string[] => {
      try {
        compileKernel(src(body), { target: 'js', fileName: 'k.ts', debug: true });
        return [];
      } catch (e) {
        expect(e).toBeInstanceOf(KernelCompileError);
        return (e as KernelCompileError).diagnostics.map((d) => d.code);
      }
    };
    expect(codes('  if (x[i] < 0) {\n    return;\n  }\n  tile[t] = x[i];\n  syncthreads();')).toEqual(['KS5004']);
    expect(codes('  tile[t] = x[i];\n  if (x[i] > 0) {\n    syncthreads();\n  }')).toEqual(['KS5001']);
  });

  /** x for one launch: random, none zero, thread 0 positive and thread 3 negative, so block 0 diverges. */
  function signs(rng: Rng): { x: Float32Array; firstNegative: number } {
    const x = input(rng);
    x[0] = Math.abs(x[0] as number);
    x[3] = -Math.abs(x[3] as number);
    return { x, firstNegative: x.findIndex((v) => v < 0) };
  }

  async function launch(k: CompiledKernel, x: Float32Array): Promise<KernelDivergenceError> {
    const keep: DeviceArray[] = [];
    device.launch(k, { grid: GRID, block: BLOCK }, upload(new Float32Array(N), keep), upload(x, keep));
    const err = await reported(device);
    keep.forEach((a) => a.dispose());
    expect(err).toBeInstanceOf(KernelDivergenceError);
    return err as KernelDivergenceError;
  }

  it('reports an early return guarded by data (generators: regions cannot hold it)', async () => {
    const k = jsDebugBuild(divergent(true), false);
    expect(k.code).toContain('function*');
    const { x, firstNegative } = signs(new Rng());
    const d = await launch(k, x);
    expect(d).toMatchObject({ kernel: 'earlyExit', block: [0, 0, 0], barrier: { file: HAND, line: 6, column: 5 } });
    expect(d.first).toEqual({ thread: [0, 0, 0], at: 'barrier', file: HAND, line: 6, column: 5 });
    expect(d.second).toEqual({ thread: [firstNegative, 0, 0], at: 'return', file: HAND, line: 3, column: 20 });
    expect(d.message.split('\n')[0]).toBe(
      `kernel 'earlyExit' has a divergent barrier: thread (0,0,0) waits at syncthreads() at ${HAND}:6:5 ` +
        `but thread (${firstNegative},0,0) returned at ${HAND}:3:20 without reaching it (block (0,0,0))`,
    );
  });

  it('reports a barrier under a data-dependent if on the generator path', async () => {
    const { x, firstNegative } = signs(new Rng());
    const d = await launch(jsDebugBuild(divergent(false), true), x);
    expect(d.first).toEqual({ thread: [0, 0, 0], at: 'barrier', file: HAND, line: 6, column: 5 });
    expect(d.second).toEqual({ thread: [firstNegative, 0, 0], at: 'end', file: HAND, line: 8, column: 1 });
    expect(d.message).toContain(`but thread (${firstNegative},0,0) ran to the end of the kernel (${HAND}:8) without reaching it`);
  });

  it('reports a barrier under a data-dependent if on the regions path: threads disagree with thread 0', async () => {
    const k = jsDebugBuild(divergent(false), false);
    expect(k.code).not.toContain('function*');
    const { x, firstNegative } = signs(new Rng());
    const d = await launch(k, x);
    expect(d).toMatchObject({ kernel: 'branchBarrier', block: [0, 0, 0], barrier: { file: HAND, line: 6, column: 5 } });
    expect(d.first).toEqual({ thread: [0, 0, 0], at: 'condition', value: true, file: HAND, line: 5, column: 7 });
    expect(d.second).toEqual({ thread: [firstNegative, 0, 0], at: 'condition', value: false, file: HAND, line: 5, column: 7 });
    expect(d.message.split('\n')[0]).toBe(
      `kernel 'branchBarrier' has a divergent barrier: the condition at ${HAND}:5:7 decides whether threads reach ` +
        `syncthreads() at ${HAND}:6:5, and it is true for thread (0,0,0) but false for thread (${firstNegative},0,0) (block (0,0,0))`,
    );
  });
});
