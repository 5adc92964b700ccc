// Parameter packing for cuLaunchKernel, checked by reading each value back through the pointer
// the driver would follow. Needs no GPU: the pointers are ordinary host addresses.
import koffi from 'koffi';
import { describe, expect, it } from 'vitest';
import type { ParamInfo } from '../../core/output.js';
import { packParams, type PackedArg } from '../../runtime/cuda/params.js';
import { Rng } from '../helpers/case.js';
import { f16Bits, f16FromBits, f16round } from '../../core/f16.js';

const rng = new Rng();

describe(`cuda parameter packing (seed ${rng.seed})`, () => {
  it('points each kernelParams entry at its value, in C layout for every scalar type and arrays', () => {
    const params: ParamInfo[] = [
      { name: 'a', kind: 'scalar', type: 'f32' },
      { name: 'x', kind: 'array', type: 'f32', access: 'read' },
      { name: 'n', kind: 'scalar', type: 'i32' },
      { name: 'm', kind: 'scalar', type: 'u32' },
      { name: 'flag', kind: 'scalar', type: 'bool' },
      { name: 'y', kind: 'array', type: 'u32', access: 'read_write' },
      { name: 'off', kind: 'scalar', type: 'bool' },
    ];
    const a = rng.f32(-100, 100);
    const ptrX = BigInt(rng.int(1, 2 ** 30)) * 256n + 0x7f0000000000n;
    const n = rng.int(-(2 ** 31), 2 ** 31);
    const m = rng.int(2 ** 31, 2 ** 32); // above i32 range: must stay unsigned
    const ptrY = BigInt(rng.int(1, 2 ** 30)) * 256n;
    const args: PackedArg[] = [a, ptrX, n, m, true, ptrY, false];

    const { storage, pointers } = packParams(params, args);
    expect(pointers.length).toBe(params.length);
    const at = (i: number): bigint => pointers[i] as bigint;
    expect(koffi.decode(at(0), 'float')).toBe(a);
    expect(BigInt(koffi.decode(at(1), 'uint64_t') as number | bigint)).toBe(ptrX);
    expect(koffi.decode(at(2), 'int32_t')).toBe(n);
    expect(koffi.decode(at(3), 'uint32_t')).toBe(m);
    expect(koffi.decode(at(4), 'uint8_t')).toBe(1);
    expect(BigInt(koffi.decode(at(5), 'uint64_t') as number | bigint)).toBe(ptrY);
    expect(koffi.decode(at(6), 'uint8_t')).toBe(0);
    // Every slot is 8-byte aligned (device pointers need it) and lies inside the storage.
    const base = koffi.address(storage);
    for (let i = 0; i < pointers.length; i++) {
      const off = at(i) - base;
      expect(off % 8n).toBe(0n);
      expect(off >= 0n && off < BigInt(storage.length)).toBe(true);
    }
  });

  it('passes an f16 as the bits of its nearest f16, and an f64 whole in an 8-aligned slot after an i32', () => {
    const params: ParamInfo[] = [
      { name: 'k', kind: 'scalar', type: 'i32' },
      { name: 'd', kind: 'scalar', type: 'f64' },
      { name: 'h', kind: 'scalar', type: 'f16' },
    ];
    const d = rng.next() + 1 / 3; // needs all 53 bits
    const h = rng.f32(-100, 100) + 1 / 3;
    const { storage, pointers } = packParams(params, [7, d, h]);
    expect(koffi.decode(pointers[1] as bigint, 'double')).toBe(d);
    expect((pointers[1] as bigint) % 8n).toBe(0n);
    expect(koffi.decode(pointers[2] as bigint, 'uint16_t')).toBe(f16Bits(h));
    expect(f16FromBits(koffi.decode(pointers[2] as bigint, 'uint16_t') as number)).toBe(f16round(h));
    expect(storage.length).toBe(24);
  });

  it('wraps integers as C does and rounds f32', () => {
    const params: ParamInfo[] = [
      { name: 'i', kind: 'scalar', type: 'i32' },
      { name: 'u', kind: 'scalar', type: 'u32' },
      { name: 'f', kind: 'scalar', type: 'f32' },
    ];
    const f = rng.f32() + 1 / 3; // not exactly representable
    const { pointers } = packParams(params, [-1 - rng.int(0, 1000), 2 ** 32 - 1 - rng.int(0, 1000), f]);
    expect(koffi.decode(pointers[0] as bigint, 'int32_t')).toBeLessThan(0);
    expect(koffi.decode(pointers[1] as bigint, 'uint32_t')).toBeGreaterThan(2 ** 31);
    expect(koffi.decode(pointers[2] as bigint, 'float')).toBe(Math.fround(f));
  });

  it('rejects a count mismatch and a scalar where a pointer belongs', () => {
    const params: ParamInfo[] = [{ name: 'x', kind: 'array', type: 'f32' }];
    expect(() => packParams(params, [])).toThrow(/expected 1 arguments, got 0/);
    expect(() => packParams(params, [1.5])).toThrow(/parameter 'x': expected a device pointer/);
    const scalar: ParamInfo[] = [{ name: 'n', kind: 'scalar', type: 'i32' }];
    expect(() => packParams(scalar, [5n])).toThrow(/parameter 'n': expected a i32 scalar/);
  });
});
