// Everything the target tests compile: hand-built IR fixtures, and every kernel of every test case
// file (read as source text and compiled by the front end, never imported).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { compileKernel, KernelCompileError, listKernels } from '../../compiler/index.js';
import type { CompiledKernel, Target } from '../../core/output.js';
import { emitKernel } from '../../targets/index.js';
import { FIXTURES } from './fixtures.js';

export const CASES_DIR = fileURLToPath(new URL('../cases/', import.meta.url));

export interface CaseKernel {
  /** Case file name without extension. */
  caseName: string;
  /** Path relative to the repository root, as diagnostics and goldens show it. */
  fileName: string;
  source: string;
  kernel: string;
  /** The targets that compile it: all three, except WGSL for a kernel using f64 (KS8015) or threadfence() (KS8035). */
  targets: Target[];
  /** What a target that does not compile it reports (its diagnostics' messages). */
  refused: Partial<Record<Target, string>>;
}

/** Compiles `kernel` for WGSL where the source may use f64 or threadfence(), to learn whether WGSL refuses it. */
function wgslRefusal(source: string, kernel: string, fileName: string): string | null {
  if (!/\bf64\b|Float64Array|\bthreadfence\b/.test(source)) return null;
  try {
    compileKernel(source, { target: 'wgsl', kernel, fileName });
    return null;
  } catch (e) {
    if (!(e instanceof KernelCompileError) || !e.diagnostics.every((d) => d.code === 'KS8015' || d.code === 'KS8035')) throw e;
    return e.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n');
  }
}

export function caseKernels(): CaseKernel[] {
  const out: CaseKernel[] = [];
  for (const f of readdirSync(CASES_DIR).filter((n) => n.endsWith('.ts')).sort()) {
    const source = readFileSync(join(CASES_DIR, f), 'utf8');
    const fileName = join(CASES_DIR, f);
    for (const kernel of listKernels(source, fileName)) {
      const refusal = wgslRefusal(source, kernel, fileName);
      const targets: Target[] = refusal === null ? ['wgsl', 'cuda', 'js'] : ['cuda', 'js'];
      out.push({ caseName: f.replace(/\.ts$/, ''), fileName, source, kernel, targets, refused: refusal === null ? {} : { wgsl: refusal } });
    }
  }
  return out;
}

export interface Unit {
  label: string;
  code: string;
  entryPoint: string;
  meta: CompiledKernel['meta'];
}

/** Code for `target` of every fixture and every case kernel. */
export function units(target: Target): Unit[] {
  const list: Unit[] = FIXTURES.map((fx) => ({ label: `fixture ${fx.ir.name}`, ...emitKernel(fx.ir, target) }));
  for (const c of caseKernels()) {
    if (!c.targets.includes(target)) continue;
    const out = compileKernel(c.source, { target, kernel: c.kernel, fileName: c.fileName });
    list.push({ label: `case ${c.caseName}.${c.kernel}`, code: out.code, entryPoint: out.entryPoint, meta: out.meta });
  }
  return list;
}
