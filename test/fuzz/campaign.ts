// The fuzzers by hand:
//   npx tsx test/fuzz/campaign.ts --kind mutants|diff --seed N --count M [--start I] [--out DIR]
//        [--minimize K] [--timeout S] [--nvcc]        a campaign, failures printed and written to DIR
//   npx tsx test/fuzz/campaign.ts --kind mutants|diff --seed N --index I     one input, in this process
//   npx tsx test/fuzz/campaign.ts --check FILE [--as NAME] [--nvcc]          the mutant oracle on a file
//   npx tsx test/fuzz/campaign.ts --reproducer FILE       a saved reproducer's findings, as JSON
// (and, internally, --worker ARGS: the process a campaign runs in).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './corpus.js';
import { openDawn } from './dawn.js';
import { formatFailure, type FailureRecord } from './finding.js';
import { MutantOracle } from './mutant-oracle.js';
import { hasNvcc, openNvcc } from './nvcc.js';
import { runCampaign } from './supervisor.js';
import { checkReproducer, loadReproducer } from './reproducer.js';
import { openFuzzer, runWorker, type FuzzerKind, type WorkerArgs, type WorkerMessage } from './worker.js';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const has = (name: string): boolean => process.argv.includes(`--${name}`);

function kindArg(): FuzzerKind {
  const k = flag('kind') ?? 'mutants';
  if (k !== 'mutants' && k !== 'diff') throw new Error(`--kind must be mutants or diff, not ${k}`);
  return k;
}

async function single(kind: FuzzerKind, seed: number, index: number): Promise<void> {
  const fuzzer = await openFuzzer(kind, seed, has('nvcc'));
  try {
    const records = await fuzzer.run(index);
    if (records.length === 0) console.log(`${kind} seed ${seed} index ${index}: no failure`);
    for (const r of records) console.log(`${formatFailure(has('no-minimize') ? r : await fuzzer.minimize(r, () => undefined))}\n`);
  } finally {
    fuzzer.dispose();
  }
}

async function check(file: string, as: string): Promise<void> {
  const dawn = await openDawn();
  const nvcc = has('nvcc') && hasNvcc() ? openNvcc() : undefined;
  try {
    const findings = await new MutantOracle({ dawn, nvcc }).checkSource(as, readFileSync(file, 'utf8'));
    if (findings.length === 0) console.log(`${file}: no failure`);
    for (const f of findings) console.log(`[${f.kind}] ${f.signature}\n  ${f.detail.replace(/\n/g, '\n  ')}\n`);
  } finally {
    dawn.dispose();
    nvcc?.dispose();
  }
}

async function campaign(): Promise<void> {
  const kind = kindArg();
  const seed = Number(flag('seed') ?? 1);
  const count = Number(flag('count') ?? 1000);
  const out = resolve(flag('out') ?? join(REPO_ROOT, 'out', 'fuzz', `${kind}-${seed}`));
  mkdirSync(out, { recursive: true });
  let lastProgress = 0;
  const { records, seconds, stats } = await runCampaign({
    kind,
    seed,
    count,
    start: Number(flag('start') ?? 0),
    minimize: Number(flag('minimize') ?? 1),
    nvcc: has('nvcc'),
    timeoutS: Number(flag('timeout') ?? 60),
    outDir: out,
    onFailure(r, first) {
      if (first) console.log(`\n${formatFailure(r)}\n`);
    },
    onProgress(done, failures, sigs) {
      if (performance.now() - lastProgress > 10_000) {
        lastProgress = performance.now();
        console.log(`… ${kind}: ${done}/${count} inputs, ${failures} failures, ${sigs} distinct`);
      }
    },
  });
  const groups = new Map<string, FailureRecord[]>();
  for (const r of records) {
    const key = `[${r.finding.kind}] ${r.finding.signature}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const lines = [...groups]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([k, rs]) => `${String(rs.length).padStart(5)}  ${k}  (indices ${rs.slice(0, 8).map((r) => r.index).join(', ')}${rs.length > 8 ? ', …' : ''})`);
  const counts = Object.entries(stats).map(([k, v]) => `${k} ${v}`).join(', ');
  const summary = `${kind} campaign, seed ${seed}, ${count} inputs in ${seconds.toFixed(0)} s (${counts}): ${records.length} failures, ${groups.size} distinct\n${lines.join('\n')}\n`;
  writeFileSync(join(out, 'summary.txt'), summary);
  console.log(`\n${summary}failures written to ${out}`);
}

async function main(): Promise<void> {
  const worker = flag('worker');
  if (worker !== undefined) {
    const send = (m: WorkerMessage): void => void process.send?.(m);
    await runWorker(JSON.parse(worker) as WorkerArgs, send);
    process.disconnect?.();
    return;
  }
  const saved = flag('reproducer');
  if (saved !== undefined) {
    const dawn = await openDawn();
    try {
      console.log(JSON.stringify(await checkReproducer(await loadReproducer(resolve(saved)), { devices: [], dawn })));
    } finally {
      dawn.dispose();
    }
    return;
  }
  const file = flag('check');
  if (file !== undefined) return check(file, resolve(flag('as') ?? join(REPO_ROOT, 'test', 'cases', 'fuzz-check.ts')));
  const index = flag('index');
  if (index !== undefined) return single(kindArg(), Number(flag('seed') ?? 1), Number(index));
  return campaign();
}

await main();
