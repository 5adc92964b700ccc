// Marshalling launch arguments for cuLaunchKernel: `kernelParams` is an array of pointers, one per
// parameter, each pointing at that parameter's value laid out as the C compiler expects it
// (float and int: 4 bytes, f16: its 2-byte bits as the kernel's unsigned short, f64: 8 bytes,
// bool: 1 byte, array: its 8-byte CUdeviceptr). Values live in one storage block with an 8-byte,
// 8-byte-aligned slot per parameter (the driver lays them out as the kernel declares them). The driver copies the values during
// cuLaunchKernel, so one block per kernel is reused by every launch: a launch only writes values
// (no allocation, no address lookups).
import koffi from 'koffi';
import type { ParamInfo } from '../../core/output.js';
import { f16Bits } from '../../core/f16.js';

/** A launch argument as the device hands it over: scalars as given, arrays as device pointers. */
export type PackedArg = number | boolean | bigint;

export interface PackedParams {
  /** The values, one 8-byte slot each. */
  storage: Buffer;
  /** Addresses of the slots: what cuLaunchKernel takes as `void **kernelParams`. */
  pointers: BigUint64Array;
}

const SLOT = 8;

// How a slot is written, decided once per kernel.
const Slot = { Ptr: 0, F32: 1, I32: 2, U32: 3, Bool: 4, F16: 5, F64: 6 } as const;
type Slot = (typeof Slot)[keyof typeof Slot];

function slotKind(p: ParamInfo): Slot {
  if (p.kind === 'array') return Slot.Ptr;
  switch (p.type) {
    case 'f32':
      return Slot.F32;
    case 'f16':
      return Slot.F16;
    case 'f64':
      return Slot.F64;
    case 'i32':
      return Slot.I32;
    case 'u32':
      return Slot.U32;
    case 'bool':
      return Slot.Bool;
  }
}

/** A kernel's parameter block: slots at fixed addresses, rewritten by each launch. */
export class ParamBlock implements PackedParams {
  readonly storage: Buffer;
  readonly pointers: BigUint64Array;
  private readonly kinds: Slot[];
  // Views of the storage; slot i starts at element i·2 (32-bit), i (64-bit), i·8 (bytes).
  private readonly f32: Float32Array;
  private readonly i32: Int32Array;
  private readonly u32: Uint32Array;
  private readonly u64: BigUint64Array;
  private readonly f64: Float64Array;
  private readonly u16: Uint16Array;
  private readonly u8: Uint8Array;

  constructor(readonly params: readonly ParamInfo[]) {
    // A plain ArrayBuffer's memory is allocated outside the JS heap and never moves, so the slot
    // addresses taken here stay valid for the block's life.
    const bytes = new ArrayBuffer(Math.max(1, params.length) * SLOT);
    this.storage = Buffer.from(bytes);
    this.f32 = new Float32Array(bytes);
    this.i32 = new Int32Array(bytes);
    this.u32 = new Uint32Array(bytes);
    this.u64 = new BigUint64Array(bytes);
    this.f64 = new Float64Array(bytes);
    this.u16 = new Uint16Array(bytes);
    this.u8 = new Uint8Array(bytes);
    this.kinds = params.map(slotKind);
    const base = koffi.address(this.storage);
    this.pointers = new BigUint64Array(new ArrayBuffer(Math.max(1, params.length) * 8), 0, params.length);
    for (let i = 0; i < params.length; i++) this.pointers[i] = base + BigInt(i * SLOT);
  }

  /** Writes parameter i's value into its slot. */
  set(i: number, v: PackedArg): void {
    const kind = this.kinds[i];
    if (kind === Slot.Ptr) {
      if (typeof v !== 'bigint') throw this.mismatch(i, `expected a device pointer, got ${typeof v}`);
      this.u64[i] = v;
      return;
    }
    if (typeof v === 'bigint') {
      throw this.mismatch(i, `expected a ${this.params[i]?.type ?? '?'} scalar, got a device pointer`);
    }
    switch (kind) {
      case Slot.F32:
        this.f32[i * 2] = Number(v);
        return;
      case Slot.I32:
        this.i32[i * 2] = Number(v) | 0;
        return;
      case Slot.U32:
        this.u32[i * 2] = Number(v) >>> 0;
        return;
      case Slot.Bool:
        this.u8[i * SLOT] = v ? 1 : 0;
        return;
      case Slot.F16:
        this.u16[i * 4] = f16Bits(Number(v));
        return;
      case Slot.F64:
        this.f64[i] = Number(v);
        return;
    }
  }

  /** Writes every parameter's value. */
  write(args: readonly PackedArg[]): void {
    if (args.length !== this.params.length) {
      throw new TypeError(`expected ${this.params.length} arguments, got ${args.length}`);
    }
    for (let i = 0; i < args.length; i++) this.set(i, args[i] as PackedArg);
  }

  private mismatch(i: number, what: string): TypeError {
    return new TypeError(`parameter '${this.params[i]?.name ?? i}': ${what}`);
  }
}

/** A fresh block holding `args` (launches reuse a block per kernel instead). */
export function packParams(params: readonly ParamInfo[], args: readonly PackedArg[]): PackedParams {
  const block = new ParamBlock(params);
  block.write(args);
  return block;
}
