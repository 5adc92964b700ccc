// What the on-disk CUDA cache saves: for every test case kernel, the first launch on a fresh cuda
// device (which builds the module: NVRTC or nvcc, or a cache hit) minus the second launch (module
// already loaded), summed. Run it twice with the same KERNELSCRIPT_CACHE_DIR: the first run fills
// the cache, the second reads it. TypeScript → CUDA C is done before timing, so only the CUDA
// build is measured. Prints one JSON line.
//
//   KERNELSCRIPT_CACHE_DIR=/tmp/ks-cache npx tsx bench/cuda-cache.ts
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDevice } from '../index.js';
import { resolveKernel } from '../runtime/jit.js';
import { isKernel } from '../core/kernel.js';
import type { CaseSpec } from '../test/helpers/case.js';
import { runCase } from '../test/exec/run-case.js';

const dir = join(import.meta.dirname, '..', 'test', 'cases');
const gpu = await createDevice({ backend: 'cuda' });
const rows: { kernel: string; buildMs: number }[] = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
  const specs = (mod.specs as CaseSpec[] | undefined) ?? (mod.spec ? [mod.spec as CaseSpec] : []);
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.kernel)) continue;
    seen.add(spec.kernel);
    const k = mod[spec.kernel];
    if (!isKernel(k)) continue;
    resolveKernel(k, 'cuda');
    const t0 = performance.now();
    await runCase(mod, spec, gpu);
    const first = performance.now() - t0;
    const t1 = performance.now();
    await runCase(mod, spec, gpu);
    const second = performance.now() - t1;
    rows.push({ kernel: `${file}:${spec.kernel}`, buildMs: Math.max(0, first - second) });
  }
}
gpu.dispose();
const ms = rows.map((r) => r.buildMs).sort((a, b) => a - b);
const total = ms.reduce((a, b) => a + b, 0);
console.log(
  JSON.stringify({
    kernels: rows.length,
    totalBuildMs: Math.round(total),
    medianBuildMs: Number((ms[Math.floor(ms.length / 2)] ?? 0).toFixed(2)),
    compiler: process.env.KERNELSCRIPT_CUDA_COMPILER ?? 'auto',
  }),
);
