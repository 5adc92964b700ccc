// The cpu device's arrays in one shared WebAssembly memory, so the js target's WebAssembly loops
// (targets/js/wasm-loop.ts, contract in core/wasm-link.ts) read them where they are. The memory is
// the process's (every cpu device's arrays, every worker of every pool); its SharedArrayBuffer
// never detaches when it grows, so a view made before a growth stays valid. Arrays are carved out
// first-fit from a free list, zeroed, and given back when disposed (the code's kept scratch when
// its view is collected). Like any allocator's, memory once grown stays the process's and is
// reused, not returned to the system. Where the memory cannot be made (a page that is not
// cross-origin isolated) or is full (4 GiB), arrays are plain and loops run as JS.
import { WASM_IMPORT, WASM_MAX_PAGES, WASM_OUT_SLOTS } from '../../core/wasm-link.js';
import type { ElemType } from '../../core/ir/types.js';
import { ELEMENTS } from '../../core/elements.js';
import { envVar } from '../env.js';
import type { TypedArray } from '../types.js';

/** `0` turns the WebAssembly loops off (arrays are then plain): for comparisons. */
export const WASM_ENV = 'KERNELSCRIPT_CPU_WASM';

const PAGE = 65536;
/** Every array starts on a 16-byte boundary. */
const ALIGN = 16;
/** The out area's bytes (core/wasm-link.ts), rounded to the alignment. */
export const OUT_BYTES = Math.ceil((WASM_OUT_SLOTS * 4) / ALIGN) * ALIGN;
/** The most a thread's code keeps in the memory (scratch.ts keeps arrays up to 1 MiB; more are plain). */
export const KEEP_BYTES = 1 << 20;
/** A worker's part of the memory: its out area, then its code's kept scratch (a free list of its own). */
export const ARENA_BYTES = OUT_BYTES + 4 * KEEP_BYTES;

type Ctor = new (buffer: ArrayBufferLike, offset: number, length: number) => TypedArray;

/**
 * Free ranges of the memory, first fit, merged with their neighbours, as source text that the
 * calling thread (the memory) and each worker (its arena) build: take(bytes) → offset or −1 (sizes
 * rounded up to whole ALIGN-byte units, so every range starts aligned),
 * give(offset) returns what take gave, add(offset, bytes) adds new room, tail(end) is the free room
 * that ends at `end`, used() the bytes taken now.
 */
export const FREE_LIST_SOURCE = `function freeList() {
  const free = [];
  const sizes = new Map();
  const add = (offset, size) => {
    let i = free.findIndex((r) => r[0] > offset);
    if (i < 0) i = free.length;
    free.splice(i, 0, [offset, size]);
    const next = free[i + 1];
    if (next && offset + size === next[0]) {
      free[i][1] += next[1];
      free.splice(i + 1, 1);
    }
    const prev = free[i - 1];
    if (prev && prev[0] + prev[1] === offset) {
      prev[1] += free[i][1];
      free.splice(i, 1);
    }
  };
  return {
    add,
    take(bytes) {
      const size = Math.max(${ALIGN}, Math.ceil(bytes / ${ALIGN}) * ${ALIGN});
      const i = free.findIndex((r) => r[1] >= size);
      if (i < 0) return -1;
      const r = free[i];
      const offset = r[0];
      if (r[1] === size) free.splice(i, 1);
      else {
        r[0] += size;
        r[1] -= size;
      }
      sizes.set(offset, size);
      return offset;
    },
    give(offset) {
      const size = sizes.get(offset);
      if (size === undefined) return;
      sizes.delete(offset);
      add(offset, size);
    },
    tail(end) {
      const last = free[free.length - 1];
      return last && last[0] + last[1] === end ? last[1] : 0;
    },
    used() {
      let n = 0;
      for (const v of sizes.values()) n += v;
      return n;
    },
  };
}`;

interface FreeList {
  add(offset: number, bytes: number): void;
  take(bytes: number): number;
  give(offset: number): void;
  tail(end: number): number;
  used(): number;
}
const makeFreeList = new Function(`${FREE_LIST_SOURCE}; return freeList;`)() as () => FreeList;

/**
 * One thread's side of the memory, as source text that the calling thread and the workers both
 * build (workers are eval'd source): which arrays are in the memory and where, an allocator for
 * loaded code's kept scratch, and linking loaded code's WebAssembly loops to the memory.
 * `allocate(C, n)` returns a view in the memory or null.
 */
export const THREAD_HEAP_SOURCE = `function threadHeap(memory, out, allocate) {
  const views = new WeakSet();
  const f32 = new Float32Array(memory.buffer, out, ${WASM_OUT_SLOTS});
  const i32 = new Int32Array(memory.buffer, out, ${WASM_OUT_SLOTS});
  const addr = (a) => (views.has(a) ? a.byteOffset : -1);
  const alloc = (C, n) => {
    const v = n * C.BYTES_PER_ELEMENT <= ${KEEP_BYTES} ? allocate(C, n) : null;
    if (v === null) return new C(n);
    views.add(v);
    return v;
  };
  const heap = {
    linked: 0,
    failed: 0,
    /** A view of memory the calling thread allocated (an array sent to a worker). */
    view(C, offset, length) {
      const v = new C(memory.buffer, offset, length);
      views.add(v);
      return v;
    },
    has: (a) => views.has(a),
    /** Links loaded code's WebAssembly loops; code that fails to link runs its JS loops. */
    link(run) {
      if (typeof run !== 'function' || typeof run.wasm !== 'string' || typeof run.link !== 'function') return run;
      try {
        const bytes = Uint8Array.from(atob(run.wasm), (c) => c.charCodeAt(0));
        const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes), { ${WASM_IMPORT}: { memory } });
        run.link(inst.exports, addr, alloc, out, f32, i32);
        heap.linked++;
      } catch {
        heap.failed++;
      }
      return run;
    },
  };
  return heap;
}`;

export interface ThreadHeap {
  /** Code linked, and code whose module failed to load (it runs as JS). */
  linked: number;
  failed: number;
  view(ctor: Ctor, offset: number, length: number): TypedArray;
  has(a: unknown): boolean;
  link<T>(run: T): T;
}

type MakeThreadHeap = (memory: WebAssembly.Memory, out: number, allocate: (ctor: Ctor, length: number) => TypedArray | null) => ThreadHeap;
export const makeThreadHeap = new Function(`${THREAD_HEAP_SOURCE}; return threadHeap;`)() as MakeThreadHeap;

export class Heap {
  private readonly free = makeFreeList();
  private readonly registry = new FinalizationRegistry<number>((offset) => this.release(offset));
  /** The calling thread's side. */
  readonly thread: ThreadHeap;

  constructor(readonly memory: WebAssembly.Memory) {
    // Offset 0 stays unused, so no array's address is 0.
    this.free.add(ALIGN, memory.buffer.byteLength - ALIGN);
    const out = this.allocate(OUT_BYTES);
    if (out < 0) throw new Error('no room for the out area');
    this.thread = makeThreadHeap(memory, out, (ctor, length) => this.view(ctor, length));
  }

  /** A zeroed array in the memory, or null where it has no room; given back when its view is collected. */
  array(type: ElemType, length: number): TypedArray | null {
    return this.view(ELEMENTS[type].host as unknown as Ctor, length);
  }

  /** A zeroed array of `ctor` in the memory (a team's shared arrays), or null where it has no room. */
  arrayOf(ctor: Ctor, length: number): TypedArray | null {
    return this.view(ctor, length);
  }

  private view(ctor: Ctor, length: number): TypedArray | null {
    const offset = this.allocate(length * (ctor as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT);
    if (offset < 0) return null;
    const v = this.thread.view(ctor, offset, length);
    v.fill(0);
    this.registry.register(v, offset, v);
    return v;
  }

  /** Gives a disposed array's memory back at once. */
  dispose(a: TypedArray): void {
    if (!this.thread.has(a) || !this.registry.unregister(a)) return;
    this.release(a.byteOffset);
  }

  /** `bytes` (rounded up to the alignment) of the memory, growing it where needed; −1 when full. */
  allocate(bytes: number): number {
    const offset = this.free.take(bytes);
    if (offset >= 0) return offset;
    const end = this.memory.buffer.byteLength;
    // Grow by what is missing, at least a quarter of the memory (fewer, larger growths) where that fits.
    const need = Math.ceil((Math.ceil(bytes / ALIGN) * ALIGN - this.free.tail(end)) / PAGE);
    const pages = Math.min(Math.max(need, Math.ceil(end / PAGE / 4), 16), WASM_MAX_PAGES - end / PAGE);
    try {
      if (pages < need) return -1;
      this.memory.grow(pages);
    } catch {
      return -1;
    }
    this.free.add(end, pages * PAGE);
    return this.free.take(bytes);
  }

  /** Gives an allocation back. */
  release(offset: number): void {
    this.free.give(offset);
  }

  /** Bytes allocated now (tests). */
  get used(): number {
    return this.free.used();
  }
}

let shared: Heap | null | undefined;

/** The process's heap, made on first use; null where WebAssembly loops are off or impossible here. */
export function cpuHeap(): Heap | null {
  if (shared !== undefined) return shared;
  shared = null;
  if (envVar(WASM_ENV) === '0') return shared;
  try {
    shared = new Heap(new WebAssembly.Memory({ initial: 16, maximum: WASM_MAX_PAGES, shared: true }));
  } catch {
    shared = null;
  }
  return shared;
}
