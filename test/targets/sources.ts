// Everything the target tests compile: hand-built IR fixtures, and (once the front end can compile
// them) every kernel of every test case file, found by reading the files rather than importing them.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { CompiledKernel, Target } from '../../compiler/output.js';
import { emitKernel } from '../../targets/index.js';
import { FIXTURES } from './fixtures.js';

export const CASES_DIR = fileURLToPath(new URL('../cases/', import.meta.url));

export interface CaseKernel {
  /** Case file name without extension. */
  caseName: string;
  file: string;
  source: string;
  kernel: string;
}

export function caseKernels(): CaseKernel[] {
  const out: CaseKernel[] = [];
  for (const f of readdirSync(CASES_DIR).filter((n) => n.endsWith('.ts')).sort()) {
    const file = join(CASES_DIR, f);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/export\s+const\s+([A-Za-z_$][\w$]*)\s*=\s*kernel\s*\(/g)) {
      out.push({ caseName: f.replace(/\.ts$/, ''), file, source, kernel: m[1]! });
    }
  }
  return out;
}

type CompileFn = (source: string, opts: { target: Target; kernel: string; fileName: string }) => CompiledKernel;

/** The front end's compileKernel, or null while compiler/index.ts is not there yet. */
export async function loadCompiler(): Promise<CompileFn | null> {
  const path = '../../compiler/index.js';
  try {
    const mod = (await import(/* @vite-ignore */ path)) as { compileKernel?: CompileFn };
    return mod.compileKernel ?? null;
  } catch {
    return null;
  }
}

export interface Unit {
  label: string;
  code: string;
  entryPoint: string;
  meta: CompiledKernel['meta'];
}

/** Code for `target` of every fixture, plus every case kernel when a compiler is available. */
export async function units(target: Target): Promise<{ units: Unit[]; compilerMissing: boolean }> {
  const list: Unit[] = FIXTURES.map((fx) => ({ label: `fixture ${fx.ir.name}`, ...emitKernel(fx.ir, target) }));
  const compile = await loadCompiler();
  if (compile) {
    for (const c of caseKernels()) {
      const out = compile(c.source, { target, kernel: c.kernel, fileName: c.file });
      list.push({ label: `case ${c.caseName}.${c.kernel}`, code: out.code, entryPoint: out.entryPoint, meta: out.meta });
    }
  }
  return { units: list, compilerMissing: compile === null };
}
