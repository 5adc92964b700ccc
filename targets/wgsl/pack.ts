// 8- and 16-bit integer arrays in WGSL, which has no storage type narrower than 32 bits. Global
// and shared arrays hold their elements packed in u32 words, little-endian as the host lays the
// bytes out: element i of a u8 array is bits (i & 3) * 8 … + 7 of word i >> 2. Each array gets a
// load and a store function (WGSL cannot pass a storage pointer to a function, so one per array).
// A store is an atomic read-modify-write of the element's bits in its word (a compare-exchange
// loop), so threads writing neighbouring elements of one word never lose each other's writes, and
// two writes of one element leave one of the two values, as on the other targets. An array that is
// written is therefore `array<atomic<u32>>`, read with atomicLoad; one that is only read is plain.
// Local arrays are private to a thread: one element per 32-bit slot, truncated as it is stored.
import { ELEMENTS, isSmallInt, valueOf } from '../../core/elements.js';
import type { ElemType } from '../../core/ir/types.js';

/** How a packed array is stored: its words, and whether stores reach it (then its words are atomic). */
export interface Packed {
  elem: ElemType;
  written: boolean;
}

/** Whether `elem` arrays are packed in WGSL global and shared memory. */
export const isPacked = (elem: ElemType): boolean => isSmallInt(elem);

/** The WGSL element type of a packed array's storage. */
export const packedStorage = (p: Packed): string => (p.written ? 'atomic<u32>' : 'u32');

/** Bytes one element of a local array takes in WGSL: a 32-bit slot for the 8- and 16-bit integers. */
export const localSlotBytes = (elem: ElemType): number => (isPacked(elem) ? 4 : ELEMENTS[elem].bytes);

/** The words `length` elements take. */
export const packedWords = (elem: ElemType, length: number): number => Math.ceil(length / ELEMENTS[elem].perWord);

/** Names of an array's load and store functions. */
export const packedLoad = (array: string): string => `ks_load_${array}`;
export const packedStore = (array: string): string => `ks_store_${array}`;

/** The element's width and mask, and the WGSL for its word index and bit offset given element `ks_i: u32`. */
function parts(elem: ElemType): { bits: number; mask: string; word: string; shift: string } {
  const per = ELEMENTS[elem].perWord;
  const bits = 32 / per;
  return {
    bits,
    mask: bits === 8 ? '0xffu' : '0xffffu',
    word: `ks_i >> ${Math.log2(per)}u`,
    shift: `(ks_i & ${per - 1}u) * ${bits}u`,
  };
}

/**
 * The load (and, when written, store) functions of packed array `name` (its printed name). The load
 * takes the element index as u32 and returns the element's value type, sign-extended for i8/i16.
 * Their own names start with ks_, which no user name does (targets/names.ts).
 */
export function packedHelpers(name: string, p: Packed): string[] {
  const { bits, mask, word, shift } = parts(p.elem);
  const value = valueOf(p.elem);
  const read = p.written ? `atomicLoad(&${name}[${word}])` : `${name}[${word}]`;
  const extract =
    value === 'i32' ? `bitcast<i32>(ks_w << (${32 - bits}u - ks_sh)) >> ${32 - bits}u` : `(ks_w >> ks_sh) & ${mask}`;
  const lines = [
    `// '${name}' holds ${ELEMENTS[p.elem].host.name} elements packed ${32 / bits} to a u32 word, little-endian.`,
    `fn ${packedLoad(name)}(ks_i: u32) -> ${value} {`,
    `  let ks_sh = ${shift};`,
    `  let ks_w = ${read};`,
    `  return ${extract};`,
    '}',
  ];
  if (!p.written) return lines;
  const bitsOf = value === 'i32' ? 'bitcast<u32>(ks_v)' : 'ks_v';
  return [
    ...lines,
    '',
    `// A store into '${name}' swaps only its element's bits, so the word's other elements stay as others wrote them.`,
    `fn ${packedStore(name)}(ks_i: u32, ks_v: ${value}) {`,
    `  let ks_sh = ${shift};`,
    `  let ks_m = ${mask} << ks_sh;`,
    `  let ks_bits = (${bitsOf} << ks_sh) & ks_m;`,
    `  var ks_old = atomicLoad(&${name}[${word}]);`,
    '  loop {',
    `    let ks_r = atomicCompareExchangeWeak(&${name}[${word}], ks_old, (ks_old & ~ks_m) | ks_bits);`,
    '    if (ks_r.exchanged) { return; }',
    '    ks_old = ks_r.old_value;',
    '  }',
    '}',
  ];
}

/**
 * A value of a local small-integer array's value type, truncated to the element as a store would:
 * the low bits of u8/u16, sign-extended from the low bits for i8/i16. No left shift: Tint refuses a
 * constant one that overflows, and a stored value may well be a constant.
 */
export function truncateLocal(elem: ElemType, value: string): string {
  const bits = 32 / ELEMENTS[elem].perWord;
  if (valueOf(elem) === 'u32') return `(${value}) & ${bits === 8 ? '0xffu' : '0xffffu'}`;
  const sign = 2 ** (bits - 1);
  return `(((${value}) & ${2 * sign - 1}i) ^ ${sign}i) - ${sign}i`;
}
