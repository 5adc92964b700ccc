// Long fuzzing runs: `npm run fuzz -- --minutes N [--kind diff|mutants|both] [--seed S] [--nvcc]
// [--out DIR] [--no-save]`. Runs campaigns in chunks (one watched worker process at a time,
// alternating kinds with `both`) until the time is up, then prints the figures: programs generated
// and compared, mutants tried, failures by signature. The first failure of each signature not
// already saved becomes a reproducer under test/regress/fuzz/ (minimized), which
// test/regress/fuzz/fuzz.test.ts then runs: it fails until the bug is fixed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './corpus.js';
import { makeDiffInput } from './diff.js';
import { formatFailure, type FailureRecord } from './finding.js';
import { REGRESS_DIR, findingKey, loadReproducers, reproducerOf, writeReproducer } from './reproducer.js';
import { runCampaign } from './supervisor.js';
import { sigKey, type FuzzerKind } from './worker.js';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const has = (name: string): boolean => process.argv.includes(`--${name}`);

function kinds(): FuzzerKind[] {
  const k = flag('kind') ?? 'both';
  if (k === 'both') return ['diff', 'mutants'];
  if (k === 'diff' || k === 'mutants') return [k];
  throw new Error(`--kind must be diff, mutants or both, not ${k}`);
}

/** Per kind: where the next chunk starts, how fast inputs went, what was found. */
interface KindRun {
  kind: FuzzerKind;
  next: number;
  seconds: number;
  stats: Record<string, number>;
  seen: Record<string, number>;
  records: FailureRecord[];
}

const CHUNK_S = 120;

async function main(): Promise<void> {
  const minutes = Number(flag('minutes') ?? 10);
  const seed = Number(flag('seed') ?? Date.now() % 1e9);
  const save = !has('no-save');
  const out = resolve(flag('out') ?? join(REPO_ROOT, 'out', 'fuzz', `long-${seed}`));
  mkdirSync(out, { recursive: true });
  mkdirSync(REGRESS_DIR, { recursive: true });
  const saved = new Set((await loadReproducers()).map((r) => r.reproducer.finding));
  const runs: KindRun[] = kinds().map((kind) => ({ kind, next: 0, seconds: 0, stats: {}, seen: {}, records: [] }));
  const deadline = performance.now() + minutes * 60_000;
  console.log(`fuzzing ${runs.map((r) => r.kind).join(' and ')} for ${minutes} min, seed ${seed}; failures in ${out}`);
  for (let turn = 0; performance.now() < deadline; turn++) {
    const run = runs[turn % runs.length] as KindRun;
    const done = run.next;
    // Chunks of about two minutes (or what is left), sized from the rate so far.
    const left = (deadline - performance.now()) / 1000 / (runs.length - (turn % runs.length));
    // A first chunk of 10 measures the rate.
    const count = done > 0 ? Math.max(5, Math.round((done / run.seconds) * Math.min(CHUNK_S, left))) : 10;
    const res = await runCampaign({
      kind: run.kind,
      seed,
      start: run.next,
      count,
      minimize: 1,
      nvcc: has('nvcc'),
      timeoutS: 60,
      outDir: join(out, run.kind),
      seen: run.seen,
      onFailure(r, first) {
        if (!first) return;
        console.log(`\n${formatFailure(r)}\n`);
        const key = findingKey(r.finding);
        if (save && !saved.has(key)) {
          saved.add(key);
          const file = writeReproducer(REGRESS_DIR, reproducerOf(r, () => makeDiffInput(r.seed, r.index)));
          console.log(`saved as ${file.slice(REPO_ROOT.length)}`);
        }
      },
    });
    run.next += count;
    run.seconds += res.seconds;
    run.records.push(...res.records);
    for (const [k, v] of Object.entries(res.stats)) run.stats[k] = (run.stats[k] ?? 0) + v;
    for (const r of res.records) run.seen[sigKey(r)] = (run.seen[sigKey(r)] ?? 0) + 1;
    console.log(`… ${run.kind}: ${run.next} inputs in ${run.seconds.toFixed(0)} s, ${run.records.length} failures`);
  }
  const summary = runs.map(figures).join('\n');
  writeFileSync(join(out, 'summary.txt'), `${summary}\n`);
  console.log(`\n${summary}`);
}

/** The closing figures of one kind: what was generated, checked and found. */
function figures(run: KindRun): string {
  const s = run.stats;
  const what =
    run.kind === 'diff'
      ? `${s.programs ?? 0} programs generated, ${s.compiled ?? 0} compiled, ${s.launches ?? 0} launches compared with the reference (${s.slotsChecked ?? 0} values checked, ${s.slotsUnknown ?? 0} undetermined)`
      : `${s.mutants ?? 0} mutants tried, ${s.compiled ?? 0} compiled (${s.wgslValidated ?? 0} WGSL validated by Dawn), ${s.diagnosed ?? 0} diagnosed`;
  const groups = new Map<string, number[]>();
  for (const r of run.records) groups.set(findingKey(r.finding), [...(groups.get(findingKey(r.finding)) ?? []), r.index]);
  const lines = [...groups].sort((a, b) => b[1].length - a[1].length).map(([k, ix]) => `  ${String(ix.length).padStart(5)}  ${k}  (inputs ${ix.slice(0, 6).join(', ')}${ix.length > 6 ? ', …' : ''})`);
  return `${run.kind}: ${run.next} inputs in ${run.seconds.toFixed(0)} s: ${what}; ${run.records.length} failures, ${groups.size} signatures${lines.length ? `\n${lines.join('\n')}` : ''}`;
}

await main();
