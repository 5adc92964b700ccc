// The bits of a 32-bit value read as another 32-bit type: the host side of bitcastF32/U32/I32
// (core/ir/ops.ts). Through one shared scratch word, as the cpu backend does (targets/js/ops.ts).
const word = new Float32Array(1);
const bits = new Uint32Array(word.buffer);

/** The f32 whose bits are `u` (an i32 or u32). A NaN comes back as the host's NaN. */
export function bitsToF32(u: number): number {
  bits[0] = u >>> 0;
  return word[0] ?? NaN;
}

/** The bits of the f32 `x`, as a u32. */
export function f32ToBits(x: number): number {
  word[0] = x;
  return bits[0] ?? 0;
}
