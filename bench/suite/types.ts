// The shapes bench/run.ts writes to bench/results/<date>.json, shared by the rows, the Python peers'
// reader, the Markdown table and the chart.
import type { Backend } from '../../index.js';

export type RowId = 'saxpy' | 'sum' | 'sgemm' | 'hgemm' | 'softmax' | 'mnist';

export const ROW_TITLES: Record<RowId, string> = {
  saxpy: 'saxpy',
  sum: 'sum',
  sgemm: 'SGEMM',
  hgemm: 'f16 GEMM (tensor cores)',
  softmax: 'softmax regression',
  mnist: 'MNIST softmax',
};

/** A result compared with its reference before it was timed. */
export interface Check {
  /** What it was compared with, and how the error is measured. */
  against: string;
  error: number;
  tolerance: number;
}

/** How fast, in the row's unit, where it has one (bytes moved or flops per second). */
export interface Rate {
  value: number;
  unit: 'GB/s' | 'TFLOP/s' | 'GFLOP/s';
}

/** One implementation of one row at one size on one device. */
export interface Measurement {
  row: RowId;
  /** The size as printed, e.g. "n = 2^26"; figures are only compared at equal sizes. */
  size: string;
  /** The implementation, e.g. "scalar" or "PyTorch y.add_(x, alpha=a)". */
  impl: string;
  by: 'kernelscript' | 'peer';
  /** Where it ran: a KernelScript backend, or the peer's device ('cuda' or 'cpu'). */
  backend: Backend;
  status: 'ok' | 'failed' | 'skipped';
  /** Why it failed or was skipped. */
  reason?: string;
  check?: Check;
  /** Median milliseconds per launch (per training run for softmax and MNIST). */
  ms?: number;
  rate?: Rate;
  /** Every timing's milliseconds per launch, in the order taken. */
  timings?: number[];
  /** Launches (or training runs) inside each timing. */
  launches?: number;
  /** A peer that the chart compares the row's KernelScript figures with. */
  reference?: boolean;
}

/** A KernelScript figure over a peer's at the same row, size and kind of device. */
export interface Ratio {
  row: RowId;
  size: string;
  impl: string;
  backend: Backend;
  peer: string;
  peerBackend: Backend;
  /** Peer time ÷ KernelScript time: 1 is parity, above 1 KernelScript is faster. */
  speed: number;
  /** Whether this peer is the row's reference, the one the chart draws. */
  reference: boolean;
}

export interface Machine {
  /** `nvidia-smi` per GPU: name, driver version, memory; absent without nvidia-smi. */
  gpus?: { name: string; driver: string; memory: string }[];
  cpu: string;
  cores: number;
  os: string;
  node: string;
}

export interface BenchReport {
  schema: 1;
  date: string;
  commit: string;
  quick: boolean;
  /** The command's options, as given. */
  args: string[];
  machine: Machine;
  /**
   * Every backend asked for: its device's name and the sizes it ran (a software WebGPU adapter
   * runs the cpu sizes) when it started, else why not.
   */
  backends: { backend: Backend; device?: string; sizes?: 'gpu' | 'cpu'; reason?: string }[];
  /** The Python peers: interpreter and library versions, or why they did not run. */
  peers: { versions?: Record<string, string | null>; reason?: string };
  /** The sizes each kind of device ran at. */
  sizes: Record<string, unknown>;
  measurements: Measurement[];
  ratios: Ratio[];
  seconds: number;
}
