// Build speed: a full build of a generated project against incremental rebuilds after editing one
// kernel file, and after editing a helper that some kernel files import. Runs the CLI's build in
// this process (as --watch does) and as fresh `kernelscript build` processes sharing the disk cache.
// Usage: npx tsx bench/build.ts [files=40]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommand } from '../cli/args.js';
import { runCompile, type Io } from '../cli/build.js';
import { CompileCache } from '../compiler/cache/store.js';
import type { FileResult } from '../compiler/cache/compile.js';

const FILES = Number(process.argv[2] ?? 40);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ks-bench-'));

const helper = (k: number): string => `import type { f32 } from 'kernelscript';
export function blend(a: f32, b: f32): f32 {
  return a * ${k}.5 + b;
}
`;

function kernelFile(i: number, usesHelper: boolean): string {
  return `import { kernel, blockDim, blockIdx, threadIdx, sharedArray, syncthreads, type f32, type i32 } from 'kernelscript';
${usesHelper ? "import { blend } from './helper.js';" : 'function blend(a: f32, b: f32): f32 {\n  return a + b;\n}'}

export const scale${i} = kernel(function scale${i}(a: f32, x: Float32Array, y: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    y[i] = blend(a * x[i], y[i]) + ${i};
  }
});

export const reduce${i} = kernel(function reduce${i}(x: Float32Array, out: Float32Array, n: i32) {
  const tile = sharedArray(Float32Array, 256);
  const t = threadIdx.x;
  const i = blockIdx.x * blockDim.x + t;
  tile[t] = i < n ? x[i] : 0;
  syncthreads();
  for (let s = blockDim.x / 2; s > 0; s = s / 2) {
    if (t < s) {
      tile[t] += tile[t + s];
    }
    syncthreads();
  }
  if (t == 0) {
    out[blockIdx.x] = tile[0] * ${i + 1};
  }
});
`;
}

function setup(): void {
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'src/helper.ts'), helper(1));
  for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `src/k${i}.ts`), kernelFile(i, i % 4 === 0));
}

const io: Io = { cwd: dir, stdout: () => {}, stderr: (s) => process.stderr.write(s), color: false };
const cmd = parseCommand(['build', 'src/*.ts', '-o', 'out', '--cache-dir', 'cache', '-q']);
if (cmd.kind !== 'build') throw new Error('bad bench command');

async function timed(label: string, cache: CompileCache<FileResult>): Promise<{ label: string; ms: number; compiled: number; cached: number }> {
  const t0 = performance.now();
  const r = await runCompile('build', cmd as Extract<typeof cmd, { kind: 'build' }>, io, cache);
  if (r.exitCode !== 0) throw new Error(`${label}: build failed`);
  return { label, ms: performance.now() - t0, compiled: r.compiled, cached: r.cached };
}

function edit(file: string, from: string, to: string): void {
  const p = join(dir, file);
  writeFileSync(p, readFileSync(p, 'utf8').replace(from, to));
}

setup();
const rows: { label: string; ms: number; compiled: number; cached: number }[] = [];
const cache = new CompileCache<FileResult>({ dir: join(dir, 'cache') });
rows.push(await timed('full build (cold cache)', cache));
rows.push(await timed('rebuild, nothing changed', cache));
edit('src/k7.ts', '+ 7;', '+ 77;');
rows.push(await timed('rebuild, one kernel file edited', cache));
edit('src/helper.ts', '1.5', '2.5');
rows.push(await timed('rebuild, shared helper edited', cache));

// Fresh processes (no in-memory state): the on-disk cache alone.
const bin = join(ROOT, 'bin/kernelscript.js');
const spawnBuild = (label: string, extra: string[] = []): void => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, 'build', 'src/*.ts', '-o', 'out', '--cache-dir', 'cache', ...extra], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${label}: ${r.stderr}`);
  const m = /(\d+) of (\d+) files from cache/.exec(r.stdout);
  const cached = Number(m?.[1] ?? 0);
  rows.push({ label, ms: performance.now() - t0, compiled: Number(m?.[2] ?? FILES + 1) - cached, cached });
};
rmSync(join(dir, 'cache'), { recursive: true, force: true });
spawnBuild('process: full build (cold cache)');
spawnBuild('process: nothing changed (compiler not loaded)');
edit('src/k3.ts', '+ 3;', '+ 33;');
spawnBuild('process: one kernel file edited');
spawnBuild('process: full build, --no-cache', ['--no-cache']);

console.log(`kernelscript build: ${FILES} kernel files (2 kernels each, ${Math.ceil(FILES / 4)} import a helper), targets wgsl,cuda,js`);
console.log('| step | ms | files compiled | from cache |\n| --- | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.label} | ${r.ms.toFixed(0)} | ${r.compiled} | ${r.cached} |`);
rmSync(dir, { recursive: true, force: true });
