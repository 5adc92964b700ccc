// The rules every mutant must satisfy: the compiler either compiles it or reports coded, located
// diagnostics (never another exception, never a silent pass of what tsc rejects), and whatever it
// compiles is accepted by Dawn (WGSL), by `new Function` (js) and, optionally, by nvcc (CUDA C).
// After a crash, a pristine seed must still compile to what it did (no state left behind).
import { createHash } from 'node:crypto';
import { CODES, compileFile, type Diagnostic } from '../../compiler/index.js';
import { displayName } from '../../compiler/frontend/module.js';
import type { FileCompileResult } from '../../compiler/index.js';
import type { Target } from '../../core/output.js';
import type { SeedFile } from './corpus.js';
import type { WgslValidator } from './dawn.js';
import { normalize, type Finding } from './finding.js';
import type { CudaValidator } from './nvcc.js';
import { tsRejects } from './ts-check.js';

export const TARGETS: readonly Target[] = ['wgsl', 'cuda', 'js'];
const SLOW_MS = 10_000;

export interface Validators {
  dawn?: WgslValidator | undefined;
  nvcc?: CudaValidator | undefined;
}

function crashFinding(e: unknown, what: string): Finding {
  const err = e instanceof Error ? e : new Error(String(e));
  const at = (err.stack ?? '').split('\n').find((l) => l.includes('/compiler/') || l.includes('/targets/'))?.trim() ?? '';
  const where = at.replace(/^at /, '').replace(/\(?\/.*\/(compiler|targets)\//, '$1/').replace(/:\d+\)?$/, '');
  return {
    kind: 'crash',
    // A stack overflow happens wherever the recursion is deepest: its place is not part of the bug.
    signature: `${err.name}: ${normalize(err.message)}${where && !(err instanceof RangeError) ? ` [${where.replace(/:\d+$/, '')}]` : ''}`,
    detail: `${what} threw ${err.name}: ${err.message.slice(0, 1500)}\n${(err.stack ?? '').split('\n').slice(1, 8).join('\n')}`,
  };
}

/** Problems with one diagnostic: an unknown code, a location outside the file, an unfilled message. */
function diagnosticProblems(d: Diagnostic, file: string, text: string): string[] {
  const out: string[] = [];
  if (!Object.hasOwn(CODES, d.code)) out.push(`unknown code ${String(d.code)}`);
  if (!(d.line >= 1 && d.column >= 1)) out.push(`location ${d.line}:${d.column} is not 1-based`);
  if (d.file === file) {
    const lines = text.split('\n');
    const line = lines[d.line - 1];
    if (line === undefined) out.push(`line ${d.line} is past the end of the file (${lines.length} lines)`);
    else if (d.column > line.length + 1) out.push(`column ${d.column} is past the end of line ${d.line} (${line.length} characters)`);
  }
  if (/''|""/.test(d.message)) out.push('the message names an empty name');
  if (/[‹›]|\{\d\}|undefined|NaN|\[object /.test(d.message.replace(/'[^']+'/g, "'X'"))) out.push('the message has an unfilled or raw placeholder');
  return out;
}

const hashOf = (r: FileCompileResult): string => {
  const h = createHash('sha256');
  for (const k of r.kernels) for (const t of TARGETS) h.update(`${k.name}/${t}/${k.outputs[t]?.code ?? '-'}`);
  for (const d of r.diagnostics) h.update(`${d.code}:${d.line}:${d.column}`);
  return h.digest('hex');
};

export class MutantOracle {
  private readonly baselines = new Map<string, string>();
  /** How the mutants checked so far fared: proof that a run exercised the compiler. */
  readonly stats = { mutants: 0, compiled: 0, diagnosed: 0, wgslValidated: 0 };
  constructor(private readonly validators: Validators = {}) {}

  /** Compiles a pristine seed and remembers what it gave, for the stale-state check. */
  private baseline(seed: SeedFile): string {
    let b = this.baselines.get(seed.fileName);
    if (b === undefined) {
      b = hashOf(compileFile(seed.fileName, seed.text, TARGETS));
      this.baselines.set(seed.fileName, b);
    }
    return b;
  }

  /** Every rule `text` (a mutant of `seed`, compiled under the seed's file name) breaks. */
  async check(seed: SeedFile, text: string): Promise<Finding[]> {
    this.baseline(seed);
    const findings = await this.checkSource(seed.fileName, text);
    if (findings.some((f) => f.kind === 'crash')) {
      let now: string;
      try {
        now = hashOf(compileFile(seed.fileName, seed.text, TARGETS));
      } catch (e) {
        now = `threw ${(e as Error).name}`;
      }
      if (now !== this.baseline(seed)) {
        findings.push({ kind: 'stale-state', signature: 'a pristine file compiles differently after a crash', detail: `after the crash, ${seed.origin} no longer compiles to its baseline outputs (${now.slice(0, 20)})` });
      }
    }
    return findings;
  }

  async checkSource(fileName: string, text: string): Promise<Finding[]> {
    const t0 = performance.now();
    let r: FileCompileResult;
    try {
      r = compileFile(fileName, text, TARGETS);
    } catch (e) {
      return [crashFinding(e, 'compileFile')];
    }
    const out: Finding[] = [];
    this.stats.mutants++;
    if (r.diagnostics.length > 0) this.stats.diagnosed++;
    if (r.kernels.some((k) => k.outputs.wgsl)) this.stats.compiled++;
    const ms = performance.now() - t0;
    if (ms > SLOW_MS) out.push({ kind: 'slow', signature: 'compileFile takes over 10 s', detail: `compileFile took ${Math.round(ms)} ms` });
    const display = displayName(fileName);
    for (const d of r.diagnostics) {
      for (const p of diagnosticProblems(d, display, text)) {
        out.push({ kind: 'bad-diagnostic', signature: `${d.code}: ${p}`, detail: `${d.file}:${d.line}:${d.column} ${d.code}: ${d.message}\n(${p})` });
      }
    }
    const accepted = r.diagnostics.length === 0 && r.kernels.some((k) => Object.keys(k.outputs).length > 0);
    if (accepted) {
      const ts = tsRejects(fileName, text);
      if (ts.length > 0) {
        const first = ts[0]!;
        out.push({
          kind: 'accepts-invalid-ts',
          signature: `TS${first.code}: ${normalize(first.message)}`,
          detail: `tsc rejects the file, the compiler reported nothing:\n${ts.map((p) => `  line ${p.line}: TS${p.code} ${p.message}`).join('\n')}`,
        });
      }
    }
    for (const k of r.kernels) {
      const wgsl = k.outputs.wgsl;
      // A matrix kernel validates only on an adapter with subgroup matrices (others refuse the extension).
      if (wgsl && this.validators.dawn && (!wgsl.meta.matrix || this.validators.dawn.matrix.ok)) {
        let msg: string | null;
        try {
          msg = await this.validators.dawn.validate(wgsl);
        } catch (e) {
          msg = `validator threw ${(e as Error).message}`;
        }
        this.stats.wgslValidated++;
        if (msg) out.push({ kind: 'wgsl-rejected', signature: normalize(msg.replace(/^(module|pipeline): (\d+:\d+ )?/, '$1: ')), detail: `Dawn rejects kernel '${k.name}':\n${msg}`, target: 'wgsl', code: wgsl.code });
      }
      const js = k.outputs.js;
      if (js) {
        try {
          new Function(js.code);
        } catch (e) {
          out.push({ kind: 'js-rejected', signature: `${(e as Error).name}: ${normalize((e as Error).message)}`, detail: `the js code of '${k.name}' does not parse: ${(e as Error).message}`, target: 'js', code: js.code });
        }
      }
      const cuda = k.outputs.cuda;
      if (cuda && this.validators.nvcc) {
        const msg = await this.validators.nvcc.validate(cuda.code);
        if (msg) {
          const first = msg.split('\n').find((l) => /error|warning/.test(l)) ?? msg;
          out.push({ kind: 'cuda-rejected', signature: normalize(first.replace(/^.*?\(\d+\): /, '')), detail: `nvcc rejects kernel '${k.name}':\n${msg.slice(0, 2000)}`, target: 'cuda', code: cuda.code });
        }
      }
    }
    return out;
  }
}
