// Debug mode: a planted out-of-bounds access (global, shared and local arrays; an index above the
// length and a negative one; reads, writes and atomics) throws a KernelFaultError at the next
// synchronize()/read() naming the kernel, array, index, length, thread, block and TS position, on
// every available backend; the faulting access is skipped (nothing written, a read gives 0), every
// other element is computed as in a float64 reference, and the device stays usable.
import { afterAll, describe, expect, it } from 'vitest';
import { compileKernel, createDevice, KernelFaultError, LaunchError, type CompiledKernel, type KernelFault } from '../../index.js';
import type { Device, DeviceArray } from '../../runtime/types.js';
import { loadCase } from '../helpers/case-modules.js';
import type { Kernel } from '../../core/kernel.js';
import { Rng } from '../helpers/case.js';
import { closeDevices, openDevices, TARGET } from '../helpers/devices.js';
import { whereIn } from '../helpers/marked.js';
import { FILE, SOURCE } from './planted.js';

const { saxpy } = await loadCase<{ saxpy: Kernel<(a: number, x: Float32Array, y: Float32Array, n: number) => void> }>('saxpy.ts');

const where = (snippet: string): { line: number; column: number } => whereIn(SOURCE, snippet);

const BLOCK = 64;
const slots = await openDevices();
afterAll(() => closeDevices(slots));

const debugSlots = await Promise.all(
  slots.map(async (s) => ({ ...s, debug: s.device ? await createDevice({ backend: s.backend, debug: true }) : null })),
);
afterAll(() => {
  for (const s of debugSlots) s.debug?.dispose();
});

const builds = new Map<string, CompiledKernel>();
function build(kernel: string, device: Device, debug = true): CompiledKernel {
  const target = TARGET[device.backend];
  const key = `${kernel} ${target} ${debug}`;
  let k = builds.get(key);
  if (!k) builds.set(key, (k = compileKernel(SOURCE, { target, kernel, fileName: FILE, debug })));
  return k;
}

/** The fault the next synchronize() throws, checked against what the planted access must report. */
async function expectFault(device: Device, want: Partial<KernelFault> & { snippet: string }): Promise<KernelFaultError> {
  const err = await device.synchronize().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(KernelFaultError);
  const f = err as KernelFaultError;
  const { snippet, ...fields } = want;
  expect(f).toMatchObject({ ...fields, file: FILE, ...where(snippet) });
  expect(f.message).toContain(`${f.array}[${f.index}] but ${f.array} has ${f.length} element`);
  expect(f.message).toContain(`(thread (${f.thread.join(',')}) of block (${f.block.join(',')}))`);
  expect(f.message).toContain(`at ${FILE}:${f.line}:${f.column}`);
  // The code frame quotes the source line.
  expect(f.message).toContain(SOURCE.split('\n')[f.line - 1]);
  // The record was reset: the device is usable and has nothing more to report.
  await device.synchronize();
  return f;
}

/** Thread `bad`'s place in a 1-D launch of BLOCK-thread blocks. */
const place = (bad: number): { thread: [number, number, number]; block: [number, number, number] } => ({
  thread: [bad % BLOCK, 0, 0],
  block: [Math.floor(bad / BLOCK), 0, 0],
});

function upload<T extends Float32Array | Int32Array>(device: Device, data: T, keep: DeviceArray[]): DeviceArray<T> {
  const a = device.array(data);
  keep.push(a);
  return a;
}

for (const slot of debugSlots) {
  const skip = slot.debug ? '' : ` (skipped: ${slot.reason})`;
  describe.skipIf(!slot.debug)(`debug mode on ${slot.backend}${skip}`, () => {
    const d = (): Device => slot.debug as Device;
    const arrays: DeviceArray[] = [];
    afterAll(() => {
      for (const a of arrays) a.dispose();
    });

    for (const side of ['above', 'negative'] as const) {
      const outside = (rng: Rng, length: number): number => (side === 'above' ? length + rng.int(0, 40) : -rng.int(1, 40));

      it(`reports a global write ${side} the length, and writes nothing (a neighbouring array keeps its contents)`, async () => {
        const rng = new Rng();
        const n = rng.int(200, 600);
        const bad = rng.int(0, n);
        const at = outside(rng, n);
        const x = rng.f32Array(n);
        const before = rng.f32Array(n);
        const out = upload(d(), before, arrays);
        const neighbour = upload(d(), rng.f32Array(64), arrays);
        const neighbourBefore = await neighbour.read();
        d().launchCompiled(build('write', d()), { grid: Math.ceil(n / BLOCK), block: BLOCK }, [out, upload(d(), x, arrays), n, bad, at]);
        await expectFault(d(), { kernel: 'write', array: 'out', access: 'write', index: at, length: n, ...place(bad), snippet: 'out[j] = x[i] * 2' });
        const want = Float64Array.from(x, (v) => 2 * v);
        want[bad] = before[bad] as number;
        expect(Array.from(await out.read())).toEqual(Array.from(want));
        expect(await neighbour.read()).toEqual(neighbourBefore);
      });

      it(`reports a global read ${side} the length (in a condition's right operand), which gives 0`, async () => {
        const rng = new Rng();
        const n = rng.int(200, 600);
        const bad = rng.int(0, n);
        const at = outside(rng, n);
        const x = rng.f32Array(n);
        const out = upload(d(), rng.f32Array(n), arrays);
        d().launchCompiled(build('read', d()), { grid: Math.ceil(n / BLOCK), block: BLOCK }, [out, upload(d(), x, arrays), n, bad, at]);
        // The first faulting access of thread `bad` is x[at] in the condition (0 > -2 holds).
        await expectFault(d(), { kernel: 'read', array: 'x', access: 'read', index: at, length: n, ...place(bad), snippet: 'x[at]' });
        const want = Float64Array.from(x, (v) => Math.fround(v + 1));
        want[bad] = 1;
        expect(Array.from(await out.read())).toEqual(Array.from(want));
      });

      it(`reports a u32 index ${side} the length with its u32 value`, async () => {
        const rng = new Rng();
        const n = rng.int(200, 600);
        const bad = rng.int(0, n);
        const at = outside(rng, n);
        const x = rng.f32Array(n);
        const out = upload(d(), rng.f32Array(n), arrays);
        d().launchCompiled(build('readU32', d()), { grid: Math.ceil(n / BLOCK), block: BLOCK }, [out, upload(d(), x, arrays), n, bad, at]);
        await expectFault(d(), { array: 'x', access: 'read', index: at >>> 0, length: n, ...place(bad), snippet: 'x[u32(' });
        const want = Float64Array.from(x, (v) => Math.fround(v - 1));
        want[bad] = -1;
        expect(Array.from(await out.read())).toEqual(Array.from(want));
      });

      for (const w of [0, 1]) {
        it(`reports a shared ${w ? 'write' : 'read'} ${side} the length`, async () => {
          const rng = new Rng();
          const blocks = rng.int(2, 6);
          const n = blocks * BLOCK;
          const bad = rng.int(0, n);
          const at = outside(rng, BLOCK);
          const x = rng.f32Array(n);
          const out = upload(d(), rng.f32Array(n), arrays);
          d().launchCompiled(build('shared', d()), { grid: blocks, block: BLOCK }, [out, upload(d(), x, arrays), bad, at, w]);
          const snippet = w ? 's[at] = 5' : 's[w == 0';
          await expectFault(d(), { kernel: 'shared', array: 's', access: w ? 'write' : 'read', index: at, length: BLOCK, ...place(bad), snippet });
          // Each block reverses its slice of x; the skipped write changed nothing.
          const want = Float64Array.from(x, (_, i) => x[i - (i % BLOCK) + BLOCK - 1 - (i % BLOCK)] as number);
          if (!w) want[bad] = 0;
          expect(Array.from(await out.read())).toEqual(Array.from(want));
        });

        it(`reports a local ${w ? 'write' : 'read'} ${side} the length`, async () => {
          const rng = new Rng();
          const n = rng.int(200, 600);
          const bad = rng.int(0, n);
          const at = outside(rng, 4);
          const x = rng.f32Array(n);
          const out = upload(d(), rng.f32Array(n), arrays);
          d().launchCompiled(build('local', d()), { grid: Math.ceil(n / BLOCK), block: BLOCK }, [out, upload(d(), x, arrays), n, bad, at, w]);
          const snippet = w ? 't[j] = x[i]' : 't[j] + t';
          await expectFault(d(), { kernel: 'local', array: 't', access: w ? 'write' : 'read', index: at, length: 4, ...place(bad), snippet });
          const scaled = (i: number): number => Math.fround((x[i] as number) * ((i % 4) + 1));
          const want = Float64Array.from(x, (v, i) => (w ? 2 * v : 2 * scaled(i)));
          want[bad] = scaled(bad);
          expect(Array.from(await out.read())).toEqual(Array.from(want));
        });
      }

      it(`reports an atomic ${side} the length, and counts every other key exactly`, async () => {
        const rng = new Rng();
        const n = rng.int(500, 2000);
        const bins = rng.int(8, 40);
        const bad = rng.int(0, n);
        const at = outside(rng, bins);
        const keys = rng.i32Array(n, 0, bins);
        const hist = upload(d(), new Int32Array(bins), arrays);
        d().launchCompiled(build('histogram', d()), { grid: Math.ceil(n / BLOCK), block: BLOCK }, [hist, upload(d(), keys, arrays), n, bad, at]);
        await expectFault(d(), { kernel: 'histogram', array: 'hist', access: 'atomic', index: at, length: bins, ...place(bad), snippet: 'atomicAdd(' });
        const want = new Int32Array(bins);
        keys.forEach((k, i) => {
          if (i !== bad) want[k] = (want[k] ?? 0) + 1;
        });
        expect(await hist.read()).toEqual(want);
      });
    }

    it('evaluates an index once, in order (an atomic in an index runs once per thread)', async () => {
      const rng = new Rng();
      const n = rng.int(200, 600);
      const out = upload(d(), rng.f32Array(n), arrays);
      const count = upload(d(), new Int32Array(1), arrays);
      d().launchCompiled(build('once', d()), { grid: Math.ceil(n / BLOCK), block: BLOCK }, [out, count, n]);
      expect(Array.from(await count.read())).toEqual([n]);
      // Every thread wrote its own index into a distinct slot: the slots hold 0..n-1 in some order.
      expect(Array.from(await out.read()).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    });

    it('throws the fault from read() too, and the first of several launches wins', async () => {
      const rng = new Rng();
      const n = rng.int(200, 600);
      const x = upload(d(), rng.f32Array(n), arrays);
      const out = upload(d(), rng.f32Array(n), arrays);
      const [first, second] = [rng.int(0, n), rng.int(0, n)];
      d().launchCompiled(build('write', d()), { grid: Math.ceil(n / BLOCK), block: BLOCK }, [out, x, n, first, n + 1]);
      d().launchCompiled(build('read', d()), { grid: Math.ceil(n / BLOCK), block: BLOCK }, [out, x, n, second, -1]);
      const err = await out.read().then(() => null, (e: unknown) => e);
      expect(err).toMatchObject({ name: 'KernelFaultError', kernel: 'write', index: n + 1, ...place(first) });
      await d().synchronize();
    });

    it('runs a kernel(...) object checked, compiled from its TS source, quoting that source', async () => {
      const rng = new Rng();
      const m = rng.int(100, 400);
      const x = upload(d(), rng.f32Array(m), arrays);
      const y = upload(d(), rng.f32Array(m + 1), arrays);
      // n is one more than x holds: thread m reads x[m].
      d().launch(saxpy, { grid: Math.ceil((m + 1) / BLOCK), block: BLOCK }, rng.f32(), x, y, m + 1);
      const err = await d().synchronize().then(() => null, (e: unknown) => e);
      expect(err).toMatchObject({ name: 'KernelFaultError', kernel: 'saxpy', array: 'x', index: m, length: m, ...place(m), line: 7, column: 16 });
      expect((err as Error).message).toMatch(/test\/cases\/saxpy\.ts:7:16\n\n7 {5}y\[i\] = a \* x\[i\] \+ y\[i\];\n {17}~~~~\n?$/);
    });

    it('refuses a default build, and accepts a debug build on a device not in debug mode', async () => {
      expect(() => d().launchCompiled(build('write', d(), false), { grid: 1, block: BLOCK }, [])).toThrow(LaunchError);
      expect(() => d().launchCompiled(build('write', d(), false), { grid: 1, block: BLOCK }, [])).toThrow(/default build.*debug mode/);
      const plain = slot.device as Device;
      const rng = new Rng();
      const n = rng.int(100, 300);
      const out = plain.array(rng.f32Array(n));
      const x = plain.array(rng.f32Array(n));
      try {
        plain.launchCompiled(build('write', plain), { grid: Math.ceil(n / BLOCK), block: BLOCK }, [out, x, n, 0, -5]);
        await expect(plain.synchronize()).rejects.toMatchObject({ name: 'KernelFaultError', index: -5 });
      } finally {
        out.dispose();
        x.dispose();
      }
    });
  });
}

describe('createDevice({ debug })', () => {
  it('takes KERNELSCRIPT_DEBUG=1 where the program does not say, and refuses a non-boolean', async () => {
    const before = process.env.KERNELSCRIPT_DEBUG;
    process.env.KERNELSCRIPT_DEBUG = '1';
    try {
      const on = await createDevice({ backend: 'cpu' });
      const off = await createDevice({ backend: 'cpu', debug: false });
      expect([on.debug, off.debug]).toEqual([true, false]);
      on.dispose();
      off.dispose();
    } finally {
      if (before === undefined) delete process.env.KERNELSCRIPT_DEBUG;
      else process.env.KERNELSCRIPT_DEBUG = before;
    }
    const plain = await createDevice({ backend: 'cpu' });
    expect(plain.debug).toBe(process.env.KERNELSCRIPT_DEBUG === '1');
    plain.dispose();
    await expect(createDevice({ backend: 'cpu', debug: 'yes' as unknown as boolean })).rejects.toThrow(/debug must be a boolean/);
  });
});
