// Runs a campaign in a worker process (campaign.ts --worker) and watches it: an input after which
// the worker says nothing for `timeoutS` is recorded as a hang, a worker that dies as a crash, and
// in both cases a new worker carries on with the next input. Collects the failure records.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT, seedCorpus } from './corpus.js';
import { makeDiffInput } from './diff.js';
import { normalize, writeFailure, type FailureRecord, type Finding } from './finding.js';
import { describeMutant, makeMutant } from './mutants.js';
import { sigKey, type FuzzerKind, type WorkerArgs, type WorkerMessage } from './worker.js';

const CAMPAIGN = fileURLToPath(new URL('./campaign.ts', import.meta.url));

export interface CampaignOptions {
  kind: FuzzerKind;
  seed: number;
  count: number;
  start?: number;
  /** Minimize the first this-many failures of each signature. */
  minimize: number;
  nvcc?: boolean;
  /** Seconds of silence after which the worker counts as hung. */
  timeoutS: number;
  /** Failures per signature (sigKey) already seen, e.g. by an earlier campaign: not minimized again. */
  seen?: Record<string, number>;
  /** Where to write each failure (and a summary), if anywhere. */
  outDir?: string;
  /** Called once per failure, when it is final (minimized or not). */
  onFailure?: (r: FailureRecord, firstOfSignature: boolean) => void;
  onProgress?: (done: number, failures: number, signatures: number) => void;
}

export interface CampaignResult {
  records: FailureRecord[];
  /** The workers' counters, added up (approximate when a worker was killed). */
  stats: Record<string, number>;
  seconds: number;
}

/** The record of an input the supervisor itself had to give up on. */
function lostInput(kind: FuzzerKind, seed: number, index: number, finding: Finding): FailureRecord {
  if (kind === 'mutants') {
    const m = makeMutant(seedCorpus(), seed, index);
    const ops = m.mutant.ops.map((o) => o.split(':')[0]).join(', ');
    return { fuzzer: kind, seed, index, finding: { ...finding, signature: `${finding.signature} (${ops})` }, source: m.mutant.text, origin: describeMutant(m) };
  }
  return { fuzzer: kind, seed, index, finding, source: makeDiffInput(seed, index).source, origin: 'generated program' };
}

export function runCampaign(opts: CampaignOptions): Promise<CampaignResult> {
  const t0 = performance.now();
  const start = opts.start ?? 0;
  const end = start + opts.count;
  const records: FailureRecord[] = [];
  const stats: Record<string, number> = {};
  const perSig = new Map<string, number>(Object.entries(opts.seen ?? {}));
  const final = (r: FailureRecord): void => {
    const key = sigKey(r);
    const n = (perSig.get(key) ?? 0) + 1;
    perSig.set(key, n);
    records.push(r);
    if (opts.outDir) writeFailure(opts.outDir, r);
    opts.onFailure?.(r, n === 1);
  };

  return new Promise((resolve, reject) => {
    let next = start;
    let done = start;
    const launch = (): void => {
      if (next >= end) {
        resolve({ records, stats, seconds: (performance.now() - t0) / 1000 });
        return;
      }
      const args: WorkerArgs = { kind: opts.kind, seed: opts.seed, from: next, to: end, minimize: opts.minimize, nvcc: opts.nvcc ?? false, seen: Object.fromEntries(perSig) };
      const child: ChildProcess = fork(CAMPAIGN, ['--worker', JSON.stringify(args)], {
        cwd: REPO_ROOT,
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      let current = -1;
      let workerStats: Record<string, number> = {};
      let pending: FailureRecord | null = null;
      let finished = false;
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => {
        stderr = (stderr + d.toString()).split('\n').filter((l) => !l.startsWith('Warning:')).join('\n').slice(-3000);
      });
      let timer: NodeJS.Timeout | null = null;
      const arm = (): void => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          if (pending) final(pending);
          else if (current >= 0) final(lostInput(opts.kind, opts.seed, current, { kind: 'hang', signature: `no answer for ${opts.timeoutS} s`, detail: `the worker said nothing for ${opts.timeoutS} s while on this input (killed)` }));
          pending = null;
          finished = true;
          child.kill('SIGKILL');
        }, opts.timeoutS * 1000);
      };
      arm();
      child.on('message', (m: WorkerMessage) => {
        arm();
        if (m.t === 'start') {
          if (pending) final(pending);
          pending = null;
          current = m.index;
          next = m.index + 1;
          done = m.index;
          opts.onProgress?.(done - start, records.length, perSig.size);
        } else if (m.t === 'fail') {
          if (pending) final(pending);
          pending = m.minimizing ? m.record : null;
          if (!m.minimizing) final(m.record);
        } else if (m.t === 'min') {
          pending = null;
          final(m.record);
        } else if (m.t === 'stats') {
          workerStats = m.stats;
        } else if (m.t === 'done') {
          finished = true;
          next = end;
        }
      });
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        if (timer) clearTimeout(timer);
        for (const [k, v] of Object.entries(workerStats)) stats[k] = (stats[k] ?? 0) + v;
        if (pending) final(pending);
        pending = null;
        if (!finished && current >= 0) {
          const last = stderr.trim().split('\n').pop() ?? '';
          final(lostInput(opts.kind, opts.seed, current, { kind: 'process-crash', signature: `worker died (${signal ?? `exit ${code}`}): ${normalize(last)}`, detail: `the worker died on this input (${signal ?? `exit code ${code}`}); its last output:\n${stderr}` }));
        } else if (!finished && current < 0) {
          reject(new Error(`the campaign worker failed to start (${signal ?? `exit ${code}`}):\n${stderr}`));
          return;
        }
        launch();
      });
    };
    launch();
  });
}
