// Compile speed: warm in-process time per kernel per target (the median over every kernel of
// test/cases and samples; each run compiles a fresh copy of the file, so no cache is hit), and a
// cold run: a fresh node process compiling one file, as the CLI does.
// Run: npx tsx bench/compile.ts
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileKernel, listKernels } from '../compiler/index.js';
import { TARGETS, type Target } from '../compiler/output.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const RUNS = 15;

function kernelFiles(dir: string): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out = out.concat(kernelFiles(p));
    else if (n.endsWith('.ts') && readFileSync(p, 'utf8').includes('kernel(')) out.push(p);
  }
  return out.sort();
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

let salt = 0;
/** Compiles one kernel from a copy of its file that no cache has seen; returns milliseconds. */
function timeOnce(file: string, text: string, kernel: string, target: Target): number {
  const fresh = `${text}\n// ${salt++}\n`;
  const t0 = performance.now();
  compileKernel(fresh, { target, kernel, fileName: file });
  return performance.now() - t0;
}

const files = [...kernelFiles(join(root, 'test/cases')), ...kernelFiles(join(root, 'samples'))];
const perTarget = new Map<Target, number[]>(TARGETS.map((t) => [t, []]));
const rows: string[][] = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  let names: string[];
  try {
    names = listKernels(text, file);
  } catch {
    continue;
  }
  for (const k of names) {
    const cells = [`${relative(root, file)}:${k}`];
    for (const t of TARGETS) {
      try {
        timeOnce(file, text, k, t); // warm-up
        const ms = median(Array.from({ length: RUNS }, () => timeOnce(file, text, k, t)));
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
console.log(`Warm compile, ms per kernel per target (median of ${RUNS}; file parse included)\n`);
console.log(`${pad('kernel', w)}  ${TARGETS.map((t) => pad(t, 8)).join('')}`);
for (const r of rows) console.log(`${pad(r[0] ?? '', w)}  ${r.slice(1).map((c) => pad(c, 8)).join('')}`);
console.log(`${pad('median', w)}  ${TARGETS.map((t) => pad(median(perTarget.get(t) ?? []).toFixed(2), 8)).join('')}`);

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
