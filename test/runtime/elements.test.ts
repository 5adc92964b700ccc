// The element table against reality: host array widths and names, and each device's memory for
// every element type (zero-filled allocation, exact round trip of arbitrary bits).
import { afterAll, describe, expect, it } from 'vitest';
import { Float16Array as Float16Polyfill, isFloat16Array } from '@petamoriken/float16';
import {
  ELEMENTS,
  Float16Array,
  ELEM_TYPES,
  arrayTypeList,
  elementBytes,
  elementOfArray,
  elementOfArrayName,
  elementOfCtor,
  newHostArray,
} from '../../core/elements.js';
import type { ElemType } from '../../core/ir/types.js';
import type { BaseArray } from '../../runtime/device.js';
import type { Device, TypedArray, TypedArrayCtor } from '../../runtime/types.js';
import { Rng } from '../helpers/case.js';
import { Float16Array as PackageFloat16Array } from '../../index.js';
import { Float16Array as RuntimeFloat16Array } from '../../runtime.js';
import { closeDevices, openDevices } from '../helpers/devices.js';

const bytesOf = (a: TypedArray): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** `n` elements of `type` with random bits (NaN payloads included: copies must keep every bit). */
function randomArray(rng: Rng, type: ElemType, n: number): TypedArray {
  const a = newHostArray(type, n);
  const b = bytesOf(a);
  for (let i = 0; i < b.length; i++) b[i] = rng.int(0, 256);
  return a;
}

describe('the element table', () => {
  it.each(ELEM_TYPES)('%s: its row matches its host array', (e) => {
    const row = ELEMENTS[e];
    expect(row.name).toBe(e);
    expect(row.host.BYTES_PER_ELEMENT).toBe(row.bytes);
    expect(elementBytes(e, 7)).toBe(7 * row.bytes);
    const a = newHostArray(e, 3);
    expect(a).toBeInstanceOf(row.host);
    expect(a.length).toBe(3);
    expect(elementOfArray(a)).toBe(e);
    expect(elementOfCtor(row.host)).toBe(e);
    expect(elementOfArrayName(row.host.name)).toBe(e);
    expect(elementOfArrayName(a.constructor.name)).toBe(e);
  });

  it('gives one row per host array type', () => {
    const hosts = new Set(ELEM_TYPES.map((e) => ELEMENTS[e].host));
    expect(hosts.size).toBe(ELEM_TYPES.length);
  });

  it('refuses what is not an element array', () => {
    const others = [new Uint8ClampedArray(1), new BigInt64Array(1), new BigUint64Array(1), new DataView(new ArrayBuffer(4)), new ArrayBuffer(4)];
    for (const v of [...others, [1], 1, null, undefined, {}]) {
      expect(elementOfArray(v)).toBeNull();
    }
    expect(elementOfCtor(Uint8ClampedArray)).toBeNull();
    expect(elementOfCtor(Array)).toBeNull();
    for (const name of ['Uint8ClampedArray', 'BigInt64Array', 'Array', 'constructor', 'toString', '__proto__', '']) {
      expect(elementOfArrayName(name)).toBeNull();
    }
  });

  it('lists the host array types as the diagnostics spell them', () => {
    expect(arrayTypeList()).toBe(
      'Float32Array, Int32Array, Uint32Array, Uint8Array, Int8Array, Uint16Array, Int16Array, Float16Array or Float64Array',
    );
  });

  it('reads 8- and 16-bit elements as their value type', () => {
    expect([ELEMENTS.u8.value, ELEMENTS.u16.value, ELEMENTS.i8.value, ELEMENTS.i16.value]).toEqual(['u32', 'u32', 'i32', 'i32']);
    expect(ELEM_TYPES.filter((e) => ELEMENTS[e].atomics)).toEqual(['f32', 'i32', 'u32']);
  });

  it('exports a Float16Array: the platform one where there is one, else the polyfill', () => {
    const native = (globalThis as { Float16Array?: unknown }).Float16Array;
    expect(Float16Array).toBe(native ?? Float16Polyfill);
    expect(ELEMENTS.f16.host).toBe(Float16Array);
    const a = Float16Array.from([1.5, -2, 65504, 1e-8]);
    expect(isFloat16Array(a)).toBe(true);
    expect(elementOfArray(a)).toBe('f16');
    expect(Array.from(a)).toEqual([1.5, -2, 65504, 0]);
    expect(Array.from(new Uint16Array(a.buffer))).toEqual([0x3e00, 0xc000, 0x7bff, 0]);
    // A Uint16Array over the same bytes is a u16 array, not an f16 one.
    expect(elementOfArray(new Uint16Array(a.buffer))).toBe('u16');
    expect(PackageFloat16Array).toBe(Float16Array);
    expect(RuntimeFloat16Array).toBe(Float16Array);
  });
});

const slots = await openDevices(['cpu', 'webgpu', 'cuda']);
afterAll(() => closeDevices(slots));

for (const slot of slots) {
  describe.skipIf(!slot.device)(`element memory on ${slot.backend}${slot.device ? '' : ` (skipped: ${slot.reason})`}`, () => {
    const gpu = slot.device as Device;
    // Odd byte lengths too (7 Uint8Array elements): WebGPU buffers and copies round up to 4 bytes.
    const lengths = [0, 1, 3, 7, 257];

    it.each(ELEM_TYPES)('%s: alloc() reads back zero-filled, of the right length and type', async (e) => {
      // One element type at a time: widen the row's constructor to what alloc() takes.
      const host: TypedArrayCtor = ELEMENTS[e].host;
      for (const n of lengths) {
        const d = gpu.alloc(host, n);
        expect(d.type).toBe(e);
        expect((d as unknown as BaseArray).byteLength).toBe(n * ELEMENTS[e].bytes);
        const out = await d.read();
        expect(out).toBeInstanceOf(host);
        expect(out.length).toBe(n);
        expect(bytesOf(out).every((b) => b === 0)).toBe(true);
        d.dispose();
      }
    });

    it.each(ELEM_TYPES)('%s: array() and write() round-trip every bit', async (e) => {
      const rng = new Rng();
      for (const n of lengths) {
        const data = randomArray(rng, e, n);
        const d = gpu.array(data);
        const out = await d.read();
        expect(out).toBeInstanceOf(ELEMENTS[e].host);
        expect(bytesOf(out), `seed ${rng.seed}`).toEqual(bytesOf(data));
        const next = randomArray(rng, e, n);
        d.write(next);
        expect(bytesOf(await d.read()), `seed ${rng.seed}`).toEqual(bytesOf(next));
        d.dispose();
      }
    });
  });
}
