// Saved fuzz failures: a reproducer is a small `.ts` module under test/regress/fuzz/ holding the
// (minimized) input of one failure, and `checkReproducer` runs it through the oracle that found it.
// test/regress/fuzz/fuzz.test.ts runs every saved one, so each fails until its bug is fixed.
import { execFile } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Device } from '../../runtime/types.js';
import { REPO_ROOT, seedCorpus, type SeedFile } from './corpus.js';
import type { WgslValidator } from './dawn.js';
import { checkProgram } from './diff.js';
import type { FailureRecord, Finding } from './finding.js';
import { MutantOracle } from './mutant-oracle.js';
import type { CudaValidator } from './nvcc.js';
import { printProgram } from './print-program.js';
import type { Program } from './program.js';
import type { Inputs } from './reference.js';

export const REGRESS_DIR = join(REPO_ROOT, 'test', 'regress', 'fuzz');

/** Inputs with plain arrays, as JSON and a module literal can hold them. */
export type SavedInputs = Omit<Inputs, 'A' | 'U' | 'F' | 'GI' | 'GU'> & { A: number[]; U: number[]; F: number[]; GI: number[]; GU: number[] };

interface Common {
  seed: number;
  index: number;
  /** `[kind] signature` of the failure when it was found. */
  finding: string;
}

export type Reproducer =
  | (Common & { fuzzer: 'mutants'; /** The seed file, relative to the repository root. */ origin: string; fileName: string; source: string })
  | (Common & { fuzzer: 'diff'; program: Program; inputs: SavedInputs });

export function saveInputs(i: Inputs): SavedInputs {
  return { ...i, A: [...i.A], U: [...i.U], F: [...i.F], GI: [...i.GI], GU: [...i.GU] };
}

export function loadInputs(s: SavedInputs): Inputs {
  return { ...s, A: Int32Array.from(s.A), U: Uint32Array.from(s.U), F: Float32Array.from(s.F), GI: Int32Array.from(s.GI), GU: Uint32Array.from(s.GU) };
}

export const findingKey = (f: Pick<Finding, 'kind' | 'signature'>): string => `[${f.kind}] ${f.signature}`;

/** The reproducer of a record: its minimized input (FailureRecord.data for diff), else the input itself. */
export function reproducerOf(r: FailureRecord, fallback: () => { program: Program; inputs: Inputs }): Reproducer {
  const common = { seed: r.seed, index: r.index, finding: findingKey(r.finding) };
  if (r.fuzzer === 'diff') {
    if (r.data) return { ...common, fuzzer: 'diff', ...(JSON.parse(r.data) as { program: Program; inputs: SavedInputs }) };
    const { program, inputs } = fallback();
    return { ...common, fuzzer: 'diff', program, inputs: saveInputs(inputs) };
  }
  const origin = r.origin.match(/^mutant of (\S+):/)?.[1] ?? '';
  const seed = seedCorpus().find((s) => s.origin === origin);
  return { ...common, fuzzer: 'mutants', origin, fileName: seed ? seed.fileName.slice(REPO_ROOT.length) : 'test/cases/fuzz-check.ts', source: r.minimized ?? r.source };
}

const slug = (s: string): string => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).toLowerCase() || 'x';

/** Writes `dir/<fuzzer>-<finding>-<seed>-<index>.ts`; returns its path. */
export function writeReproducer(dir: string, r: Reproducer): string {
  const file = join(dir, `${r.fuzzer}-${slug(r.finding)}-${r.seed}-${r.index}.ts`);
  const shown = r.fuzzer === 'diff' ? printProgram(r.program) : r.source;
  const text = [
    `// ${r.finding.split('\n')[0]}`,
    `// Found by the ${r.fuzzer} fuzzer (seed ${r.seed}, input ${r.index}); the input as a kernel file:`,
    ...shown.trimEnd().split('\n').map((l) => `//   ${l}`),
    "import type { Reproducer } from '../../fuzz/reproducer.js';",
    '',
    `export const reproducer: Reproducer = ${JSON.stringify(r, null, 1)};`,
    '',
  ].join('\n');
  writeFileSync(file, text);
  return file;
}

export async function loadReproducer(path: string): Promise<Reproducer> {
  return ((await import(pathToFileURL(path).href)) as { reproducer: Reproducer }).reproducer;
}

/** Every saved reproducer of `dir`, by file name. */
export async function loadReproducers(dir = REGRESS_DIR): Promise<{ file: string; reproducer: Reproducer }[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  const out: { file: string; reproducer: Reproducer }[] = [];
  for (const file of files) out.push({ file, reproducer: await loadReproducer(join(dir, file)) });
  return out;
}

const CAMPAIGN = fileURLToPath(new URL('./campaign.ts', import.meta.url));

/**
 * A mutant reproducer checked in a child process killed after `timeoutS`: a compiler that hangs
 * (synchronously) fails the check instead of the test run.
 */
export function checkMutantInChild(path: string, timeoutS: number): Promise<Finding[]> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', CAMPAIGN, '--reproducer', path], { cwd: REPO_ROOT, timeout: timeoutS * 1000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (!err && last.startsWith('[')) return done(JSON.parse(last) as Finding[]);
      const killed = err?.killed === true;
      done([{ kind: killed ? 'hang' : 'process-crash', signature: killed ? `no answer for ${timeoutS} s` : 'the check died', detail: `${err?.message ?? ''}\n${stderr.slice(-2000)}` }]);
    });
  });
}

export interface Oracles {
  devices: readonly Device[];
  dawn: WgslValidator;
  nvcc?: CudaValidator | undefined;
}

/** What the oracle finds wrong with a reproducer now: nothing once its bug is fixed. */
export async function checkReproducer(r: Reproducer, o: Oracles): Promise<Finding[]> {
  if (r.fuzzer === 'diff') {
    const res = await checkProgram({ program: r.program, source: printProgram(r.program), inputs: loadInputs(r.inputs) }, o.devices, o.nvcc);
    return res.findings;
  }
  const seed: SeedFile = seedCorpus().find((s) => s.origin === r.origin) ?? { origin: r.origin, fileName: join(REPO_ROOT, r.fileName), text: r.source };
  return new MutantOracle({ dawn: o.dawn, nvcc: o.nvcc }).check({ ...seed, fileName: join(REPO_ROOT, r.fileName) }, r.source);
}
