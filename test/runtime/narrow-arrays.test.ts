// 8- and 16-bit arrays at the runtime's edges, on every device: lengths that end inside a 32-bit
// word (WebGPU rounds buffers up to 16 bytes and packs the elements in words), reads that return
// exactly the elements asked for, and launch checks that name the element type a kernel wants.
import { afterAll, describe, expect, it } from 'vitest';
import type { Device } from '../../runtime/types.js';
import { TARGET, closeDevices, openDevices } from '../helpers/devices.js';
import { createDevice } from '../../runtime/index.js';
import { KernelFaultError } from '../../runtime/errors.js';
import { runSource } from '../frontend/run.js';
import { compileKernel } from '../../compiler/index.js';
import { INLINE_FILE } from '../frontend/run.js';
import { Rng } from '../helpers/case.js';

const SRC = `import { kernel, blockDim, blockIdx, threadIdx, type i32 } from 'kernelscript';
export const bump = kernel(function bump(a: Uint8Array, b: Int16Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    a[i] = a[i] + 100;
    b[i] = b[i] * -3 + i;
  }
});
`;

const slots = await openDevices(['cpu', 'webgpu', 'cuda']);
afterAll(() => closeDevices(slots));

for (const slot of slots) {
  describe.skipIf(!slot.device)(`narrow arrays on ${slot.backend}${slot.device ? '' : ` (skipped: ${slot.reason})`}`, () => {
    const gpu = slot.device as Device;

    it.each([1, 2, 3, 5, 7, 9, 130])('%i elements: a kernel updates every one, and read() gives exactly n back', async (n) => {
      const rng = new Rng();
      const a = Uint8Array.from({ length: n }, () => rng.int(0, 256));
      const b = Int16Array.from({ length: n }, () => rng.int(-32768, 32768));
      // Threads past n exist (blocks of 64); elements sharing the last word with the padding must
      // still come out right.
      const [outA, outB] = await runSource(gpu, SRC, 'bump', [a, b, n], Math.ceil(n / 64), 64);
      expect(outA).toBeInstanceOf(Uint8Array);
      expect(outB).toBeInstanceOf(Int16Array);
      expect(outA?.length).toBe(n);
      expect(outB?.length).toBe(n);
      expect(Array.from(outA ?? []), `seed ${rng.seed}`).toEqual(Array.from(a, (v) => (v + 100) & 0xff));
      expect(Array.from(outB ?? []), `seed ${rng.seed}`).toEqual(Array.from(b, (v, i) => (((v * -3 + i) << 16) >> 16)));
    });

    it('a 7-byte array round-trips through array(), write() and read()', async () => {
      const data = Uint8Array.from([1, 255, 0, 128, 7, 77, 200]);
      const d = gpu.array(data);
      expect(Array.from(await d.read())).toEqual(Array.from(data));
      const next = Uint8Array.from([9, 8, 7, 6, 5, 4, 3]);
      d.write(next);
      const out = await d.read();
      expect(out.length).toBe(7);
      expect(Array.from(out)).toEqual(Array.from(next));
      d.dispose();
    });

    it('debug builds bound element indices by the element count, not the words', async () => {
      const dbg = await createDevice({ backend: slot.backend, debug: true });
      const a = dbg.array(Uint8Array.from([1, 2, 3, 4, 5, 6, 7]));
      const b = dbg.alloc(Int16Array, 8);
      try {
        const k = compileKernel(SRC, { target: TARGET[slot.backend], kernel: 'bump', fileName: INLINE_FILE, debug: true });
        // Thread 7 reads a[7]: inside the last 32-bit word of a's storage, past its 7 elements.
        dbg.launchCompiled(k, { grid: 1, block: 8 }, [a, b, 8]);
        const e = await dbg.synchronize().then(
          () => null,
          (x: unknown) => x,
        );
        expect(e).toBeInstanceOf(KernelFaultError);
        expect(e).toMatchObject({ array: 'a', index: 7, length: 7 });
        // The access was skipped: the elements before it were updated, none past the end.
        expect(Array.from(await a.read())).toEqual([101, 102, 103, 104, 105, 106, 107]);
      } finally {
        a.dispose();
        b.dispose();
        dbg.dispose();
      }
    });

    it('launch checks name the element type the kernel wants', () => {
      const k = compileKernel(SRC, { target: TARGET[slot.backend], kernel: 'bump', fileName: INLINE_FILE });
      const wrong = gpu.alloc(Int8Array, 4);
      const b = gpu.alloc(Int16Array, 4);
      try {
        expect(() => gpu.launchCompiled(k, { grid: 1, block: 4 }, [wrong, b, 4])).toThrow(
          /parameter 'a' \(argument 1\): expected a Uint8Array device array, got a Int8Array\(4\) device array/,
        );
        expect(() => gpu.launchCompiled(k, { grid: 1, block: 4 }, [new Uint8Array(4) as never, b, 4])).toThrow(
          /expected a Uint8Array device array, got .*upload it with array\(\) first/,
        );
      } finally {
        wrong.dispose();
        b.dispose();
      }
    });
  });
}
