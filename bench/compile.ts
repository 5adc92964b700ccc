// Compile speed: warm in-process time per kernel per target (lowering, passes, verification and
// emission, bypassing every cache; median over every kernel of test/cases and samples), the time
// to parse each file (once per file, however many kernels it holds), and a cold run: a fresh node
// process compiling one file, as the CLI does.
// Run: npx tsx bench/compile.ts
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findKernels, type KernelSite } from '../compiler/frontend/kernels.js';
import { loadModule } from '../compiler/frontend/module.js';
import { lowerAndCheck } from '../compiler/pipeline.js';
import { TARGETS, type Target } from '../core/output.js';
import { emitKernel } from '../targets/index.js';
import { kernelFiles } from '../test/helpers/kernel-files.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const RUNS = 15;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

let salt = 0;
/** Parses a copy of the file that no cache has seen; returns milliseconds. */
function timeParse(file: string, text: string): number {
  const t0 = performance.now();
  findKernels(loadModule(file, `${text}\n// ${salt++}\n`));
  return performance.now() - t0;
}

/** Lowers, checks and emits one kernel for one target, uncached; returns milliseconds. */
function timeCompile(site: KernelSite, target: Target): number {
  const t0 = performance.now();
  const r = lowerAndCheck(site);
  if (!r.ir) throw new Error(r.diagnostics[0]?.message ?? 'no IR');
  emitKernel(r.ir, target);
  return performance.now() - t0;
}

const files = [...kernelFiles(join(root, 'test/cases')), ...kernelFiles(join(root, 'samples'))];
const perTarget = new Map<Target, number[]>(TARGETS.map((t) => [t, []]));
const parses: number[] = [];
const rows: string[][] = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  timeParse(file, text);
  const parseMs = median(Array.from({ length: RUNS }, () => timeParse(file, text)));
  parses.push(parseMs);
  const sites = findKernels(loadModule(file, text));
  for (const site of sites) {
    const cells = [`${relative(root, file)}:${site.name}`, parseMs.toFixed(2)];
    for (const t of TARGETS) {
      try {
        timeCompile(site, t); // warm-up
        const ms = median(Array.from({ length: RUNS }, () => timeCompile(site, t)));
        perTarget.get(t)?.push(ms);
        cells.push(ms.toFixed(2));
      } catch (e) {
        cells.push(`error: ${(e as Error).message.split('\n')[0] ?? ''}`);
      }
    }
    rows.push(cells);
  }
}

const pad = (s: string, n: number): string => s.padEnd(n);
const w = Math.max(10, ...rows.map((r) => r[0]?.length ?? 0));
console.log(`Warm compile in ms (median of ${RUNS}): parsing the kernel's file, then lowering + checks + emission per target\n`);
console.log(`${pad('kernel', w)}  ${pad('parse', 8)}${TARGETS.map((t) => pad(t, 8)).join('')}`);
for (const r of rows) console.log(`${pad(r[0] ?? '', w)}  ${r.slice(1).map((c) => pad(c, 8)).join('')}`);
const medians = TARGETS.map((t) => pad(median(perTarget.get(t) ?? []).toFixed(2), 8)).join('');
console.log(`${pad('median', w)}  ${pad(median(parses).toFixed(2), 8)}${medians}`);

// Cold: a fresh process that loads the compiler and compiles one file for every target.
const coldFile = join(root, 'test/cases/saxpy.ts');
const script = `
const t0 = performance.now();
const { compileAll } = await import(${JSON.stringify(join(root, 'compiler/index.ts'))});
const t1 = performance.now();
const { readFileSync } = await import('node:fs');
compileAll(readFileSync(${JSON.stringify(coldFile)}, 'utf8'), { targets: ['wgsl', 'cuda', 'js'], fileName: ${JSON.stringify(coldFile)} });
const t2 = performance.now();
console.log(JSON.stringify({ load: t1 - t0, compile: t2 - t1 }));`;
const t0 = performance.now();
const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
const wall = performance.now() - t0;
if (r.status !== 0) {
  console.log(`\ncold run failed: ${r.stderr}`);
} else {
  const { load, compile } = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { load: number; compile: number };
  console.log(`\nCold run (fresh node process, ${relative(root, coldFile)}, all targets)\n`);
  console.log(`${pad('process wall time', 24)}${wall.toFixed(0)} ms`);
  console.log(`${pad('load compiler', 24)}${load.toFixed(0)} ms`);
  console.log(`${pad('first compile', 24)}${compile.toFixed(0)} ms`);
}
