// One campaign worker process: runs inputs [from, to) of one fuzzer, reporting each input's start,
// each failure (then, for the first few of a signature, its minimized input) to the supervisor
// over IPC. A worker that hangs or dies is replaced by the supervisor, which skips the input.
import { closeDevices, openDevices } from '../helpers/devices.js';
import type { Device } from '../../runtime/types.js';
import { seedCorpus } from './corpus.js';
import { openDawn } from './dawn.js';
import { diffStats, makeDiffInput, minimizeDiff, runDiff } from './diff.js';
import type { FailureRecord } from './finding.js';
import { minimizeText } from './minimize-text.js';
import { MutantOracle } from './mutant-oracle.js';
import { makeMutant, runMutant } from './mutants.js';
import { hasNvcc, openNvcc } from './nvcc.js';
import { saveInputs } from './reproducer.js';

export type FuzzerKind = 'mutants' | 'diff';

export interface WorkerArgs {
  kind: FuzzerKind;
  seed: number;
  from: number;
  to: number;
  /** Minimize the first this-many failures of each signature (0: none). */
  minimize: number;
  nvcc: boolean;
  /** Failures per signature already seen (so a restarted worker does not minimize them again). */
  seen: Record<string, number>;
}

export type WorkerMessage =
  | { t: 'start'; index: number }
  | { t: 'alive' }
  | { t: 'fail'; record: FailureRecord; minimizing: boolean }
  | { t: 'min'; record: FailureRecord }
  /** Counters since this worker started (see Fuzzer.stats). */
  | { t: 'stats'; stats: Record<string, number> }
  | { t: 'done' };

export const sigKey = (r: FailureRecord): string => `${r.fuzzer}|${r.finding.kind}|${r.finding.signature}`;

export interface Fuzzer {
  run(index: number): Promise<FailureRecord[]>;
  /** The record with `minimized` (and a fresh detail) filled in. */
  minimize(r: FailureRecord, alive: () => void): Promise<FailureRecord>;
  /** Counters of what the inputs so far did (compiled, validated, launched…). */
  stats(): Record<string, number>;
  dispose(): void;
}

export async function openFuzzer(kind: FuzzerKind, seed: number, nvcc: boolean): Promise<Fuzzer> {
  if (kind === 'mutants') {
    const corpus = seedCorpus();
    const dawn = await openDawn();
    const cuda = nvcc && hasNvcc() ? openNvcc() : undefined;
    const oracle = new MutantOracle({ dawn, nvcc: cuda });
    return {
      run: (index) => runMutant(oracle, corpus, seed, index),
      async minimize(r, alive) {
        const m = makeMutant(corpus, r.seed, r.index);
        const still = async (text: string): Promise<boolean> => {
          alive();
          const fs = await oracle.check(m.seedFile, text);
          return fs.some((f) => f.kind === r.finding.kind && f.signature === r.finding.signature);
        };
        const counted = { ...oracle.stats }; // minimization checks are not inputs of the campaign
        try {
          const minimized = await minimizeText(r.source, still, r.finding.kind === 'cuda-rejected' ? 60 : 300);
          const now = (await oracle.check(m.seedFile, minimized)).find((f) => f.kind === r.finding.kind && f.signature === r.finding.signature);
          return { ...r, minimized, finding: now ?? r.finding };
        } finally {
          Object.assign(oracle.stats, counted);
        }
      },
      stats: () => ({ ...oracle.stats }),
      dispose() {
        dawn.dispose();
        cuda?.dispose();
      },
    };
  }
  const slots = await openDevices(['cpu', 'webgpu']);
  const devices = slots.map((s) => s.device).filter((d): d is Device => d !== null);
  const cuda = nvcc && hasNvcc() ? openNvcc(false) : undefined;
  return {
    run: (index) => runDiff(devices, seed, index, cuda),
    async minimize(r, alive) {
      const input = makeDiffInput(r.seed, r.index);
      // Checks await the GPU, so a timer can say the worker is alive; a hung compile stops it too.
      const timer = setInterval(alive, 2000);
      const counted = { ...diffStats };
      try {
        const m = await minimizeDiff(input, r.finding, devices, cuda);
        return { ...r, minimized: m.source, data: JSON.stringify({ program: m.program, inputs: saveInputs(m.inputs) }), finding: { ...r.finding, detail: m.detail } };
      } finally {
        clearInterval(timer);
        Object.assign(diffStats, counted);
      }
    },
    stats: () => ({ ...diffStats }),
    dispose() {
      closeDevices(slots);
      cuda?.dispose();
    },
  };
}

export async function runWorker(args: WorkerArgs, send: (m: WorkerMessage) => void): Promise<void> {
  const fuzzer = await openFuzzer(args.kind, args.seed, args.nvcc);
  const seen = new Map(Object.entries(args.seen));
  try {
    for (let index = args.from; index < args.to; index++) {
      send({ t: 'start', index });
      for (const record of await fuzzer.run(index)) {
        const key = sigKey(record);
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        const minimizing = n <= args.minimize;
        send({ t: 'fail', record, minimizing });
        if (minimizing) send({ t: 'min', record: await fuzzer.minimize(record, () => send({ t: 'alive' })) });
      }
      if ((index - args.from) % 10 === 9) send({ t: 'stats', stats: fuzzer.stats() });
    }
    send({ t: 'stats', stats: fuzzer.stats() });
    send({ t: 'done' });
  } finally {
    fuzzer.dispose();
  }
}
