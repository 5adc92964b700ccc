// What each row runs at. GPUs (cuda and webgpu) take the goals' sizes; the cpu backend runs every
// thread in JavaScript, where those sizes take hours (SGEMM 4096³ alone is minutes per launch), so
// it gets its own, and its figures are only compared with NumPy. --quick shrinks both so that a
// run on a machine without a GPU (cpu and a software WebGPU adapter) ends in about a minute.

export interface SoftmaxSize {
  n: number;
  d: number;
  k: number;
  iterations: number;
}

export interface Sizes {
  /** saxpy elements. */
  saxpy: number;
  /** Elements summed. */
  sum: number;
  /** Square SGEMM sizes (M = N = K). */
  sgemm: number[];
  /** Square f16 GEMM sizes on the tensor cores (multiples of 128). */
  hgemm: number[];
  softmax: SoftmaxSize;
  /** MNIST epochs over the 7996 training digits. */
  mnistEpochs: number;
  /** Timings per figure; the median is reported. */
  timings: number;
  /** Launches inside one timing. */
  launches: number;
  /** Timed runs of a training row (after one warm-up run). */
  runs: number;
}

export type DeviceClass = 'gpu' | 'cpu';

const FULL: Record<DeviceClass, Sizes> = {
  gpu: {
    saxpy: 2 ** 26, sum: 2 ** 28, sgemm: [4096, 1024], hgemm: [4096],
    softmax: { n: 10_000, d: 500, k: 5, iterations: 100 }, mnistEpochs: 30,
    timings: 9, launches: 10, runs: 5,
  },
  cpu: {
    saxpy: 2 ** 22, sum: 2 ** 24, sgemm: [256], hgemm: [128],
    softmax: { n: 10_000, d: 500, k: 5, iterations: 10 }, mnistEpochs: 30,
    timings: 5, launches: 3, runs: 3,
  },
};

// Quick: the same small sizes everywhere (a few seconds per backend on a CPU).
const QUICK_SIZES: Sizes = {
  saxpy: 2 ** 20, sum: 2 ** 22, sgemm: [256, 128], hgemm: [128],
  softmax: { n: 2_000, d: 100, k: 5, iterations: 20 }, mnistEpochs: 2,
  timings: 5, launches: 5, runs: 3,
};
const QUICK: Record<DeviceClass, Sizes> = { gpu: QUICK_SIZES, cpu: QUICK_SIZES };

/**
 * The sizes for a run: full or quick, then `overrides` (JSON from --sizes, e.g. the test's tiny
 * sizes: {"cpu": {"saxpy": 4096}}) merged in per device class.
 */
export function sizesFor(quick: boolean, overrides: Partial<Record<DeviceClass, Partial<Sizes>>> = {}): Record<DeviceClass, Sizes> {
  const base = quick ? QUICK : FULL;
  const merge = (c: DeviceClass): Sizes => {
    const o = overrides[c] ?? {};
    return { ...base[c], ...o, softmax: { ...base[c].softmax, ...o.softmax } };
  };
  return { gpu: merge('gpu'), cpu: merge('cpu') };
}

export const pow2 = (n: number): string => (Number.isInteger(Math.log2(n)) ? `2^${Math.log2(n)}` : String(n));

/** The size labels measurements carry (equal labels mean comparable figures). */
export const sizeLabel = {
  saxpy: (n: number): string => `n = ${pow2(n)} f32`,
  sum: (n: number): string => `n = ${pow2(n)} f32`,
  sgemm: (n: number): string => `${n}³ f32`,
  hgemm: (n: number): string => `${n}³ f16, f32 accumulate`,
  softmax: (s: SoftmaxSize): string => `${s.n}×${s.d}×${s.k}, ${s.iterations} iterations`,
  mnist: (epochs: number): string => `${epochs} epoch${epochs === 1 ? '' : 's'} of 7996`,
};
