// Debug mode through helpers that take arrays: an out-of-bounds access inside an inlined helper is
// reported at the helper's line and column (the array as the helper spells it), on every backend,
// for a global array written through an out-parameter and a per-thread array read through one.
import { afterAll, describe, expect, it } from 'vitest';
import { compileKernel, createDevice, KernelFaultError } from '../../index.js';
import type { Device, DeviceArray } from '../../runtime/types.js';
import { Rng } from '../helpers/case.js';
import { closeDevices, openDevices, TARGET } from '../helpers/devices.js';
import { whereIn } from '../helpers/marked.js';

const FILE = 'test/debug/helper-planted.ts';
const SOURCE = `import { kernel, localArray, f32, type i32 } from 'kernelscript';

function put(dst: Float32Array, j: i32, v: f32): void {
  dst[j] = v;
}

function get(a: Float32Array, j: i32): f32 {
  return a[j];
}

export const write = kernel(function write(out: Float32Array, x: Float32Array, n: i32, bad: i32, at: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    put(out, i == bad ? at : i, x[i] * 2);
  }
});

export const local = kernel(function local(out: Float32Array, x: Float32Array, n: i32, bad: i32, at: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    const t = localArray(Float32Array, 4);
    for (let k = 0; k < 4; k++) put(t, k, x[i] * f32(k + 1));
    out[i] = get(t, i == bad ? at : i % 4);
  }
});
`;

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

async function fault(device: Device): Promise<KernelFaultError> {
  const err = await device.synchronize().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(KernelFaultError);
  await device.synchronize();
  return err as KernelFaultError;
}

for (const slot of debugSlots) {
  const skip = slot.debug ? '' : ` (skipped: ${slot.reason})`;
  describe.skipIf(!slot.debug)(`faults inside helpers on ${slot.backend}${skip}`, () => {
    const d = (): Device => slot.debug as Device;
    const arrays: DeviceArray[] = [];
    const upload = (data: Float32Array): DeviceArray<Float32Array> => {
      const a = d().array(data);
      arrays.push(a);
      return a;
    };
    afterAll(() => {
      for (const a of arrays) a.dispose();
    });
    const build = (kernel: string) => compileKernel(SOURCE, { target: TARGET[d().backend], kernel, fileName: FILE, debug: true });

    it("names the helper's line for a write through an out-parameter, and writes nothing there", async () => {
      const rng = new Rng();
      const n = rng.int(200, 600);
      const bad = rng.int(0, n);
      const at = n + rng.int(0, 40);
      const x = rng.f32Array(n);
      const before = rng.f32Array(n);
      const out = upload(before);
      d().launchCompiled(build('write'), { grid: Math.ceil(n / BLOCK), block: BLOCK }, [out, upload(x), n, bad, at]);
      const f = await fault(d());
      expect(f).toMatchObject({ kernel: 'write', array: 'dst', access: 'write', index: at, length: n, file: FILE, ...where('dst[j] = v') });
      expect(f.thread[0] + BLOCK * f.block[0]).toBe(bad);
      expect(f.message).toContain('  dst[j] = v;');
      const want = Float64Array.from(x, (v) => Math.fround(2 * v));
      want[bad] = before[bad] as number;
      expect(Array.from(await out.read())).toEqual(Array.from(want));
    });

    it("names the helper's line for a read of a per-thread array passed to it, which gives 0", async () => {
      const rng = new Rng();
      const n = rng.int(200, 600);
      const bad = rng.int(0, n);
      const at = -rng.int(1, 40);
      const x = rng.f32Array(n);
      const out = upload(rng.f32Array(n));
      d().launchCompiled(build('local'), { grid: Math.ceil(n / BLOCK), block: BLOCK }, [out, upload(x), n, bad, at]);
      const f = await fault(d());
      expect(f).toMatchObject({ kernel: 'local', array: 'a', access: 'read', index: at, length: 4, file: FILE, ...where('a[j]') });
      expect(f.thread[0] + BLOCK * f.block[0]).toBe(bad);
      const want = Float64Array.from(x, (v, i) => Math.fround(v * ((i % 4) + 1)));
      want[bad] = 0;
      expect(Array.from(await out.read())).toEqual(Array.from(want));
    });
  });
}
