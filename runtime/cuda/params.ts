// Marshalling launch arguments for cuLaunchKernel: `kernelParams` is an array of pointers, one per
// parameter, each pointing at that parameter's value laid out as the C compiler expects it
// (float and int: 4 bytes, bool: 1 byte, array: its 8-byte CUdeviceptr). Values live in one
// storage buffer with an 8-byte slot per parameter; the driver copies them during the call, so
// both buffers only need to outlive cuLaunchKernel.
import koffi from 'koffi';
import type { ParamInfo } from '../../compiler/output.js';

/** A launch argument as the device hands it over: scalars as given, arrays as device pointers. */
export type PackedArg = number | boolean | bigint;

export interface PackedParams {
  /** The values, one 8-byte slot each. */
  storage: Buffer;
  /** Addresses of the slots: what cuLaunchKernel takes as `void **kernelParams`. */
  pointers: BigUint64Array;
}

const SLOT = 8;

/** Writes one parameter's value into its slot. */
function encode(storage: Buffer, offset: number, p: ParamInfo, v: PackedArg): void {
  if (p.kind === 'array') {
    if (typeof v !== 'bigint') throw new TypeError(`parameter '${p.name}': expected a device pointer, got ${typeof v}`);
    storage.writeBigUInt64LE(v, offset);
    return;
  }
  if (typeof v === 'bigint') throw new TypeError(`parameter '${p.name}': expected a ${p.type} scalar, got a device pointer`);
  switch (p.type) {
    case 'f32':
      storage.writeFloatLE(Number(v), offset);
      return;
    case 'i32':
      storage.writeInt32LE(Number(v) | 0, offset);
      return;
    case 'u32':
      storage.writeUInt32LE(Number(v) >>> 0, offset);
      return;
    case 'bool':
      storage.writeUInt8(v ? 1 : 0, offset);
      return;
  }
}

export function packParams(params: readonly ParamInfo[], args: readonly PackedArg[]): PackedParams {
  if (args.length !== params.length) {
    throw new TypeError(`expected ${params.length} arguments, got ${args.length}`);
  }
  const storage = Buffer.alloc(Math.max(1, params.length) * SLOT);
  const base = koffi.address(storage);
  const pointers = new BigUint64Array(params.length);
  params.forEach((p, i) => {
    encode(storage, i * SLOT, p, args[i] as PackedArg);
    pointers[i] = base + BigInt(i * SLOT);
  });
  return { storage, pointers };
}
