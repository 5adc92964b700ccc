// The WebAssembly binary format, as much of it as the js target's loops use (wasm-loop.ts): one
// imported shared memory, functions of i32/f32 parameters returning one i32, exported by name.
import { WASM_IMPORT, WASM_MAX_PAGES } from '../../core/wasm-link.js';

export const I32 = 0x7f;
export const F32 = 0x7d;
export type ValType = typeof I32 | typeof F32;

/** Opcodes by their text-format names. */
export const OP = {
  block: 0x02, loop: 0x03, if: 0x04, else: 0x05, end: 0x0b, br: 0x0c, br_if: 0x0d, return: 0x0f, select: 0x1b,
  local_get: 0x20, local_set: 0x21, local_tee: 0x22,
  i32_load: 0x28, f32_load: 0x2a, i32_load8_u: 0x2d, i32_store: 0x36, f32_store: 0x38, i32_store8: 0x3a,
  i32_const: 0x41, f32_const: 0x43,
  i32_eqz: 0x45, i32_eq: 0x46, i32_ne: 0x47, i32_lt_s: 0x48, i32_lt_u: 0x49, i32_gt_s: 0x4a, i32_gt_u: 0x4b,
  i32_le_s: 0x4c, i32_le_u: 0x4d, i32_ge_s: 0x4e, i32_ge_u: 0x4f,
  f32_eq: 0x5b, f32_ne: 0x5c, f32_lt: 0x5d, f32_gt: 0x5e, f32_le: 0x5f, f32_ge: 0x60,
  i32_add: 0x6a, i32_sub: 0x6b, i32_mul: 0x6c, i32_div_s: 0x6d, i32_div_u: 0x6e, i32_rem_s: 0x6f, i32_rem_u: 0x70, i32_and: 0x71, i32_or: 0x72, i32_xor: 0x73,
  i32_shl: 0x74, i32_shr_s: 0x75, i32_shr_u: 0x76,
  f32_abs: 0x8b, f32_neg: 0x8c, f32_add: 0x92, f32_sub: 0x93, f32_mul: 0x94, f32_div: 0x95,
  f32_convert_i32_s: 0xb2, f32_convert_i32_u: 0xb3,
} as const;
/** A block with no result, and one with an i32 or f32 result. */
export const VOID = 0x40;

export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

export function sleb(n: number): number[] {
  const out: number[] = [];
  n |= 0;
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

export function f32Bytes(v: number): number[] {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setFloat32(0, v, true);
  return [...b];
}

const name = (s: string): number[] => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

export interface WasmFunction {
  name: string;
  params: ValType[];
  /** Locals after the parameters. */
  locals: ValType[];
  /** The body's instructions, without the final `end`. */
  code: number[];
}

/** A module of functions returning one i32 each, exported under their names. */
export function wasmModule(fns: readonly WasmFunction[]): Uint8Array {
  const types = fns.map((f) => [0x60, ...vec(f.params.map((p) => [p])), 1, I32]);
  // Memory import: limits flag 3 = a maximum, shared.
  const imports = vec([[...name(WASM_IMPORT), ...name('memory'), 0x02, 0x03, ...uleb(0), ...uleb(WASM_MAX_PAGES)]]);
  const bodies = fns.map((f) => {
    const body = [...vec(f.locals.map((t) => [...uleb(1), t])), ...f.code, OP.end];
    return [...uleb(body.length), ...body];
  });
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(2, imports),
    ...section(3, vec(fns.map((_, i) => uleb(i)))),
    ...section(7, vec(fns.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]))),
    ...section(10, vec(bodies)),
  ]);
}
