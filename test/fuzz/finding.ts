// What a fuzzer reports: a finding (one broken rule, with a signature that groups findings of one
// bug), and a failure record (the finding plus the input that showed it, and how to regenerate it).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type FindingKind =
  | 'crash' // the compiler threw something other than KernelCompileError
  | 'slow' // the compiler took far too long
  | 'bad-diagnostic' // a diagnostic without a known code, with a bad location or an unfilled message
  | 'accepts-invalid-ts' // tsc rejects the file, the compiler compiled it without a word
  | 'rejects-valid' // a generated kernel that the language accepts got diagnostics
  | 'stale-state' // after a crash, a pristine file no longer compiles to what it did
  | 'wgsl-rejected' // Dawn rejects the WGSL of a kernel that compiled
  | 'cuda-rejected' // nvcc rejects the CUDA C of a kernel that compiled
  | 'js-rejected' // the js target's code does not parse
  | 'launch-error' // a device refused or failed to run a kernel that compiled
  | 'mismatch' // a device computed something else than the reference
  | 'hang' // the campaign worker stopped answering
  | 'process-crash'; // the campaign worker died

export interface Finding {
  kind: FindingKind;
  /** Stable across instances of one bug (numbers and quoted names normalised): groups and minimizes. */
  signature: string;
  /** What was expected and what happened. */
  detail: string;
  /** The target or device concerned, if one. */
  target?: string;
  /** The generated code the finding is about, if any. */
  code?: string;
}

export interface FailureRecord {
  fuzzer: 'mutants' | 'diff';
  seed: number;
  index: number;
  finding: Finding;
  /** The input as generated. */
  source: string;
  /** A smaller input that shows the same signature, when one was found. */
  minimized?: string;
  /** The minimized generated program and inputs, as JSON (diff; see reproducer.ts). */
  data?: string;
  /** How the input was made (the seed file and mutations, or the generator's seed). */
  origin: string;
}

/** Replaces the parts of a message that vary between instances of one bug. */
export function normalize(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/'[^']*'/g, "'X'")
    .replace(/"[^"]*"/g, '"X"')
    .replace(/`[^`]*`/g, '`X`')
    .replace(/-?\b\d+(\.\d+)?(e[+-]?\d+)?\b/gi, 'N')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 160);
}

const clip = (s: string, max: number): string =>
  s
    .split('\n')
    .map((l) => (l.length > 300 ? `${l.slice(0, 280)} …(${l.length} chars)` : l))
    .join('\n')
    .slice(0, max);

export function reproduce(r: Pick<FailureRecord, 'fuzzer' | 'seed' | 'index'>): string {
  return `npx tsx test/fuzz/campaign.ts --kind ${r.fuzzer} --seed ${r.seed} --index ${r.index}`;
}

/** A failure as a human reads it: what broke, the (minimized) input, and how to get it again. */
export function formatFailure(r: FailureRecord, withCode = true): string {
  const f = r.finding;
  const lines = [
    `[${f.kind}] ${f.signature}${f.target ? ` (${f.target})` : ''}`,
    `  input: ${r.fuzzer} seed ${r.seed} index ${r.index}; ${r.origin}`,
    `  reproduce: ${reproduce(r)}`,
    `  ${clip(f.detail, 3000).replace(/\n/g, '\n  ')}`,
    `  --- ${r.minimized ? 'minimized input' : 'input'} ---`,
    clip(r.minimized ?? r.source, 6000),
  ];
  if (f.code && withCode) lines.push('  --- generated code ---', clip(f.code, 4000));
  return lines.join('\n');
}

const slug = (s: string): string => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'x';

/** Writes `<dir>/<kind>-<signature>/<index>.ts` (the input) and `.txt` (the report); returns the .txt path. */
export function writeFailure(dir: string, r: FailureRecord): string {
  const sub = join(dir, slug(`${r.finding.kind}-${r.finding.signature}`));
  mkdirSync(sub, { recursive: true });
  writeFileSync(join(sub, `${r.index}.ts`), r.minimized ?? r.source);
  if (r.minimized) writeFileSync(join(sub, `${r.index}.original.ts`), r.source);
  const txt = join(sub, `${r.index}.txt`);
  writeFileSync(txt, `${formatFailure(r)}\n`);
  return txt;
}

/** Failures grouped by signature: a count and the indices, then the first of each in full. */
export function formatReport(records: readonly FailureRecord[]): string {
  const groups = new Map<string, FailureRecord[]>();
  for (const r of records) {
    const key = `[${r.finding.kind}] ${r.finding.signature}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const head = [...groups].map(([k, rs]) => `${String(rs.length).padStart(4)}  ${k}  (indices ${rs.slice(0, 10).map((r) => r.index).join(', ')}${rs.length > 10 ? ', …' : ''})`);
  const first = [...groups.values()].map((rs) => formatFailure(rs[0] as FailureRecord, false));
  return `${records.length} failure(s), ${groups.size} distinct:\n${head.join('\n')}\n\n${first.join('\n\n')}`;
}
