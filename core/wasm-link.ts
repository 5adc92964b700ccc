// The contract between the js target's WebAssembly loops (targets/js/wasm-loop.ts) and the cpu
// device that links them (runtime/cpu/heap.ts). A module imports one shared memory that holds the
// device's arrays; each exported loop takes, per array, its byte address (−1 when the array is not
// in that memory) and element count, then its live-in values and the address of an out area, and
// returns 0 with its live-out values in the out area, or 1 to say "run the JS loop instead" (an
// array outside the memory, or an index out of bounds, whose JS semantics the JS loop keeps).

/** Where a module imports its memory from: `{ [WASM_IMPORT]: { memory } }`. */
export const WASM_IMPORT = 'ks';
/** The memory's maximum in 64 KiB pages (4 GiB, all a 32-bit module can address). */
export const WASM_MAX_PAGES = 65536;
/** Live-out values one loop may return, four bytes each in the out area. */
export const WASM_OUT_SLOTS = 64;

/** What a generated module with WebAssembly loops carries (the entry function's properties). */
export interface WasmLoops {
  /** The module's bytes, base64. */
  wasm: string;
  /**
   * Called once per thread that loaded the code: the instance's exports, the address of an array
   * (−1 outside the memory), an allocator for the code's kept scratch (in the memory where it
   * fits), and the thread's out area (WASM_OUT_SLOTS words) as f32 and i32 views.
   */
  link: (exports: unknown, addr: (a: unknown) => number, alloc: (ctor: unknown, length: number) => unknown, out: number, f32: Float32Array, i32: Int32Array) => void;
}
