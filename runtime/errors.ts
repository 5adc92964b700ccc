// Errors the runtime throws. Each message names what was wrong and where (kernel, parameter,
// array, device), so a user can fix the call without reading runtime code.
import type { Code } from '../core/diagnostics/codes.js';

/**
 * A launch whose kernel, shape or arguments do not fit; thrown before anything is queued. Rules with
 * a diagnostic code (core/diagnostics/codes.ts) carry it, first in the message too.
 */
export class LaunchError extends Error {
  override name = 'LaunchError';
  readonly code: Code | undefined;

  constructor(message: string, code?: Code) {
    super(code === undefined ? message : `${code}: ${message}`);
    this.code = code;
  }
}

/** The device (or an array) can no longer be used: disposed, lost, or broken by an earlier error. */
export class DeviceError extends Error {
  override name = 'DeviceError';
}

/** A kernel's device code could not be loaded (shader compile or pipeline creation failed). */
export class KernelLoadError extends Error {
  override name = 'KernelLoadError';
}

/** A value's description for error messages: `Float32Array(12)`, `number 1.5`, `undefined`. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (ArrayBuffer.isView(v)) {
    const len = (v as { length?: number }).length;
    return `${v.constructor.name}${len === undefined ? '' : `(${len})`}`;
  }
  if (typeof v === 'object') {
    const ctor = (v as { constructor?: { name?: string } }).constructor?.name;
    if (ctor === 'Object' || ctor === undefined) return 'an object';
    return `a ${ctor}`;
  }
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 20 ? v.slice(0, 20) + '…' : v)}`;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return `${typeof v} ${String(v)}`;
  return typeof v;
}

/** Where and how a debug-mode kernel accessed an array out of bounds (see KernelFaultError). */
export interface KernelFault {
  kernel: string;
  array: string;
  access: 'read' | 'write' | 'atomic';
  index: number;
  length: number;
  thread: [number, number, number];
  block: [number, number, number];
  /** The access in the TypeScript source, 1-based. */
  file: string;
  line: number;
  column: number;
}

/**
 * A debug-mode kernel accessed an array out of bounds (the access itself was skipped: a store
 * wrote nothing, a read gave 0). Thrown by the synchronize() or read() after the launch; the
 * first fault wins, and the device stays usable.
 */
export class KernelFaultError extends Error implements KernelFault {
  override name = 'KernelFaultError';
  readonly kernel: string;
  readonly array: string;
  readonly access: KernelFault['access'];
  readonly index: number;
  readonly length: number;
  readonly thread: [number, number, number];
  readonly block: [number, number, number];
  readonly file: string;
  readonly line: number;
  readonly column: number;

  constructor(fault: KernelFault, message: string) {
    super(message);
    this.kernel = fault.kernel;
    this.array = fault.array;
    this.access = fault.access;
    this.index = fault.index;
    this.length = fault.length;
    this.thread = fault.thread;
    this.block = fault.block;
    this.file = fault.file;
    this.line = fault.line;
    this.column = fault.column;
  }
}

/** One of the two accesses of a data race: which thread, how, and where in the TypeScript source. */
export interface RaceAccess {
  thread: [number, number, number];
  access: 'read' | 'write' | 'atomic';
  file: string;
  line: number;
  column: number;
}

/** Two threads of a block touched one shared element, one of them writing, with no barrier between. */
export interface KernelRace {
  kernel: string;
  /** The shared array and element. */
  array: string;
  index: number;
  block: [number, number, number];
  /** The access that ran first on the cpu, and the one that conflicted with it. */
  first: RaceAccess;
  second: RaceAccess;
}

/**
 * A debug-mode kernel on the cpu had a data race on a shared array (see KernelRace); atomics on
 * one element from many threads are not one. Thrown like KernelFaultError; the first race wins.
 */
export class KernelRaceError extends Error implements KernelRace {
  override name = 'KernelRaceError';
  readonly kernel: string;
  readonly array: string;
  readonly index: number;
  readonly block: [number, number, number];
  readonly first: RaceAccess;
  readonly second: RaceAccess;

  constructor(race: KernelRace, message: string) {
    super(message);
    this.kernel = race.kernel;
    this.array = race.array;
    this.index = race.index;
    this.block = race.block;
    this.first = race.first;
    this.second = race.second;
  }
}

/** Where one thread of a divergent barrier was, in the TypeScript source. */
export interface BarrierThread {
  thread: [number, number, number];
  /**
   * `barrier`: waiting at a syncthreads(); `return` / `end`: gone, by a return or the end of the
   * kernel; `condition`: at the condition of an if or loop that holds the barrier, with `value`.
   */
  at: 'barrier' | 'return' | 'end' | 'condition';
  value?: boolean;
  file: string;
  line: number;
  column: number;
}

/** Threads of a block that do not all reach the same barrier. */
export interface KernelDivergence {
  kernel: string;
  block: [number, number, number];
  /** The syncthreads() that only some threads reached. */
  barrier: { file: string; line: number; column: number };
  /** A thread that reached it (at `condition`: thread 0, whose value the cpu followed), and one that did not. */
  first: BarrierThread;
  second: BarrierThread;
}

/**
 * A debug-mode kernel on the cpu reached a barrier in only some threads of a block (see
 * KernelDivergence): undefined behaviour on a GPU (a hang, or wrong results). Thrown like
 * KernelFaultError; the first report wins.
 */
export class KernelDivergenceError extends Error implements KernelDivergence {
  override name = 'KernelDivergenceError';
  readonly kernel: string;
  readonly block: [number, number, number];
  readonly barrier: KernelDivergence['barrier'];
  readonly first: BarrierThread;
  readonly second: BarrierThread;

  constructor(d: KernelDivergence, message: string) {
    super(message);
    this.kernel = d.kernel;
    this.block = d.block;
    this.barrier = d.barrier;
    this.first = d.first;
    this.second = d.second;
  }
}

/** What a debug-mode launch can report at the next synchronize() or read(). */
export type KernelCheckError = KernelFaultError | KernelRaceError | KernelDivergenceError;
