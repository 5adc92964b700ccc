// A test case: a file in test/cases/ that defines kernel(s) and exports `spec` (or `specs`).
// The golden test compiles every kernel of every case for every target; the execution test runs
// each spec on every available device and compares with its float64 reference.
import type { Dim3, TypedArray } from '../../runtime/types.js';
import type { MatrixSupport } from '../../core/matrix.js';

/** Host-side launch argument: arrays are uploaded fresh for every device. */
export type HostArg = number | boolean | TypedArray;

export interface CaseRun {
  args: HostArg[];
  grid: Dim3;
  block: Dim3;
}

export interface CaseSpec {
  /** Name of the exported kernel const this spec launches. */
  kernel: string;
  /** Builds fresh random inputs (never all zeros) and the launch shape. */
  make(rng: Rng): CaseRun;
  /**
   * The float64 plain-JS reference: expected final contents of the arrays the kernel writes,
   * keyed by parameter index. Receives copies of the inputs as made, and what the device is like
   * (its warp size: warp kernels mean per-warp results).
   */
  reference(args: HostArg[], device?: { warpSize: number }): Record<number, ArrayLike<number>>;
  /** Relative L2 tolerance for f32 outputs (default 1e-5); integer outputs compare exactly. */
  tolerance?: number;
  /**
   * Outputs (keyed as in `reference`) checked element by element instead: whether the value read is
   * acceptable next to the reference value on that backend (e.g. within a function's documented
   * ULP bound there, or any NaN bit pattern where the reference has a NaN).
   */
  elementwise?: Record<number, (got: number, ref: number, backend: 'cpu' | 'webgpu' | 'cuda', index: number, inputs: HostArg[]) => boolean>;
  /** Launches the same kernel again before reading (for kernels that accumulate). Default 1. */
  repeat?: number;
  /** The devices it runs on, when not all (f64 kernels: WGSL has none), and why not the others. */
  only?: { backends: readonly ('cpu' | 'webgpu' | 'cuda')[]; reason: string };
  /** What the device must offer; where it does not, the case skips with the device's reason. */
  requires?: readonly 'matrix'[];
}

/**
 * Why `device` cannot run a case requiring `req`, or null when it can. 'matrix': the device's
 * `matrix` support (core/matrix.ts MatrixSupport); a device that does not say is taken to lack it.
 */
export function unmetRequirement(device: object, req: readonly 'matrix'[] | undefined): string | null {
  if (!req?.includes('matrix')) return null;
  const m = (device as { matrix?: MatrixSupport }).matrix;
  if (!m) return 'the device does not report matrix (tensor core) support';
  return m.ok ? null : m.reason;
}

/** Deterministic-per-seed PRNG (mulberry32); the seed is fresh per run and printed on failure. */
export class Rng {
  private s: number;
  constructor(readonly seed: number = (Math.random() * 2 ** 32) >>> 0) {
    this.s = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Uniform f32 in [lo, hi). */
  f32(lo = -1, hi = 1): number {
    return Math.fround(lo + (hi - lo) * this.next());
  }
  /** Uniform integer in [lo, hi). */
  int(lo: number, hi: number): number {
    return lo + Math.floor((hi - lo) * this.next());
  }
  f32Array(n: number, lo = -1, hi = 1): Float32Array {
    const a = new Float32Array(n);
    for (let i = 0; i < n; i++) a[i] = this.f32(lo, hi);
    return a;
  }
  i32Array(n: number, lo = -1000, hi = 1000): Int32Array {
    const a = new Int32Array(n);
    for (let i = 0; i < n; i++) a[i] = this.int(lo, hi);
    return a;
  }
  u32Array(n: number, lo = 0, hi = 100000): Uint32Array {
    const a = new Uint32Array(n);
    for (let i = 0; i < n; i++) a[i] = this.int(lo, hi);
    return a;
  }
}
