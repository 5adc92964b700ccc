// The race record of a cpu debug build (core/race.ts), read after the launch and turned into a
// KernelRaceError or KernelDivergenceError that names both threads and quotes both places in the
// TypeScript source (from the kernel's site tables: no file is read).
import type { CompiledKernel, DebugSite } from '../core/output.js';
import { RACE_BARRIER, RACE_CONDITION, RACE_DATA, RACE_WORDS, type DebugSync } from '../core/race.js';
import { DeviceError, KernelDivergenceError, KernelRaceError, type BarrierThread, type RaceAccess } from './errors.js';
import { frame } from './fault.js';

type Dim3 = [number, number, number];

const VERB: Record<RaceAccess['access'], string> = { read: 'read', write: 'wrote', atomic: 'atomically updated' };

/** A zeroed record for a launch of `kernel`, or null when its build has no race checks. */
export const newRaceRecord = (kernel: CompiledKernel): Int32Array | null =>
  kernel.meta.debug?.syncs ? new Int32Array(RACE_WORDS) : null;

/** What `rec` reports for a launch of `kernel`, or null if nothing. */
export function raceOf(kernel: CompiledKernel, rec: Int32Array | null): KernelRaceError | KernelDivergenceError | null {
  const kind = rec?.[0] ?? 0;
  if (!rec || kind === 0) return null;
  const w = (i: number): number => rec[i] ?? 0;
  const dim = (i: number): Dim3 => [w(i), w(i + 1), w(i + 2)];
  const block = dim(10);
  const fail = (): never => {
    throw new DeviceError(`kernel '${kernel.name}' reported a race at unknown sites: its debug build does not match its code`);
  };
  if (kind === RACE_DATA) {
    const a = kernel.meta.debug?.sites[w(1)] ?? fail();
    const b = kernel.meta.debug?.sites[w(5)] ?? fail();
    const first = access(a, dim(2));
    const second = access(b, dim(6));
    const race = { kernel: kernel.name, array: a.array, index: w(9), block, first, second };
    const head =
      `kernel '${kernel.name}' has a data race on shared ${a.array}[${race.index}]: thread (${first.thread.join(',')}) ` +
      `${VERB[first.access]} it at ${at(a)} and thread (${second.thread.join(',')}) ${VERB[second.access]} it at ${at(b)} ` +
      `with no syncthreads() between (block (${block.join(',')}))`;
    return new KernelRaceError(race, [head, ...quote(a), ...quote(b)].join('\n'));
  }
  const syncs = kernel.meta.debug?.syncs ?? [];
  const sa = syncs[w(1)] ?? fail();
  const sb = syncs[w(5)] ?? fail();
  if (kind === RACE_CONDITION) {
    const barrier = (sa.barrier === undefined ? undefined : syncs[sa.barrier]) ?? fail();
    const v = w(9) !== 0;
    const first = place(sa, dim(2), v);
    const second = place(sb, dim(6), !v);
    const head =
      `kernel '${kernel.name}' has a divergent barrier: the condition at ${at(sa)} decides whether threads reach ` +
      `syncthreads() at ${at(barrier)}, and it is ${v} for thread (${first.thread.join(',')}) but ${!v} for thread ` +
      `(${second.thread.join(',')}) (block (${block.join(',')}))`;
    return new KernelDivergenceError({ kernel: kernel.name, block, barrier: loc(barrier), first, second }, [head, ...quote(sa), ...quote(barrier)].join('\n'));
  }
  if (kind !== RACE_BARRIER) fail();
  const first = place(sa, dim(2));
  const second = place(sb, dim(6));
  const head =
    `kernel '${kernel.name}' has a divergent barrier: thread (${first.thread.join(',')}) waits at syncthreads() at ${at(sa)} ` +
    `but thread (${second.thread.join(',')}) ${elsewhere(sb)} (block (${block.join(',')}))`;
  return new KernelDivergenceError({ kernel: kernel.name, block, barrier: loc(sa), first, second }, [head, ...quote(sa), ...quote(sb)].join('\n'));
}

function elsewhere(s: DebugSync): string {
  if (s.kind === 'barrier') return `waits at another, at ${at(s)}`;
  if (s.kind === 'return') return `returned at ${at(s)} without reaching it`;
  return `ran to the end of the kernel (${s.file}:${s.line}) without reaching it`;
}

const loc = (s: DebugSite | DebugSync): { file: string; line: number; column: number } => ({ file: s.file, line: s.line, column: s.column });
const at = (s: DebugSite | DebugSync): string => `${s.file}:${s.line}:${s.column}`;
const access = (s: DebugSite, thread: Dim3): RaceAccess => ({ thread, access: s.access, ...loc(s) });

function place(s: DebugSync, thread: Dim3, value?: boolean): BarrierThread {
  return { thread, at: s.kind, ...(value === undefined ? {} : { value }), ...loc(s) };
}

/** `at file:line:col` and the code frame, for each place a report names. */
const quote = (s: DebugSite | DebugSync): string[] => [`    at ${at(s)}`, ...frame(s)];
